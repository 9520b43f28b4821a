/**
 * The design document: the serializable spec of a datacenter that users draw, save and
 * simulate. Validated with zod at every boundary (files, IPC requests, CLI).
 *
 * Conventions: every element has a design-wide unique `id`; references are `<kind>Id`
 * fields; every number carries its unit in its name (MiB, GiB, Mips, Gbps, Ms, S, W).
 * Shape and ranges are checked here; references and cross-element rules are checked by
 * the engine's validator (`src/main/engine/model/validate.ts`), which reports every
 * problem at once with its JSON path.
 */
import { z } from 'zod'
import {
  AFFINITY_POLICIES,
  CURRENT_SCHEMA_VERSION,
  AFFINITY_SCOPES,
  BILLING_BASES,
  CPU_EXTENSIONS,
  HOST_STATES,
  ISOLATION_POLICIES,
  NETWORK_KINDS,
  OS_FAMILIES,
  STORAGE_KINDS,
  SWITCH_TIERS,
  SYNTHETIC_PROFILES,
  VIRTUALIZATION_KINDS,
  VIRTUALIZATION_PRODUCT_NAMES,
  WORKLOAD_KINDS,
} from './enums'
import {
  fabricReliabilityFields,
  fabricSchema,
  switchPowerSchema,
  workloadTrafficSchema,
} from './network-traffic'
import { idSchema } from './id'
import { shownText } from './text'
import { hostedOsSchema, innerLayerSchema, nestingSchema } from './nesting'
import { providerEconomicsSchema } from './provider-economics'
import { simulationSettingsSchema } from './simulation-settings'
import {
  provisionedIopsPriceField,
  storageDemandSchema,
  storageSystemModelFields,
  tenantStorageQosSchema,
} from './storage-demand'

const id = idSchema
const name = shownText(z.string().max(200))
const positive = z.number().positive()
const nonNegative = z.number().nonnegative()
const count = z.number().int().nonnegative()
const ratio = z.number().positive().max(1000)

/** Canvas position in model units (pixels at zoom 1). */
export const positionSchema = z.strictObject({ x: z.number(), y: z.number() })

export const zoneSchema = z.strictObject({
  id,
  name,
  position: positionSchema.optional(),
})

export const rackSchema = z.strictObject({
  id,
  name,
  zoneId: id.optional(),
  /** Uplink oversubscription, N means N:1 (1 = non-blocking). */
  uplinkOversubscription: z.number().min(1).max(100).default(1),
  /** Nova-style allocation ratios for hosts in this rack (a host may override). */
  cpuAllocationRatio: ratio.optional(),
  memoryAllocationRatio: ratio.optional(),
  position: positionSchema.optional(),
})

/** Optional per-host overrides of the virtualization kind's default overheads. */
export const virtualizationOverridesSchema = z.strictObject({
  cpuOverheadPercent: z.number().min(0).max(100).optional(),
  memoryOverheadPerInstanceMiB: nonNegative.optional(),
  memoryOverheadPercent: z.number().min(0).max(100).optional(),
  reservedMemoryMiB: nonNegative.optional(),
  reservedCores: nonNegative.optional(),
  ioOverheadPercent: z.number().min(0).max(100).optional(),
  startTimeS: nonNegative.optional(),
  /**
   * Co-location interference coefficient (0..1): the slowdown an instance suffers when its
   * neighbours on the host keep the whole host busy; the loss scales with the share of the
   * host's MIPS they use (capped at one half).
   */
  interferenceCoefficient: z.number().min(0).max(1).optional(),
})

export const virtualizationSchema = z.strictObject({
  kind: z.enum(VIRTUALIZATION_KINDS),
  product: z.enum(VIRTUALIZATION_PRODUCT_NAMES),
  /** Kernel family of the host OS; the guests of OS-level virtualization must match it. */
  hostOs: z.enum(OS_FAMILIES).default('linux'),
  overrides: virtualizationOverridesSchema.optional(),
  /** Nesting (issue 18): guests may run hardware-assisted VMs of their own. Absent = no. */
  nestedHardwareVirtualization: z.boolean().optional(),
  /** Type-2 hypervisor (issue 18): the host OS under it and its CPU and memory share. */
  hostedOs: hostedOsSchema.optional(),
})

