/**
 * The inspector's form: which fields each kind of element shows, with units and limits.
 * `path` is a dot path into the entity (`virtualization.kind`); optional fields may be
 * cleared (the patch then removes them).
 */
import {
  AFFINITY_POLICIES,
  AFFINITY_SCOPES,
  BILLING_BASES,
  CPU_EXTENSIONS,
  HOST_STATES,
  ISOLATION_POLICIES,
  NETWORK_KINDS,
  OS_FAMILIES,
  STORAGE_KINDS,
  SWITCH_TIERS,
  VIRTUALIZATION_KINDS,
  VIRTUALIZATION_KIND_LABELS,
  VIRTUALIZATION_PRODUCTS,
  WORKLOAD_KINDS,
  type EntityKind,
} from '../../../../shared/design/enums'
import type { Design } from '../../../../shared/design/schema'
import { INNER_LAYER_KINDS } from '../../../../shared/design/nesting-kinds'

export interface FieldOption {
  value: string
  label: string
}

export interface FieldDef {
  path: string
  label: string
  type: 'text' | 'number' | 'integer' | 'select' | 'checkbox' | 'colour' | 'list'
  unit?: string
  min?: number
  max?: number
  optional?: boolean
  /** Options of a select; a function for options that depend on the design or the entity. */
  options?: FieldOption[] | ((design: Design, entity: Record<string, unknown>) => FieldOption[])
  /** Shown but not editable. */
  readonly?: boolean
  /** Not offered in bulk edit (ids, names). */
  single?: boolean
}

const opts = (values: readonly string[]): FieldOption[] =>
  values.map((value) => ({ value, label: value }))
/** Options naming elements by their names (the id only for an element with no name). */
const refs = (list: ReadonlyArray<{ id: string; name?: string }>): FieldOption[] =>
  list.map((e) => ({ value: e.id, label: e.name?.trim() ? e.name : e.id }))
/** The elements a link can end at. */
const linkEnds = (d: Design): FieldOption[] => refs([...d.hosts, ...d.switches, ...d.storage])

const name: FieldDef = { path: 'name', label: 'Name', type: 'text', single: true }
const ratios: FieldDef[] = [
  {
    path: 'cpuAllocationRatio',
    label: 'CPU allocation ratio',
    type: 'number',
    unit: ':1',
    min: 0.01,
    optional: true,
  },
  {
    path: 'memoryAllocationRatio',
    label: 'Memory allocation ratio',
    type: 'number',
    unit: ':1',
    min: 0.01,
    optional: true,
  },
]
const rackRef: FieldDef = {
  path: 'rackId',
  label: 'Rack',
  type: 'select',
  optional: true,
  options: (d) => refs(d.racks),
}

/** What each kind of inner layer is, for people. */
const INNER_LAYER_LABELS: Record<(typeof INNER_LAYER_KINDS)[number], string> = {
  os: 'Container runtime (node pool)',
  hvm: 'Nested hypervisor, hardware-assisted',
  bt: 'Nested hypervisor, binary translation',
  pv: 'Nested hypervisor, paravirtualized',
}

/** The product an inner layer of each kind starts with (the engine's defaults). */
const INNER_DEFAULT_PRODUCT = { os: 'docker', hvm: 'kvm', bt: 'qemu-tcg', pv: 'xen-pv' } as const

/** Nested objects that are whole or absent: clearing their key field removes them. */
const WHOLE_OR_NONE = new Set(['nesting.runsIn', 'innerLayer.kind', 'innerLayer.product'])

