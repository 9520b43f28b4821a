/**
 * The canvas's frame of a finished run at one sample (issue 19): every host's utilization,
 * failed and off state (its own series, the series fetched on demand for the hosts in view, or
 * its rack's mean), the instances the replay puts on it, the migrations under way, storage and
 * links. One builder, `frameSteps`, run whole (`resultFrame`, small runs) or in slices that
 * give the page back between them (`resultFrameSliced`: at 10,000 hosts building it in one
 * go was a task of 50 ms on an idle machine and 150 ms or more under load). When only the
 * series fetched on demand changed (a run's end, a pan), `patchFrame` copies the previous
 * frame and redoes only the hosts whose series came or went, and says which (`patch`), so the
 * canvas overlay is not rebuilt for 10,000 hosts either.
 */
import type { SimulationResult } from '../../../shared/contract'
import type { InstancesOverTime, TenantCounts } from '../../../shared/domain/instances-at'
import type { HostOverlay } from '../drawing/host-overlay'
import { storageFrameAt, type StorageFrame } from './storage-frame'
import { linkFrameAt, type LinkFrame } from './network-frame'
import type { OnDemandSeries } from './simulation-host-series'
import { SLICE_ITEMS, yieldToMain } from './yielding'

export interface HostFrame {
  utilization: number
  failed: boolean
  off: boolean
  /**
   * No per-host series for this host in the window (the run kept none, or they are still
   * being fetched for the racks in view): `utilization` is the mean of the host's rack.
   */
  rackMean?: boolean
  /**
   * Instances on the host at this sample, per tenant (a finished run replayed from its
   * placement, `simulation-instances.ts`); absent: the placement's, as placed.
   */
  instances?: HostOverlay['instances']
}

/** The state of the datacenter at one sample of the run, for the canvas. */
export interface SimulationFrame {
  timeS: number
  hosts: Map<string, HostFrame>
  migrations: Array<{ id: string; from: string; to: string }>
  /** Storage systems at this sample (runs with the storage model, issue 17). */
  storage?: Map<string, StorageFrame>
  /** Links and external uplinks at this time (runs with traffic, issue 17). */
  links?: Map<string, LinkFrame>
  /**
   * This frame is `base` with only the hosts `hostIds` changed (their own series came, or went):
   * a consumer that shows `base` may redo only those. Dropped from a frame once a newer one
   * patches it, so frames never chain.
   */
  patch?: { base: SimulationFrame; hostIds: ReadonlySet<string> }
}

/** What a finished run's frame is built from. */
export interface FrameInput {
  result: SimulationResult
  /** Index into `result.series.timesS`. */
  index: number
  /** Per-host series fetched for the hosts in view (runs that kept only rack means). */
  onDemand: ReadonlyMap<string, OnDemandSeries>
  /** The run's instances over time, when it could be replayed. */
  replay: InstancesOverTime | undefined
  /** The design's hosts (their racks), read only for runs that kept only rack means. */
  designHosts: ReadonlyArray<{ id: string; rackId?: string }>
  /** Tenant id -> colour, for the replayed instances. */
  colours: ReadonlyMap<string, string>
}

/** Whether the run kept only rack means (its hosts' own series are fetched on demand). */
export const keptRackMeans = (r: SimulationResult): boolean =>
  r.series.hosts.length === 0 && r.series.racks !== undefined

/** Hosts a frame of `input` holds (what its cost grows with). */
export const frameHosts = (input: FrameInput): number =>
  keptRackMeans(input.result) ? input.designHosts.length : input.result.series.hosts.length

const downAt = (r: SimulationResult, timeS: number): Set<string> =>
  new Set(
    r.failures
      .filter((f) => f.atS <= timeS && (f.repairedAtS === undefined || timeS < f.repairedAtS))
      .map((f) => f.hostId),
  )

/** A host's frame from its own series at sample `i`; its instance count there into `counted`. */
function ownFrame(
  hostId: string,
  s: { utilization: readonly number[]; instances: readonly number[] },
  i: number,
  down: ReadonlySet<string>,
  counted: Map<string, number>,
): HostFrame {
  const utilization = s.utilization[i] ?? 0
  const instances = s.instances[i] ?? 0
  counted.set(hostId, instances)
  return { utilization, failed: down.has(hostId), off: instances === 0 && utilization === 0 }
}

