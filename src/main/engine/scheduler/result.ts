/** Builds the `PlacementResult` DTO from the scheduler's state. */
import type {
  HostUsage,
  PlacedInstance,
  PlacementResult,
  UnplacedInstance,
} from '../../../shared/domain/placement'
import type { SchedulerState } from './state'

const round3 = (x: number): number => Math.round(x * 1000) / 1000

/** Per-host usage (effective demand, overheads included) against allocatable capacity. */
export function hostUsage(st: SchedulerState): HostUsage[] {
  return st.hosts.map((host, h) => {
    const cap = st.cap[h]
    return {
      hostId: host.id,
      instances: st.usedInstances[h] ?? 0,
      vcpusUsed: round3((st.usedVcpuMilli[h] ?? 0) / 1000),
      vcpusAllocatable: round3((cap?.vcpuMilli ?? 0) / 1000),
      memoryMiBUsed: st.usedMemMiB[h] ?? 0,
      memoryMiBAllocatable: cap?.memoryMiB ?? 0,
      diskGiBUsed: round3(st.usedDiskGiB[h] ?? 0),
      diskGiBAllocatable: cap?.diskGiB ?? 0,
      bandwidthMbpsUsed: round3(st.usedBwMbps[h] ?? 0),
      bandwidthMbpsAllocatable: round3(cap?.nicMbps ?? 0),
    }
  })
}

/** The whole placement: placed instances in instance order, unplaced ones with their reasons. */
export function buildResult(
  st: SchedulerState,
  meta: Pick<PlacementResult, 'preset' | 'weights' | 'seed' | 'order'>,
  refusals: ReadonlyMap<number, UnplacedInstance>,
): PlacementResult {
  const placed: PlacedInstance[] = []
  const unplaced: UnplacedInstance[] = []
  st.workloads.forEach((wl, w) => {
    const first = st.instOffset[w] ?? 0
    for (let i = 0; i < wl.count; i++) {
      const k = first + i
      const h = st.instHost[k] ?? -1
      const instanceId = `${wl.id}#${i}`
      if (h < 0) {
        unplaced.push(
          refusals.get(k) ?? {
            instanceId,
            workloadId: wl.id,
            tenantId: wl.tenantId,
            reasons: [],
            summary: 'not placed yet',
          },
        )
        continue
      }
      const p: PlacedInstance = {
        instanceId,
        workloadId: wl.id,
        tenantId: wl.tenantId,
        hostId: st.hosts[h]?.id ?? '?',
      }
      const s = st.instStorage[k] ?? -1
      if (s >= 0) p.storageId = st.storage[s]?.id ?? '?'
      placed.push(p)
    }
  })
  return {
    ...meta,
    weights: { ...meta.weights },
    hostCount: st.hosts.length,
    instanceCount: st.instanceCount,
    placed,
    unplaced,
    hostUsage: hostUsage(st),
  }
}
