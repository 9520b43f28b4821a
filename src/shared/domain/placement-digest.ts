/**
 * A placement result in compact columns (issue 19): what the window needs of a placement,
 * in a form that costs little to send and to parse. 100,000 placed instances as objects are
 * about 10 MB of JSON and 100,000 objects to build and collect in the window; as columns
 * (one host index per instance) they are a few hundred kB of numbers.
 *
 * Instance ids are `${workloadId}#${i}` (see `src/main/engine/scheduler/README.md`), so an
 * instance is its group and its ordinal `i`: `groups[g].hosts[i]` is the index in `hostIds`
 * of the host instance `${groups[g].workloadId}#${i}` runs on, or -1 when the digest does not
 * place it (unplaced, or not in this result). An instance inside another instance (a node
 * pool's pod in its VM, issue 18) counts on the host under it, and its group says which outer
 * instance holds it (`outerWorkloadId`, `outers`), so a run's replay can move it with its VM
 * (review s9u A2). Storage is left out (read `scheduler:last` for it).
 */
import type { PlacementResult, UnplacedInstance, WeigherName } from './placement'
import type { PlacementPreset } from '../design/enums'
import { refusalKinds } from './placement-words'

/** Instances of one workload group: the host (index into `hostIds`) of each, -1 for none. */
export interface DigestGroup {
  workloadId: string
  tenantId: string
  hosts: number[]
  /**
   * Nested instances (issue 18): the workload whose instances hold this group's (its
   * `nesting.runsIn`); absent for instances placed directly on hosts.
   */
  outerWorkloadId?: string
  /**
   * With `outerWorkloadId`: the ordinal `k` of the outer instance `${outerWorkloadId}#${k}`
   * each instance runs in (parallel to `hosts`), -1 where `hosts` has -1.
   */
  outers?: number[]
}

/** Unplaced instances of one workload group: how many, and the first one's summary. */
export interface UnplacedGroup {
  workloadId: string
  tenantId: string
  count: number
  summary: string
}

/** The unplaced instances a digest lists one by one (the rest are counted per group). */
export const DIGEST_UNPLACED_LISTED = 100

/** A placement result as compact columns (see the module comment). */
export interface PlacementDigest {
  preset: PlacementResult['preset'] | PlacementPreset
  weights: Partial<Record<WeigherName, number>>
  seed: number
  order: PlacementResult['order']
  /** Hosts considered; absent in a tenant's view (a provider total). */
  hostCount?: number
  instanceCount: number
  placedCount: number
  /** Hosts the groups' columns name, in order of first use. */
  hostIds: string[]
  /** Workload groups with at least one placed instance, in the result's order. */
  groups: DigestGroup[]
  unplacedCount: number
  /** Unplaced instances per workload group, in the result's order. */
  unplacedGroups: UnplacedGroup[]
  /** The first `DIGEST_UNPLACED_LISTED` unplaced instances, in the result's order. */
  unplacedListed: UnplacedInstance[]
  /** The kinds of refusal among all unplaced instances (`refusalKinds`), in words. */
  refusedFor?: string[]
}

/** The ordinal `i` of instance `${workloadId}#${i}`; throws for any other id (a broken result). */
function ordinalOf(instanceId: string, workloadId: string): number {
  const prefix = `${workloadId}#`
  const digits = instanceId.startsWith(prefix) ? instanceId.slice(prefix.length) : ''
  if (!/^(0|[1-9][0-9]{0,8})$/.test(digits))
    throw new Error(`instance id "${instanceId}" is not "${workloadId}#<n>"`)
  return Number(digits)
}

/**
 * Records in `g` that its instance `i` runs in `outerInstanceId`; throws when the outer id is
 * not `<workload>#<n>` or names another workload than the group's other instances (a broken
 * result: a nested workload runs in one workload's instances).
 */
function nestIn(g: DigestGroup, outerInstanceId: string, i: number): void {
  const hash = outerInstanceId.lastIndexOf('#')
  const outerWorkloadId = outerInstanceId.slice(0, Math.max(0, hash))
  if (g.outerWorkloadId === undefined) {
    g.outerWorkloadId = outerWorkloadId
    g.outers = []
  } else if (g.outerWorkloadId !== outerWorkloadId)
    throw new Error(
      `instance "${g.workloadId}#${i}" runs in "${outerInstanceId}", not in "${g.outerWorkloadId}"`,
    )
  const outers = g.outers as number[]
  while (outers.length < i) outers.push(-1)
  outers[i] = ordinalOf(outerInstanceId, outerWorkloadId)
}