export const hostSchema = z.strictObject({
  id,
  name,
  rackId: id.optional(),
  sockets: count,
  coresPerSocket: count,
  /** Speed of one core, in MIPS. */
  mipsPerCore: positive,
  memoryMiB: nonNegative,
  diskGiB: nonNegative,
  nicGbps: positive,
  cpuExtensions: z.enum(CPU_EXTENSIONS),
  /** Power draw in watts at 0 %, 10 %, ..., 100 % CPU load (11 points, linear in between). */
  powerCurveW: z.array(nonNegative).length(11),
  state: z.enum(HOST_STATES).default('up'),
  virtualization: virtualizationSchema,
  cpuAllocationRatio: ratio.optional(),
  memoryAllocationRatio: ratio.optional(),
  /** Mean time between failures / to repair, hours; used when failures are drawn. */
  mtbfHours: positive.optional(),
  mttrHours: positive.optional(),
  position: positionSchema.optional(),
})

export const switchSchema = z.strictObject({
  id,
  name,
  tier: z.enum(SWITCH_TIERS),
  ports: count,
  portGbps: positive,
  rackId: id.optional(),
  position: positionSchema.optional(),
  /** Idle + load power (issue 17); absent = not counted. */
  power: switchPowerSchema.optional(),
  ...fabricReliabilityFields,
})

/** A physical link between two network endpoints (host, switch or storage system). */
export const linkSchema = z.strictObject({
  id,
  sourceId: id,
  targetId: id,
  bandwidthGbps: positive,
  latencyMs: nonNegative,
  ...fabricReliabilityFields,
})

export const storageSchema = z.strictObject({
  id,
  name,
  kind: z.enum(STORAGE_KINDS),
  capacityGiB: nonNegative,
  iops: nonNegative,
  throughputMBps: nonNegative,
  /** Number of copies kept of every byte (1 = no replication). */
  replication: z.number().int().min(1).max(16),
  /** Storage classes this system serves (workloads ask for one by name). */
  classes: z.array(idSchema).min(1),
  /** For `local` storage: the host it lives in. */
  hostId: id.optional(),
  rackId: id.optional(),
  position: positionSchema.optional(),
  ...storageSystemModelFields,
})

export const tenantSchema = z.strictObject({
  id,
  name: shownText(z.string().min(1).max(200)),
  /** `#rrggbb`. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4'),
  isolation: z.enum(ISOLATION_POLICIES).default('shared'),
  quotas: z
    .strictObject({
      instances: count.optional(),
      vcpus: count.optional(),
      memoryMiB: nonNegative.optional(),
      diskGiB: nonNegative.optional(),
    })
    .default({}),
  pricing: z
    .strictObject({
      basis: z.enum(BILLING_BASES).default('allocated'),
      currency: z.string().min(1).max(8).default('USD'),
      vcpuHour: nonNegative.default(0),
      memoryGiBHour: nonNegative.default(0),
      storageGiBMonth: nonNegative.default(0),
      ...provisionedIopsPriceField,
      /** Price per GB (10^9 bytes) the tenant's instances send (issue 17). */
      transferGB: nonNegative.optional(),
    })
    .default({
      basis: 'allocated',
      currency: 'USD',
      vcpuHour: 0,
      memoryGiBHour: 0,
      storageGiBMonth: 0,
    }),
  /** Availability the provider promises this tenant, percent. */
  slaAvailabilityPercent: z.number().min(0).max(100).default(99.9),
  /** Whether this tenant's view may name the physical hosts its instances run on. */
  showHostNames: z.boolean().default(false),
  /** Storage QoS on each system the tenant uses (issue 17; absent: none). */
  storageQos: tenantStorageQosSchema.optional(),
})

export const networkSchema = z.strictObject({
  id,
  tenantId: id,
  name,
  kind: z.enum(NETWORK_KINDS),
  /** VLAN id (1..4094) or VXLAN VNI (1..16777215). */
  segmentId: z.number().int().min(1).max(16_777_215),
  cidr: z
    .string()
    .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'must be an IPv4 CIDR like 10.0.0.0/24'),
})

export const syntheticDemandSchema = z.strictObject({
  profile: z.enum(SYNTHETIC_PROFILES),
  /** Mean CPU demand, percent of the instance's vCPU capacity. */
  meanPercent: z.number().min(0).max(100),
  /** Diurnal swing or burst height, percent points. */
  amplitudePercent: z.number().min(0).max(100).default(0),
})

