/**
 * Where a finished run's instances were at the time shown (review s9u A2: after a run the
 * canvas showed each host's instances as the placement left them, so a host that consolidation
 * had switched off still read "9 inst."). The lean result the window reads has no instance
 * records, so the run is replayed from its placement (the digest main publishes when the run
 * starts), its migrations and its failures' restarts (`shared/domain/instances-at.ts`).
 *
 * Each host shows its instances with the ones nested in them (a node pool's pods in their VM,
 * as the placement counts them): the digest says which VM each pod is in, and a pod rides with
 * its VM (it counts on the VM's new host at the instants the VM does). The check against the
 * run's per-host series compares the instances placed directly on hosts, which is what those
 * series count.
 *
 * The replay is built in slices (a 10,000-host day: 100,000 instances, 140,000 migrations) and
 * is not made where it cannot be exact: CloudSim-compatible runs end instances early, and a
 * result that kept only its first migrations. The frame then shows the placement, as before.
 */
import type { Design } from '../../../shared/design/schema'
import type { PlacementDigest } from '../../../shared/domain/placement-digest'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { InstancesOverTime, replayInputOfDigest } from '../../../shared/domain/instances-at'
import type { HostOverlay } from '../drawing/host-overlay'
import { yieldToMain } from './yielding'

/**
 * The replay of `result` run on `digest`, built between frames; undefined when it cannot be
 * exact (see the module comment) or once `current()` turns false (a newer result came).
 */
export async function replayRun(
  result: SimulationResult,
  digest: PlacementDigest | undefined,
  design: Design | undefined,
  current: () => boolean,
): Promise<InstancesOverTime | undefined> {
  if (!digest || !design || design.simulation.cloudsimCompat || result.migrationsTruncated)
    return undefined
  const steps = InstancesOverTime.building(replayInputOfDigest(digest, result))
  let step = steps.next()
  while (!step.done) {
    await yieldToMain()
    if (!current()) return undefined
    step = steps.next()
  }
  return step.value
}

/**
 * The replayed instances of each host at `timeS` (nested ones included), coloured, when the
 * instances placed directly on hosts agree with every per-host series the frame has
 * (`counted`: host id -> the series' instance count at that sample);
 * undefined when any host disagrees (the run did not start from this placement: it was placed
 * again since), so the frame keeps the placement rather than showing a mix.
 */
export function instancesAt(
  replay: InstancesOverTime,
  timeS: number,
  counted: ReadonlyMap<string, number>,
  colourOf: ReadonlyMap<string, string>,
): Map<string, NonNullable<HostOverlay['instances']>> | undefined {
  const direct = replay.direct(timeS)
  for (const [hostId, n] of counted) if ((direct.get(hostId) ?? 0) !== n) return undefined
  const at = replay.at(timeS)
  const out = new Map<string, NonNullable<HostOverlay['instances']>>()
  for (const [hostId, list] of at)
    out.set(
      hostId,
      list.map((x) => ({ ...x, colour: colourOf.get(x.tenantId) ?? '#888888' })),
    )
  return out
}