export const FIELDS: Partial<Record<EntityKind, FieldDef[]>> = {
  zone: [name],
  rack: [
    name,
    {
      path: 'zoneId',
      label: 'Zone',
      type: 'select',
      optional: true,
      options: (d) => refs(d.zones),
    },
    {
      path: 'uplinkOversubscription',
      label: 'Uplink oversubscription',
      type: 'number',
      unit: ':1',
      min: 1,
      max: 100,
    },
    ...ratios,
  ],
  host: [
    name,
    rackRef,
    {
      path: 'virtualization.kind',
      label: 'Virtualization layer',
      type: 'select',
      options: VIRTUALIZATION_KINDS.map((k) => ({
        value: k,
        label: VIRTUALIZATION_KIND_LABELS[k],
      })),
    },
    {
      path: 'virtualization.product',
      label: 'Product',
      type: 'select',
      options: (_d, e) => {
        const kind = (e.virtualization as { kind?: string } | undefined)?.kind
        return Object.entries(VIRTUALIZATION_PRODUCTS)
          .filter(([, k]) => !kind || k === kind)
          .map(([value]) => ({ value, label: value }))
      },
    },
    {
      path: 'virtualization.hostOs',
      label: 'Host OS family',
      type: 'select',
      options: opts(OS_FAMILIES),
    },
    {
      path: 'cpuExtensions',
      label: 'CPU virtualization extensions',
      type: 'select',
      options: opts(CPU_EXTENSIONS),
    },
    { path: 'sockets', label: 'Sockets', type: 'integer', min: 0 },
    { path: 'coresPerSocket', label: 'Cores per socket', type: 'integer', min: 0 },
    { path: 'mipsPerCore', label: 'Core speed', type: 'number', unit: 'MIPS', min: 1 },
    { path: 'memoryMiB', label: 'Memory', type: 'number', unit: 'MiB', min: 0 },
    { path: 'diskGiB', label: 'Local disk', type: 'number', unit: 'GiB', min: 0 },
    { path: 'nicGbps', label: 'NIC bandwidth', type: 'number', unit: 'Gbps', min: 0.001 },
    { path: 'state', label: 'State', type: 'select', options: opts(HOST_STATES) },
    ...ratios,
    { path: 'mtbfHours', label: 'MTBF', type: 'number', unit: 'h', min: 0.001, optional: true },
    { path: 'mttrHours', label: 'MTTR', type: 'number', unit: 'h', min: 0.001, optional: true },
  ],
  switch: [
    name,
    { path: 'tier', label: 'Tier', type: 'select', options: opts(SWITCH_TIERS) },
    { path: 'ports', label: 'Ports', type: 'integer', min: 0 },
    { path: 'portGbps', label: 'Port speed', type: 'number', unit: 'Gbps', min: 0.001 },
    rackRef,
  ],
  storage: [
    name,
    { path: 'kind', label: 'Kind', type: 'select', options: opts(STORAGE_KINDS) },
    { path: 'capacityGiB', label: 'Capacity', type: 'number', unit: 'GiB', min: 0 },
    { path: 'iops', label: 'IOPS', type: 'number', unit: 'IOPS', min: 0 },
    { path: 'throughputMBps', label: 'Throughput', type: 'number', unit: 'MB/s', min: 0 },
    { path: 'replication', label: 'Replication', type: 'integer', unit: 'copies', min: 1, max: 16 },
    { path: 'classes', label: 'Storage classes', type: 'list' },
    rackRef,
  ],
  link: [
    { path: 'sourceId', label: 'From', type: 'select', readonly: true, options: linkEnds },
    { path: 'targetId', label: 'To', type: 'select', readonly: true, options: linkEnds },
    { path: 'bandwidthGbps', label: 'Bandwidth', type: 'number', unit: 'Gbps', min: 0.001 },
    { path: 'latencyMs', label: 'Latency', type: 'number', unit: 'ms', min: 0 },
  ],
  tenant: [
    { path: 'name', label: 'Name', type: 'text', single: true },
    { path: 'colour', label: 'Colour', type: 'colour' },
    { path: 'isolation', label: 'Isolation', type: 'select', options: opts(ISOLATION_POLICIES) },
    {
      path: 'quotas.instances',
      label: 'Quota: instances',
      type: 'integer',
      min: 0,
      optional: true,
    },
    { path: 'quotas.vcpus', label: 'Quota: vCPUs', type: 'integer', min: 0, optional: true },
    {
      path: 'quotas.memoryMiB',
      label: 'Quota: memory',
      type: 'number',
      unit: 'MiB',
      min: 0,
      optional: true,
    },
    {
      path: 'quotas.diskGiB',
      label: 'Quota: disk',
      type: 'number',
      unit: 'GiB',
      min: 0,
      optional: true,
    },
    { path: 'pricing.basis', label: 'Billing basis', type: 'select', options: opts(BILLING_BASES) },
    { path: 'pricing.currency', label: 'Currency', type: 'text' },
    { path: 'pricing.vcpuHour', label: 'Price per vCPU-hour', type: 'number', min: 0 },
    { path: 'pricing.memoryGiBHour', label: 'Price per GiB-hour', type: 'number', min: 0 },
    {
      path: 'pricing.storageGiBMonth',
      label: 'Price per storage GiB-month',
      type: 'number',
      min: 0,
    },
    {
      path: 'slaAvailabilityPercent',
      label: 'SLA availability',
      type: 'number',
      unit: '%',
      min: 0,
      max: 100,
    },
    { path: 'showHostNames', label: 'Tenant may see host names', type: 'checkbox' },
  ],
  network: [
    name,
    { path: 'tenantId', label: 'Tenant', type: 'select', options: (d) => refs(d.tenants) },
    { path: 'kind', label: 'Kind', type: 'select', options: opts(NETWORK_KINDS) },
    { path: 'segmentId', label: 'VLAN id / VNI', type: 'integer', min: 1, max: 16_777_215 },
    { path: 'cidr', label: 'CIDR', type: 'text' },
  ],
  workload: [
    name,
    { path: 'tenantId', label: 'Tenant', type: 'select', options: (d) => refs(d.tenants) },
    { path: 'kind', label: 'Kind', type: 'select', options: opts(WORKLOAD_KINDS) },
    { path: 'count', label: 'Instances', type: 'integer', min: 0, max: 1_000_000 },
    { path: 'vcpus', label: 'vCPUs', type: 'integer', min: 1, max: 1024 },
    { path: 'mipsPerVcpu', label: 'vCPU speed', type: 'number', unit: 'MIPS', min: 0.001 },
    { path: 'memoryMiB', label: 'Memory', type: 'number', unit: 'MiB', min: 0.001 },
    { path: 'diskGiB', label: 'Disk', type: 'number', unit: 'GiB', min: 0 },
    { path: 'storageClass', label: 'Storage class', type: 'text', optional: true },
    { path: 'guestOs', label: 'Guest OS family', type: 'select', options: opts(OS_FAMILIES) },
    { path: 'paravirtAware', label: 'Paravirtualization-aware kernel', type: 'checkbox' },
    {
      path: 'reservedBandwidthMbps',
      label: 'Reserved bandwidth',
      type: 'number',
      unit: 'Mbps',
      min: 0,
    },
    { path: 'iops', label: 'IOPS', type: 'number', unit: 'IOPS', min: 0 },
    {
      path: 'networkId',
      label: 'Network',
      type: 'select',
      optional: true,
      options: (d, e) => refs(d.networks.filter((n) => n.tenantId === e.tenantId)),
    },
    {
      path: 'affinity.policy',
      label: 'Affinity',
      type: 'select',
      options: opts(AFFINITY_POLICIES),
    },
    {
      path: 'affinity.scope',
      label: 'Affinity scope',
      type: 'select',
      options: opts(AFFINITY_SCOPES),
    },
    // Nesting (issue 18): a node pool's containers run inside a VM group of the same tenant.
    {
      path: 'nesting.runsIn',
      label: 'Runs inside VM group',
      type: 'select',
      optional: true,
      options: (d, e) =>
        refs(
          d.workloads.filter((w) => w.kind === 'vm' && w.tenantId === e.tenantId && w.id !== e.id),
        ),
    },
    {
      path: 'innerLayer.kind',
      label: 'Layer inside its VMs',
      type: 'select',
      optional: true,
      options: INNER_LAYER_KINDS.map((k) => ({ value: k, label: INNER_LAYER_LABELS[k] })),
    },
    {
      path: 'innerLayer.product',
      label: 'Inner layer product',
      type: 'select',
      optional: true,
      options: (_d, e) => {
        const kind = (e.innerLayer as { kind?: string } | undefined)?.kind
        return Object.entries(VIRTUALIZATION_PRODUCTS)
          .filter(([, k]) => k !== 'native' && (!kind || k === kind))
          .map(([value]) => ({ value, label: value }))
      },
    },
  ],
}

