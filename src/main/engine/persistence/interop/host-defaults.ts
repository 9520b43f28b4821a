/** Defaults for hosts and switches imported from formats that do not describe them fully. */
import type { Host, Switch } from '../../../../shared/design/schema'
import {
  VIRTUALIZATION_PRODUCTS,
  type VirtualizationProduct,
} from '../../../../shared/design/enums'

/** A common two-socket virtualization server (the sample's KVM hosts). */
export const DEFAULT_HOST: Omit<Host, 'id' | 'name'> = {
  sockets: 2,
  coresPerSocket: 16,
  mipsPerCore: 2600,
  memoryMiB: 262_144,
  diskGiB: 1920,
  nicGbps: 25,
  cpuExtensions: 'vt-x',
  powerCurveW: [112, 148, 171, 193, 214, 236, 262, 291, 322, 352, 381],
  state: 'up',
  virtualization: { kind: 'hvm', product: 'kvm', hostOs: 'linux' },
}

export const DEFAULT_SWITCH: Omit<Switch, 'id' | 'name' | 'tier'> = { ports: 48, portGbps: 25 }

/** The virtualization of a host running `product`, with the OS it implies. */
export function virtualizationFor(product: VirtualizationProduct): Host['virtualization'] {
  return {
    kind: VIRTUALIZATION_PRODUCTS[product],
    product,
    hostOs:
      product === 'freebsd-jails' ? 'freebsd' : product === 'solaris-zones' ? 'solaris' : 'linux',
  }
}

/** A lower-case slug for ids: letters, digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'x'
  )
}

/** Hands out ids unique within one import: `base`, `base-2`, `base-3`, ... */
export class IdAllocator {
  private readonly used: Set<string>
  constructor(taken: Iterable<string> = []) {
    this.used = new Set(taken)
  }
  take(base: string): string {
    let id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`
    this.used.add(id)
    return id
  }
}
