/** Defaults for hosts and switches imported from formats that do not describe them fully. */
import type { Host, Switch } from '../../../../shared/design/schema'
import { STANDARD_ACCESS_SWITCH, standardHost } from '../../../../shared/design/defaults'
import {
  VIRTUALIZATION_PRODUCTS,
  type VirtualizationProduct,
} from '../../../../shared/design/enums'

/**
 * The standard host (`src/shared/design/defaults.ts`: the sample's KVM server), for formats
 * that do not describe a host's hardware.
 */
export const DEFAULT_HOST: Omit<Host, 'id' | 'name'> = standardHost()

/** The standard access switch, for formats that do not give ports and speeds. */
export const DEFAULT_SWITCH: Omit<Switch, 'id' | 'name' | 'tier'> = { ...STANDARD_ACCESS_SWITCH }

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
