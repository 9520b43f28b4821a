/**
 * Storage systems at one sample of a run (issue 17), for the canvas: utilization, latency,
 * failed or not, and the tenant saturating each at that time.
 */
import type { SimulationResult } from '../../../shared/contract'

/** One storage system at one sample. */
export interface StorageFrame {
  iopsUtilization: number
  throughputUtilization: number
  latencyMs: number
  failed: boolean
  /** Id of the tenant consuming most of the system while it is saturated. */
  saturatedBy?: string
}

/** The storage systems at sample `i` (time `timeS`) of `r`, or undefined without storage. */
export function storageFrameAt(
  r: SimulationResult,
  i: number,
  timeS: number,
): Map<string, StorageFrame> | undefined {
  const st = r.storage
  if (!st) return undefined
  const down = new Set(
    st.failures
      .filter((f) => f.atS <= timeS && (f.repairedAtS === undefined || timeS < f.repairedAtS))
      .map((f) => f.storageId),
  )
  const out = new Map<string, StorageFrame>()
  for (const s of st.systems) {
    const by = s.series.saturatedBy[i] ?? ''
    out.set(s.storageId, {
      iopsUtilization: s.series.iopsUtilization[i] ?? 0,
      throughputUtilization: s.series.throughputUtilization[i] ?? 0,
      latencyMs: s.series.latencyMs[i] ?? 0,
      failed: down.has(s.storageId),
      ...(by ? { saturatedBy: by } : {}),
    })
  }
  return out
}
