/**
 * What the palette can create: one template per palette item, producing a complete entity
 * for an `add` command (main validates it again). Hosts are the standard host and ToR
 * switches the standard access switch of `src/shared/design/defaults.ts`.
 */
import { STANDARD_ACCESS_SWITCH, standardHost } from '../../../shared/design/defaults'
import type { EntityKind, VirtualizationKind } from '../../../shared/design/enums'

export interface PaletteItem {
  key: string
  label: string
  kind: EntityKind
  /** Palette section. */
  group: 'Physical' | 'Hosts' | 'Network' | 'Storage' | 'Tenancy'
  /** Placed on the canvas at the drop point (false: tenants and workloads). */
  onCanvas: boolean
  make(id: string, extra: TemplateContext): Record<string, unknown>
}

export interface TemplateContext {
  position: { x: number; y: number }
  rackId?: string
  tenantId?: string
  /** Index for a fresh name and colour. */
  n: number
}

const TENANT_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b']

const PRODUCT_BY_KIND: Record<VirtualizationKind, string> = {
  native: 'bare-metal',
  hvm: 'kvm',
  bt: 'qemu-tcg',
  pv: 'xen-pv',
  os: 'lxc',
}

function host(kind: VirtualizationKind): PaletteItem {
  const product = PRODUCT_BY_KIND[kind]
  return {
    key: `host-${kind}`,
    label: `Host (${product})`,
    kind: 'host',
    group: 'Hosts',
    onCanvas: true,
    make: (id, c) => ({
      id,
      name: id,
      ...(c.rackId ? { rackId: c.rackId } : {}),
      ...standardHost(),
      virtualization: { kind, product, hostOs: 'linux' },
      position: c.position,
    }),
  }
}

function switchOf(tier: 'access' | 'aggregation' | 'core'): PaletteItem {
  const label = { access: 'ToR switch', aggregation: 'Aggregation switch', core: 'Core switch' }
  return {
    key: `switch-${tier}`,
    label: label[tier],
    kind: 'switch',
    group: 'Network',
    onCanvas: true,
    make: (id, c) => ({
      id,
      name: id,
      tier,
      ...(tier === 'access' ? STANDARD_ACCESS_SWITCH : { ports: 32, portGbps: 100 }),
      ...(c.rackId && tier === 'access' ? { rackId: c.rackId } : {}),
      position: c.position,
    }),
  }
}

function storageOf(kind: 'san' | 'nas' | 'object'): PaletteItem {
  return {
    key: `storage-${kind}`,
    label: kind === 'object' ? 'Object store' : kind.toUpperCase(),
    kind: 'storage',
    group: 'Storage',
    onCanvas: true,
    make: (id, c) => ({
      id,
      name: id,
      kind,
      capacityGiB: 102_400,
      iops: kind === 'san' ? 200_000 : 20_000,
      throughputMBps: 4000,
      replication: kind === 'object' ? 3 : 2,
      classes: [kind === 'san' ? 'block-ssd' : kind === 'nas' ? 'file' : 'object'],
      position: c.position,
    }),
  }
}

function workloadOf(kind: 'vm' | 'container'): PaletteItem {
  return {
    key: `workload-${kind}`,
    label: kind === 'vm' ? 'VM group' : 'Container group',
    kind: 'workload',
    group: 'Tenancy',
    onCanvas: false,
    make: (id, c) => ({
      id,
      tenantId: c.tenantId,
      name: `${kind === 'vm' ? 'vms' : 'containers'} ${c.n}`,
      kind,
      count: 4,
      vcpus: 2,
      mipsPerVcpu: 2000,
      memoryMiB: kind === 'vm' ? 4096 : 1024,
      diskGiB: kind === 'vm' ? 40 : 10,
      guestOs: 'linux',
    }),
  }
}

export const PALETTE: readonly PaletteItem[] = [
  {
    key: 'rack',
    label: 'Rack',
    kind: 'rack',
    group: 'Physical',
    onCanvas: true,
    make: (id, c) => ({ id, name: id.toUpperCase(), position: c.position }),
  },
  host('hvm'),
  host('bt'),
  host('pv'),
  host('os'),
  host('native'),
  switchOf('access'),
  switchOf('aggregation'),
  switchOf('core'),
  storageOf('san'),
  storageOf('nas'),
  storageOf('object'),
  {
    key: 'tenant',
    label: 'Tenant',
    kind: 'tenant',
    group: 'Tenancy',
    onCanvas: false,
    make: (id, c) => ({
      id,
      name: `Tenant ${c.n}`,
      colour: TENANT_COLOURS[c.n % TENANT_COLOURS.length],
    }),
  },
  workloadOf('vm'),
  workloadOf('container'),
]

export function paletteItem(key: string): PaletteItem | undefined {
  return PALETTE.find((p) => p.key === key)
}

/** A fresh id `prefix-N` (lowest N >= 1) not in `taken`. */
export function freshId(prefix: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n++) if (!taken(`${prefix}-${n}`)) return `${prefix}-${n}`
}
