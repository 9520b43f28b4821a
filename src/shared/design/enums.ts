/**
 * Closed vocabularies of the design document. Plain constant arrays (no zod) so the
 * renderer and preload can use them without bundling the schema library.
 */

/** Kinds of virtualization layer a host can run. */
export const VIRTUALIZATION_KINDS = ['native', 'hvm', 'bt', 'pv', 'os'] as const
export type VirtualizationKind = (typeof VIRTUALIZATION_KINDS)[number]

/** Human names of the virtualization kinds, for forms and reports. */
export const VIRTUALIZATION_KIND_LABELS: Record<VirtualizationKind, string> = {
  native: 'Native (bare metal)',
  hvm: 'Full virtualization, hardware assist (VT-x / AMD-V)',
  bt: 'Full virtualization, binary translation',
  pv: 'Paravirtualization',
  os: 'OS-level (containers)',
}

/** Virtualization products and the kind each one implements. */
export const VIRTUALIZATION_PRODUCTS = {
  'bare-metal': 'native',
  kvm: 'hvm',
  esxi: 'hvm',
  'hyper-v': 'hvm',
  virtualbox: 'hvm',
  'xen-hvm': 'hvm',
  'qemu-tcg': 'bt',
  'vmware-workstation-bt': 'bt',
  'esx-bt': 'bt',
  'xen-pv': 'pv',
  lxc: 'os',
  docker: 'os',
  openvz: 'os',
  virtuozzo: 'os',
  'freebsd-jails': 'os',
  'solaris-zones': 'os',
  cgroups: 'os',
} as const satisfies Record<string, VirtualizationKind>
export type VirtualizationProduct = keyof typeof VIRTUALIZATION_PRODUCTS
export const VIRTUALIZATION_PRODUCT_NAMES = Object.keys(VIRTUALIZATION_PRODUCTS) as [
  VirtualizationProduct,
  ...VirtualizationProduct[],
]

/** Hardware CPU virtualization extensions a host CPU may offer. */
export const CPU_EXTENSIONS = ['vt-x', 'amd-v', 'none'] as const
export type CpuExtension = (typeof CPU_EXTENSIONS)[number]

/** Operating-system (kernel) families, for hosts of OS-level virtualization and for guests. */
export const OS_FAMILIES = ['linux', 'windows', 'freebsd', 'solaris'] as const
export type OsFamily = (typeof OS_FAMILIES)[number]

export const HOST_STATES = ['up', 'down', 'maintenance'] as const
export type HostState = (typeof HOST_STATES)[number]

export const SWITCH_TIERS = ['access', 'aggregation', 'core'] as const
export type SwitchTier = (typeof SWITCH_TIERS)[number]

export const STORAGE_KINDS = ['san', 'nas', 'object', 'local'] as const
export type StorageKind = (typeof STORAGE_KINDS)[number]

export const ISOLATION_POLICIES = ['shared', 'dedicated-hosts', 'dedicated-racks'] as const
export type IsolationPolicy = (typeof ISOLATION_POLICIES)[number]

export const WORKLOAD_KINDS = ['vm', 'container'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

export const AFFINITY_POLICIES = ['none', 'affinity', 'anti-affinity'] as const
export type AffinityPolicy = (typeof AFFINITY_POLICIES)[number]

export const AFFINITY_SCOPES = ['host', 'rack'] as const
export type AffinityScope = (typeof AFFINITY_SCOPES)[number]

export const NETWORK_KINDS = ['vlan', 'vxlan'] as const
export type NetworkKind = (typeof NETWORK_KINDS)[number]

export const BILLING_BASES = ['allocated', 'used'] as const
export type BillingBasis = (typeof BILLING_BASES)[number]

export const SYNTHETIC_PROFILES = ['constant', 'diurnal', 'bursty'] as const
export type SyntheticProfile = (typeof SYNTHETIC_PROFILES)[number]

export const PLACEMENT_PRESETS = ['spread', 'pack', 'power'] as const
export type PlacementPreset = (typeof PLACEMENT_PRESETS)[number]

/**
 * Every kind of element in a design, and the top-level collection holding it.
 * Ids are unique across all collections of one design.
 */
export const ENTITY_COLLECTIONS = {
  zone: 'zones',
  rack: 'racks',
  host: 'hosts',
  switch: 'switches',
  link: 'links',
  storage: 'storage',
  tenant: 'tenants',
  network: 'networks',
  workload: 'workloads',
  trace: 'traces',
} as const
export type EntityKind = keyof typeof ENTITY_COLLECTIONS
export type CollectionKey = (typeof ENTITY_COLLECTIONS)[EntityKind]
export const ENTITY_KINDS = Object.keys(ENTITY_COLLECTIONS) as [EntityKind, ...EntityKind[]]

/** The schema version this build writes. Older versions are migrated forward on load. */
export const CURRENT_SCHEMA_VERSION = 2