/** Compacts `result` into a digest; one pass over its instances. */
export function placementDigest(result: PlacementResult): PlacementDigest {
  const hostIndex = new Map<string, number>()
  const hostIds: string[] = []
  const groups = new Map<string, DigestGroup>()
  for (const p of result.placed) {
    let h = hostIndex.get(p.hostId)
    if (h === undefined) {
      h = hostIds.push(p.hostId) - 1
      hostIndex.set(p.hostId, h)
    }
    let g = groups.get(p.workloadId)
    if (!g)
      groups.set(p.workloadId, (g = { workloadId: p.workloadId, tenantId: p.tenantId, hosts: [] }))
    const i = ordinalOf(p.instanceId, p.workloadId)
    // ordinal i means the group has i + 1 instances, all of them in the result
    if (i >= result.instanceCount)
      throw new Error(
        `instance "${p.instanceId}" is beyond the result's ${result.instanceCount} instances`,
      )
    while (g.hosts.length < i) g.hosts.push(-1)
    g.hosts[i] = h
    if (p.outerInstanceId !== undefined) nestIn(g, p.outerInstanceId, i)
  }
  // a group with nested instances has an outer ordinal wherever it has a host
  for (const g of groups.values())
    if (g.outers) while (g.outers.length < g.hosts.length) g.outers.push(-1)
  const unplacedGroups = new Map<string, UnplacedGroup>()
  for (const u of result.unplaced) {
    const g = unplacedGroups.get(u.workloadId)
    if (g) g.count++
    else
      unplacedGroups.set(u.workloadId, {
        workloadId: u.workloadId,
        tenantId: u.tenantId,
        count: 1,
        summary: u.summary,
      })
  }
  return {
    preset: result.preset,
    weights: { ...result.weights },
    seed: result.seed,
    order: result.order,
    ...(result.hostCount !== undefined ? { hostCount: result.hostCount } : {}),
    instanceCount: result.instanceCount,
    placedCount: result.placed.length,
    hostIds,
    groups: [...groups.values()],
    unplacedCount: result.unplaced.length,
    unplacedGroups: [...unplacedGroups.values()],
    unplacedListed: result.unplaced.slice(0, DIGEST_UNPLACED_LISTED),
    refusedFor: refusalKinds(result.unplaced),
  }
}

/** One placed instance as a digest names it. */
export interface DigestInstance {
  instanceId: string
  workloadId: string
  tenantId: string
  /** The host it runs on (for a nested instance, the host under its outer instance). */
  hostId: string
  /** Nested instances (issue 18): the outer instance it runs in. */
  outerInstanceId?: string
}

/** The outer instance of instance `i` of `g`, if it is nested. */
export function digestOuterOf(g: DigestGroup, i: number): string | undefined {
  const k = g.outers?.[i] ?? -1
  return k >= 0 && g.outerWorkloadId !== undefined ? `${g.outerWorkloadId}#${k}` : undefined
}

/** Every placed instance of `digest`, group by group in ordinal order (the result's order). */
export function* digestInstances(digest: PlacementDigest): Generator<DigestInstance> {
  for (const g of digest.groups)
    for (let i = 0; i < g.hosts.length; i++) {
      const h = g.hosts[i] ?? -1
      if (h < 0) continue
      const outerInstanceId = digestOuterOf(g, i)
      yield {
        instanceId: `${g.workloadId}#${i}`,
        workloadId: g.workloadId,
        tenantId: g.tenantId,
        hostId: digest.hostIds[h] ?? '?',
        ...(outerInstanceId !== undefined ? { outerInstanceId } : {}),
      }
    }
}

/** The instances placed on `hostId`, in the result's order; one scan of the columns. */
export function digestInstancesOn(digest: PlacementDigest, hostId: string): DigestInstance[] {
  const h = digest.hostIds.indexOf(hostId)
  if (h < 0) return []
  const out: DigestInstance[] = []
  for (const g of digest.groups)
    for (let i = 0; i < g.hosts.length; i++)
      if (g.hosts[i] === h) {
        const outerInstanceId = digestOuterOf(g, i)
        out.push({
          instanceId: `${g.workloadId}#${i}`,
          workloadId: g.workloadId,
          tenantId: g.tenantId,
          hostId,
          ...(outerInstanceId !== undefined ? { outerInstanceId } : {}),
        })
      }
  return out
}

/**
 * Instances on each host, counted per tenant: host id -> tenant id -> count. Hosts without
 * instances are absent. One pass over the columns.
 */
export function digestCountsByHost(digest: PlacementDigest): Map<string, Map<string, number>> {
  const perHost: Array<Map<string, number> | undefined> = new Array(digest.hostIds.length)
  for (const g of digest.groups)
    for (const h of g.hosts) {
      if (h < 0) continue
      let perTenant = perHost[h]
      if (!perTenant) perHost[h] = perTenant = new Map()
      perTenant.set(g.tenantId, (perTenant.get(g.tenantId) ?? 0) + 1)
    }
  const out = new Map<string, Map<string, number>>()
  perHost.forEach((perTenant, h) => {
    const id = digest.hostIds[h]
    if (perTenant && id !== undefined) out.set(id, perTenant)
  })
  return out
}

/** Placed instances per tenant. */
export function digestPlacedByTenant(digest: PlacementDigest): Map<string, number> {
  const out = new Map<string, number>()
  for (const g of digest.groups) {
    let n = 0
    for (const h of g.hosts) if (h >= 0) n++
    if (n > 0) out.set(g.tenantId, (out.get(g.tenantId) ?? 0) + n)
  }
  return out
}
