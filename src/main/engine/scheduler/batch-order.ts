/**
 * The order of batch placement, and dominant resource fairness (DRF) across tenants.
 *
 * Stable order: workloads by decreasing dominant demand (the larger of one instance's vCPU
 * and memory share of the whole datacenter's allocatable capacity; first-fit decreasing packs
 * better), ties by workload id; instances of a workload by index.
 *
 * When that order refuses an instance because capacity ran short (some host lacked room, or
 * other tenants hold it), the batch is re-run with DRF: at every step the
 * tenant with the smallest dominant share (its allocated vCPUs or memory, whichever is the
 * larger share of the datacenter) places its next instance (in the stable order); ties go to
 * the tenant id order. A refused instance does not stop its tenant.
 */
import type { SchedulerState } from './state'

/** Allocatable vCPUs and memory of all hosts that are up. */
export function totals(st: SchedulerState): { vcpus: number; memMiB: number } {
  let vcpus = 0
  let memMiB = 0
  st.hosts.forEach((_, h) => {
    if (st.hostState[h] !== 'up') return
    vcpus += (st.cap[h]?.vcpuMilli ?? 0) / 1000
    memMiB += st.cap[h]?.memoryMiB ?? 0
  })
  return { vcpus: Math.max(vcpus, 1e-9), memMiB: Math.max(memMiB, 1e-9) }
}

/** Unplaced instance indices in the stable order. */
export function stableOrder(st: SchedulerState): number[] {
  const total = totals(st)
  const dominant = st.workloads.map((w) =>
    Math.max(w.vcpus / total.vcpus, w.memoryMiB / total.memMiB),
  )
  const order = st.workloads.map((_, i) => i)
  order.sort((a, b) => (dominant[b] ?? 0) - (dominant[a] ?? 0) || a - b)
  const out: number[] = []
  for (const w of order) {
    const first = st.instOffset[w] ?? 0
    const end = st.instOffset[w + 1] ?? first
    for (let k = first; k < end; k++) if ((st.instHost[k] ?? 0) < 0) out.push(k)
  }
  return out
}

/**
 * Walks `order` in DRF order: `attempt(k)` places instance `k` (or not). Tenants without an
 * index (-1) share one queue after the named tenants.
 */
export function drfWalk(
  st: SchedulerState,
  order: readonly number[],
  workloadOf: (k: number) => number,
  attempt: (k: number) => void,
): void {
  const T = st.tenants.length
  const queues: number[][] = Array.from({ length: T + 1 }, () => [])
  for (const k of order) {
    const t = st.workloadTenant[workloadOf(k)] ?? -1
    queues[t >= 0 ? t : T]?.push(k)
  }
  const heads = new Int32Array(T + 1)
  const total = totals(st)
  const share = (t: number): number =>
    t >= T
      ? Infinity
      : Math.max((st.tenantVcpus[t] ?? 0) / total.vcpus, (st.tenantMemMiB[t] ?? 0) / total.memMiB)
  for (;;) {
    let pick = -1
    let pickShare = Infinity
    for (let t = 0; t <= T; t++) {
      if ((heads[t] ?? 0) >= (queues[t]?.length ?? 0)) continue
      const s = share(t)
      if (pick < 0 || s < pickShare) {
        pick = t
        pickShare = s
      }
    }
    if (pick < 0) return
    const k = queues[pick]?.[heads[pick] ?? 0] ?? 0
    heads[pick] = (heads[pick] ?? 0) + 1
    attempt(k)
  }
}