/** A host's frame from its rack's mean at sample `i` (undefined: no rack series). */
function rackFrame(
  hostId: string,
  rack: { utilization: readonly number[] } | undefined,
  i: number,
  down: ReadonlySet<string>,
): HostFrame | undefined {
  if (!rack) return undefined
  const utilization = rack.utilization[i] ?? 0
  return { utilization, failed: down.has(hostId), off: false, rackMean: true }
}

/**
 * A host's replayed instances, coloured: one shared entry per tenant and count (at 10,000
 * hosts, one object per host and tenant was 100,000 objects per frame, and their garbage).
 */
function colouring(
  colours: ReadonlyMap<string, string>,
): (list: TenantCounts | undefined) => NonNullable<HostOverlay['instances']> {
  type Entry = { tenantId: string; count: number; colour: string }
  const byTenant = new Map<string, Entry[]>()
  const entry = ({ tenantId, count }: { tenantId: string; count: number }): Entry => {
    let counts = byTenant.get(tenantId)
    if (!counts) byTenant.set(tenantId, (counts = []))
    return (counts[count] ??= { tenantId, count, colour: colours.get(tenantId) ?? '#888888' })
  }
  return (list) => (list ? list.map(entry) : [])
}

/**
 * Builds the frame of `input`, yielding after about every `slice` hosts handled (each yield a
 * point where the page may be given back); returns the frame.
 */
export function* frameSteps(
  input: FrameInput,
  slice = SLICE_ITEMS,
): Generator<void, SimulationFrame, void> {
  const { result: r, index: i } = input
  const timeS = r.series.timesS[i] as number
  const hosts = new Map<string, HostFrame>()
  const down = downAt(r, timeS)
  /** Each host's instance count in its own series at this sample (checks the replay). */
  const counted = new Map<string, number>()
  let handled = 0
  for (const h of r.series.hosts) {
    if (++handled % slice === 0) yield
    hosts.set(h.hostId, ownFrame(h.hostId, h, i, down, counted))
  }
  // per-host series not in the result (a large run): the hosts fetched on demand show
  // their own, the others their rack's mean
  if (keptRackMeans(r)) {
    const racks = new Map((r.series.racks ?? []).map((x) => [x.rackId, x]))
    for (const h of input.designHosts) {
      if (++handled % slice === 0) yield
      const mine = input.onDemand.get(h.id)
      const f = mine
        ? ownFrame(h.id, mine, i, down, counted)
        : rackFrame(h.id, h.rackId ? racks.get(h.rackId) : undefined, i, down)
      if (f) hosts.set(h.id, f)
    }
  }
  // where the instances were at this sample, when the run is replayed (review s9u A2):
  // `instancesAt`'s rule in slices (the replay shows only if every host's own series agrees)
  if (input.replay) {
    yield
    // a host's series counts the instances placed directly on it (a node pool's pods ride in
    // their VM and are shown with it, but are not in the series)
    const direct = input.replay.direct(timeS)
    // each host's instances per tenant, read in slices too (review: `at` in one go was the
    // longest step of a 10,000-host frame)
    const at = yield* input.replay.atSteps(timeS, slice)
    let agrees = true
    for (const [hostId, n] of counted) {
      if (++handled % slice === 0) yield
      if ((direct.get(hostId) ?? 0) !== n) {
        agrees = false
        break
      }
    }
    const coloured = colouring(input.colours)
    // a slice here counts each host's tenants (about 10 entries a host at 10,000 hosts)
    let entries = 0
    if (agrees)
      for (const [hostId, f] of hosts) {
        const list = at.get(hostId)
        entries += 1 + (list?.length ?? 0)
        if (entries >= slice) {
          entries = 0
          yield
        }
        f.instances = coloured(list)
      }
  }
  // migrations under way during the step that ends at this sample
  const stepS = i > 0 ? timeS - (r.series.timesS[i - 1] as number) : timeS
  const migrations = r.migrations
    .filter((m) => m.startS <= timeS && m.endS > timeS - stepS)
    .map((m, k) => ({ id: `${m.instanceId}@${k}`, from: m.fromHostId, to: m.toHostId }))
  const storage = storageFrameAt(r, i, timeS)
  const links = linkFrameAt(r, timeS)
  return {
    timeS,
    hosts,
    migrations,
    ...(storage ? { storage } : {}),
    ...(links ? { links } : {}),
  }
}

