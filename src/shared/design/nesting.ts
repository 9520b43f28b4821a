/**
 * Nested virtualization in the design document (issue 18, schema version 2). Every field is
 * optional and means "off" when absent, so a version-1 design opens with the same meaning.
 *
 * - `workload.nesting`: the workload runs inside the instances of another workload of the same
 *   tenant (`runsIn`): containers in a tenant's VM group (a node pool), or VMs inside VMs.
 * - `workload.innerLayer`: what an outer workload's instances run for the instances inside
 *   them (a container runtime, or a nested hypervisor), with optional overhead overrides.
 * - `host.virtualization.nestedHardwareVirtualization`: the host's hypervisor exposes VT-x /
 *   AMD-V to its guests, so hardware-assisted VMs can run inside its VMs.
 * - `host.virtualization.hostedOs`: the hypervisor is type 2 and runs on a host OS whose own
 *   CPU and memory share the host loses.
 * - `simulation.failures.instanceSchedule`: an instance failure injected at a time (applied
 *   whatever the failure mode, except in CloudSim-compatible runs).
 */
import { z } from 'zod'
import { VIRTUALIZATION_PRODUCT_NAMES } from './enums'
import { idSchema } from './id'
import { INNER_LAYER_KINDS, NESTED_AFFINITY_SCOPES } from './nesting-kinds'

const id = idSchema

/** `workload.nesting`: the outer workload this one runs inside. */
export const nestingSchema = z.strictObject({
  /** Id of the workload (same tenant) whose instances hold this workload's instances. */
  runsIn: id,
  /** (Anti-)affinity counted per outer instance or per physical host. */
  affinityScope: z.enum(NESTED_AFFINITY_SCOPES).default('outer'),
})

/** Overrides of an inner layer's defaults (same meaning as the host's overrides). */
export const innerLayerOverridesSchema = z.strictObject({
  cpuOverheadPercent: z.number().min(0).max(1000).optional(),
  memoryOverheadPerInstanceMiB: z.number().nonnegative().optional(),
  /** Memory the guest kernel / node agent keeps in each outer instance, MiB (replaces the formula). */
  reservedMemoryMiB: z.number().nonnegative().optional(),
  /** vCPUs the guest kernel / node agent keeps in each outer instance (replaces the formula). */
  reservedVcpus: z.number().nonnegative().optional(),
  ioOverheadPercent: z.number().min(0).max(100).optional(),
})

/** `workload.innerLayer`: what the workload's instances offer to instances inside them. */
export const innerLayerSchema = z.strictObject({
  kind: z.enum(INNER_LAYER_KINDS),
  product: z.enum(VIRTUALIZATION_PRODUCT_NAMES),
  overrides: innerLayerOverridesSchema.optional(),
})

/** `host.virtualization.hostedOs`: the host OS under a type-2 hypervisor and its share. */
export const hostedOsSchema = z.strictObject({
  /** Share of the host's cores the host OS keeps, percent. */
  cpuPercent: z.number().min(0).max(100),
  /** Memory the host OS keeps, MiB. */
  memoryMiB: z.number().nonnegative(),
})

/** One injected instance failure: the instance (`WORKLOAD_ID#INDEX`) stops and restarts. */
export const instanceFailureEventSchema = z.strictObject({
  instanceId: id,
  /** Virtual time of the failure, seconds from the start. */
  atS: z.number().nonnegative(),
  /** Time until it may start again, seconds (its start time comes on top). */
  repairS: z.number().positive(),
})

export type Nesting = z.infer<typeof nestingSchema>
export type InnerLayer = z.infer<typeof innerLayerSchema>
export type InnerLayerOverrides = z.infer<typeof innerLayerOverridesSchema>
export type HostedOs = z.infer<typeof hostedOsSchema>
export type InstanceFailureEvent = z.infer<typeof instanceFailureEventSchema>