export const workloadSchema = z.strictObject({
  id,
  tenantId: id,
  name,
  kind: z.enum(WORKLOAD_KINDS),
  /** Number of identical instances in this group. */
  count: z.number().int().min(0).max(1_000_000),
  vcpus: z.number().int().min(1).max(1024),
  /** CPU capacity of one vCPU in MIPS: what the instance asks for at 100 % demand. */
  mipsPerVcpu: positive,
  memoryMiB: positive,
  diskGiB: nonNegative,
  storageClass: idSchema.optional(),
  guestOs: z.enum(OS_FAMILIES),
  /** The guest kernel is modified for paravirtualization (required by Xen PV). */
  paravirtAware: z.boolean().default(false),
  /**
   * NIC and rack-uplink bandwidth the scheduler reserves for each instance at admission, Mb/s
   * (placement only; v1 called it `bandwidthMbps`). What instances actually send over time is
   * `traffic` (Gbps), which flows over the fabric during a run.
   */
  reservedBandwidthMbps: nonNegative.default(0),
  /** Storage IOPS each instance needs. */
  iops: nonNegative.default(0),
  networkId: id.optional(),
  affinity: z
    .strictObject({
      policy: z.enum(AFFINITY_POLICIES),
      scope: z.enum(AFFINITY_SCOPES),
    })
    .default({ policy: 'none', scope: 'host' }),
  /** Demand over time: a trace from `traces` or a synthetic profile; none = constant 100 %. */
  traceId: id.optional(),
  demand: syntheticDemandSchema.optional(),
  /** Nesting (issue 18): runs inside the instances of another workload (see ./nesting.ts). */
  nesting: nestingSchema.optional(),
  /** Nesting (issue 18): what this workload's instances offer to instances inside them. */
  innerLayer: innerLayerSchema.optional(),
  /** I/O each instance issues over time (issue 17; absent: none). */
  storageDemand: storageDemandSchema.optional(),
  /** Network demand over time (issue 17; `network-traffic.ts`). */
  traffic: workloadTrafficSchema.optional(),
})

/** A CPU demand trace: percentages of the instance's capacity at fixed steps. */
export const traceSchema = z.strictObject({
  id,
  name,
  intervalS: z.number().int().positive(),
  cpuPercent: z.array(z.number().min(0).max(100)).min(1),
  memoryPercent: z.array(z.number().min(0).max(100)).optional(),
})

export const designMetaSchema = z.strictObject({
  name: shownText(z.string().min(1).max(200)),
  description: z.string().max(10_000).default(''),
})

export const designSchema = z.strictObject({
  /**
   * The JSON Schema the file follows, for editors (`resources/schema/strata-design.schema.json`,
   * id `urn:strata:design-schema:2`). Files are written with it; another value is kept as is.
   */
  $schema: z.string().max(2000).optional(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: designMetaSchema,
  zones: z.array(zoneSchema).default([]),
  racks: z.array(rackSchema).default([]),
  hosts: z.array(hostSchema).default([]),
  switches: z.array(switchSchema).default([]),
  links: z.array(linkSchema).default([]),
  storage: z.array(storageSchema).default([]),
  tenants: z.array(tenantSchema).default([]),
  networks: z.array(networkSchema).default([]),
  workloads: z.array(workloadSchema).default([]),
  traces: z.array(traceSchema).default([]),
  simulation: simulationSettingsSchema,
  /** The provider's electricity price, PUE and carbon intensity (optional; issue 16). */
  provider: providerEconomicsSchema.optional(),
  /** External uplinks and fabric failure schedule (issue 17; `network-traffic.ts`). */
  fabric: fabricSchema.optional(),
})

export type Position = z.infer<typeof positionSchema>
export type Zone = z.infer<typeof zoneSchema>
export type Rack = z.infer<typeof rackSchema>
export type VirtualizationOverrides = z.infer<typeof virtualizationOverridesSchema>
export type Virtualization = z.infer<typeof virtualizationSchema>
export type Host = z.infer<typeof hostSchema>
export type Switch = z.infer<typeof switchSchema>
export type Link = z.infer<typeof linkSchema>
export type Storage = z.infer<typeof storageSchema>
export type Tenant = z.infer<typeof tenantSchema>
export type Network = z.infer<typeof networkSchema>
export type SyntheticDemand = z.infer<typeof syntheticDemandSchema>
export type Workload = z.infer<typeof workloadSchema>
export type Trace = z.infer<typeof traceSchema>
export type DesignMeta = z.infer<typeof designMetaSchema>
/** A whole design as the engine holds it (defaults applied). */
export type Design = z.infer<typeof designSchema>
/** A design as written in a file (defaults may be omitted). */
export type DesignInput = z.input<typeof designSchema>

/** Schemas of single elements by kind, for add/update commands. */
export const entitySchemas = {
  zone: zoneSchema,
  rack: rackSchema,
  host: hostSchema,
  switch: switchSchema,
  link: linkSchema,
  storage: storageSchema,
  tenant: tenantSchema,
  network: networkSchema,
  workload: workloadSchema,
  trace: traceSchema,
} as const

export interface EntityByKind {
  zone: Zone
  rack: Rack
  host: Host
  switch: Switch
  link: Link
  storage: Storage
  tenant: Tenant
  network: Network
  workload: Workload
  trace: Trace
}