/** The frame of `input`, built in one go. */
export function resultFrame(input: FrameInput): SimulationFrame {
  const steps = frameSteps(input, Number.POSITIVE_INFINITY)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The frame of `input` built in slices of about `slice` hosts, yielding to the page between
 * them; undefined once `current()` turns false (a newer sample, result or series came).
 */
export async function resultFrameSliced(
  input: FrameInput,
  current: () => boolean,
  slice = SLICE_ITEMS,
): Promise<SimulationFrame | undefined> {
  const steps = frameSteps(input, slice)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await yieldToMain()
    if (!current()) return undefined
  }
}

/** Most hosts `patchFrame` redoes; more changed (a new run's series) and the frame is rebuilt. */
const MAX_PATCHED = 2500

/**
 * `before` (the frame of `was`) with the hosts whose series fetched on demand came or went
 * since redone, when `input` differs from `was` in those series only; undefined otherwise
 * (another sample, result or replay; too many hosts changed; or a newly fetched host's
 * instance count disagrees with the replay, which then shows for no host: see `instancesAt`
 * in `simulation-instances.ts`).
 */
export function patchFrame(
  before: SimulationFrame,
  was: FrameInput,
  input: FrameInput,
): SimulationFrame | undefined {
  const r = input.result
  if (
    r !== was.result ||
    input.index !== was.index ||
    input.replay !== was.replay ||
    input.colours !== was.colours ||
    input.designHosts !== was.designHosts ||
    !keptRackMeans(r)
  )
    return undefined
  const changed = new Set<string>()
  for (const [id, s] of input.onDemand) if (was.onDemand.get(id) !== s) changed.add(id)
  for (const id of was.onDemand.keys()) if (!input.onDemand.has(id)) changed.add(id)
  if (changed.size > MAX_PATCHED) return undefined
  const i = input.index
  const timeS = r.series.timesS[i] as number
  const down = downAt(r, timeS)
  const racks = new Map((r.series.racks ?? []).map((x) => [x.rackId, x]))
  const rackOf = new Map<string, string | undefined>()
  for (const h of input.designHosts) if (changed.has(h.id)) rackOf.set(h.id, h.rackId)
  // the replay shows only while every host's own series agrees with it (see `instancesAt`):
  // the hosts checked before still do; the newly fetched ones are checked below
  let at: ReadonlyMap<string, TenantCounts> | undefined
  let direct: ReadonlyMap<string, number> | undefined
  const coloured = colouring(input.colours)
  if (input.replay) {
    if (before.hosts.values().next().value?.instances === undefined) return undefined
    at = input.replay.at(timeS)
    direct = input.replay.direct(timeS)
  }
  const hosts = new Map(before.hosts)
  for (const id of changed) {
    const mine = input.onDemand.get(id)
    const rackId = rackOf.get(id)
    const counted = new Map<string, number>()
    const f = mine
      ? ownFrame(id, mine, i, down, counted)
      : rackFrame(id, rackId ? racks.get(rackId) : undefined, i, down)
    if (!f) {
      hosts.delete(id)
      continue
    }
    if (at) {
      const n = counted.get(id)
      if (n !== undefined && (direct?.get(id) ?? 0) !== n) return undefined
      // the replayed instances do not depend on the host's series: kept when it had them
      f.instances = before.hosts.get(id)?.instances ?? coloured(at.get(id))
    }
    hosts.set(id, f)
  }
  delete before.patch
  return { ...before, hosts, patch: { base: before, hostIds: changed } }
}