/** Reads a dot path. */
export function readPath(entity: Record<string, unknown>, path: string): unknown {
  let value: unknown = entity
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part]
  return value
}

/**
 * The patch that sets `path` to `value` (undefined clears it). Nested paths rewrite their
 * top-level object; a new virtualization kind also picks a product of that kind.
 */
export function patchFor(
  entity: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [top, child] = path.split('.') as [string, string | undefined]
  if (!child || (value === undefined && WHOLE_OR_NONE.has(path)))
    return { [top]: value === undefined ? null : value }
  const obj = { ...((entity[top] as Record<string, unknown> | undefined) ?? {}) }
  if (value === undefined) delete obj[child]
  else obj[child] = value
  if (path === 'innerLayer.kind' || path === 'innerLayer.product') {
    // an inner layer needs both: a kind brings its first product, a product brings its kind
    const product = obj.product as keyof typeof VIRTUALIZATION_PRODUCTS | undefined
    if (path === 'innerLayer.product' && product) obj.kind = VIRTUALIZATION_PRODUCTS[product]
    else if (!product || VIRTUALIZATION_PRODUCTS[product] !== value)
      obj.product = INNER_DEFAULT_PRODUCT[value as keyof typeof INNER_DEFAULT_PRODUCT]
  }
  if (path === 'virtualization.kind') {
    const product = obj.product as keyof typeof VIRTUALIZATION_PRODUCTS | undefined
    if (!product || VIRTUALIZATION_PRODUCTS[product] !== value)
      obj.product = Object.entries(VIRTUALIZATION_PRODUCTS).find(([, k]) => k === value)?.[0]
  }
  return { [top]: obj }
}

/** Client-side check of a typed value; returns a message or undefined. */
export function checkValue(field: FieldDef, raw: string): { value?: unknown; error?: string } {
  if (field.type === 'number' || field.type === 'integer') {
    if (raw.trim() === '')
      return field.optional ? { value: undefined } : { error: `${field.label} is required` }
    const n = Number(raw)
    if (!Number.isFinite(n)) return { error: `${field.label} must be a number` }
    if (field.type === 'integer' && !Number.isInteger(n))
      return { error: `${field.label} must be a whole number` }
    if (field.min !== undefined && n < field.min)
      return {
        error: `${field.label} must be at least ${field.min}${field.unit ? ` ${field.unit}` : ''}`,
      }
    if (field.max !== undefined && n > field.max)
      return {
        error: `${field.label} must be at most ${field.max}${field.unit ? ` ${field.unit}` : ''}`,
      }
    return { value: n }
  }
  if (field.type === 'list') {
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    return items.length > 0
      ? { value: items }
      : { error: `${field.label} needs at least one entry` }
  }
  if (field.type === 'text' && raw === '' && field.optional) return { value: undefined }
  return { value: raw }
}

/** Which field a problem path (`hosts[3].memoryMiB`, `command.patch.memoryMiB`) is about. */
export function fieldOfPath(path: string, fields: readonly FieldDef[]): FieldDef | undefined {
  const tail = path.replace(/^.*?(\.patch\.|\.entity\.|\]\.)/, '')
  return (
    fields.find((f) => f.path === tail) ??
    fields.find((f) => tail.startsWith(`${f.path}.`) || tail.startsWith(`${f.path}[`)) ??
    fields.find((f) => f.path.split('.').pop() === tail.split('.').pop())
  )
}
