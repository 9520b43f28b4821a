/**
 * Running SLA and usage accounting from host and instance state entries, with CloudSim's
 * definitions (`Helper#getSlaTimePerActiveHost`, `#getSlaMetrics`, `#getTimesBeforeHostShutdown`):
 * an entry is written at every host update; an entry at the same instant replaces the previous
 * one; each interval is charged to the state at its start. Nothing is stored per step.
 */

/**
 * Per-instance fields, one row of `VM_ROW` values per instance in `Metrics.vm` (row v at
 * v × `VM_ROW`): an entry write touches one instance's pending, final and summed figures
 * together, so a row keeps them side by side (2–3 cache lines) rather than in 20 arrays
 * indexed by instance, which at 100,000 instances in host order cost a cache miss each.
 */
export const VM_ROW = 20
/** Pending entry: instant (s, -1: none), allocated and requested MIPS, in migration (0/1), interference loss (MIPS), memory in use (MiB). */
export const P_T = 0
export const P_ALLOC = 1
export const P_REQ = 2
export const P_MIG = 3
export const P_LOSS = 4
export const P_MEM = 5
/** Last final entry: the same figures. */
const F_T = 6
const F_ALLOC = 7
const F_REQ = 8
const F_MIG = 9
const F_LOSS = 10
const F_MEM = 11
/** Running sums (see the `Metrics` fields of the same names). */
const S_ALLOC = 12
const S_REQ = 13
const S_MIG_LOSS = 14
const S_INTERFERENCE = 15
const S_VIOL_SUM = 16
const S_VIOL_COUNT = 17
const S_RESIDENT = 18
const S_MEM = 19

export interface Metrics {
  // host pending / last final entries
  hpT: Float64Array
  hpAlloc: Float64Array
  hpReq: Float64Array
  hpActive: Uint8Array
  hfT: Float64Array
  hfAlloc: Float64Array
  hfReq: Float64Array
  hfActive: Uint8Array
  /** Activity of the last finalized entry for shutdown counting (CloudSim starts at true). */
  hShutPrev: Uint8Array
  slaTimeS: number
  activeTimeS: number
  hostShutdowns: number
  /**
   * Per instance, a row of `VM_ROW` values: the pending entry (`P_T` .. `P_MEM`: read them with
   * `vm[v * VM_ROW + P_…]`), the last final entry and the running sums.
   */
  vm: Float64Array
  /**
   * The per-instance sums, filled from `vm` by `finishMetrics` (zero before): allocated and
   * requested MIPS × s (MI), CPU lost while migrating (MI) and to interference (MI), the sum
   * and count of violation fractions, seconds resident and running, memory in use × time
   * (MiB-seconds, from memory traces).
   */
  vAllocMi: Float64Array
  vReqMi: Float64Array
  vMigLossMi: Float64Array
  vInterferenceMi: Float64Array
  vViolSum: Float64Array
  vViolCount: Float64Array
  vResidentS: Float64Array
  vMemUsedMiBS: Float64Array
}

/** Fresh accumulators for H hosts and V instances. */
export function createMetrics(H: number, V: number): Metrics {
  const vm = new Float64Array(V * VM_ROW)
  for (let v = 0; v < V; v++) {
    vm[v * VM_ROW + P_T] = -1
    vm[v * VM_ROW + F_T] = -1
  }
  return {
    hpT: new Float64Array(H).fill(-1),
    hpAlloc: new Float64Array(H),
    hpReq: new Float64Array(H),
    hpActive: new Uint8Array(H),
    hfT: new Float64Array(H).fill(-1),
    hfAlloc: new Float64Array(H),
    hfReq: new Float64Array(H),
    hfActive: new Uint8Array(H).fill(1),
    hShutPrev: new Uint8Array(H).fill(1),
    slaTimeS: 0,
    activeTimeS: 0,
    hostShutdowns: 0,
    vm,
    vAllocMi: new Float64Array(V),
    vReqMi: new Float64Array(V),
    vMigLossMi: new Float64Array(V),
    vInterferenceMi: new Float64Array(V),
    vViolSum: new Float64Array(V),
    vViolCount: new Float64Array(V),
    vResidentS: new Float64Array(V),
    vMemUsedMiBS: new Float64Array(V),
  }
}

function finalizeHost(m: Metrics, h: number): void {
  const t = m.hpT[h] as number
  const prevT = m.hfT[h] as number
  if (prevT !== -1 && m.hfActive[h] === 1) {
    const dt = t - prevT
    m.activeTimeS += dt
    if ((m.hfAlloc[h] as number) < (m.hfReq[h] as number)) m.slaTimeS += dt
  }
  if (m.hShutPrev[h] === 1 && m.hpActive[h] === 0) m.hostShutdowns++
  m.hShutPrev[h] = m.hpActive[h] as number
  m.hfT[h] = t
  m.hfAlloc[h] = m.hpAlloc[h] as number
  m.hfReq[h] = m.hpReq[h] as number
  m.hfActive[h] = m.hpActive[h] as number
}

/** Records a host state entry at `tS` (replacing one at the same instant). */
export function hostEntry(
  m: Metrics,
  h: number,
  tS: number,
  allocMips: number,
  reqMips: number,
): void {
  const pending = m.hpT[h] as number
  if (pending !== -1 && pending !== tS) finalizeHost(m, h)
  m.hpT[h] = tS
  m.hpAlloc[h] = allocMips
  m.hpReq[h] = reqMips
  m.hpActive[h] = allocMips > 0 ? 1 : 0
}

function finalizeVm(m: Metrics, v: number): void {
  const r = m.vm
  const o = v * VM_ROW
  const t = r[o + P_T] as number
  const prevT = r[o + F_T] as number
  if (prevT !== -1) {
    const dt = t - prevT
    const alloc = r[o + F_ALLOC] as number
    const req = r[o + F_REQ] as number
    r[o + S_ALLOC] = (r[o + S_ALLOC] as number) + alloc * dt
    r[o + S_REQ] = (r[o + S_REQ] as number) + req * dt
    r[o + S_INTERFERENCE] = (r[o + S_INTERFERENCE] as number) + (r[o + F_LOSS] as number) * dt
    r[o + S_RESIDENT] = (r[o + S_RESIDENT] as number) + dt
    r[o + S_MEM] = (r[o + S_MEM] as number) + (r[o + F_MEM] as number) * dt
    if (alloc < req) {
      r[o + S_VIOL_SUM] = (r[o + S_VIOL_SUM] as number) + (req - alloc) / req
      r[o + S_VIOL_COUNT] = (r[o + S_VIOL_COUNT] as number) + 1
      if (r[o + F_MIG] === 1) r[o + S_MIG_LOSS] = (r[o + S_MIG_LOSS] as number) + (req - alloc) * dt
    }
  }
  r[o + F_T] = t
  r[o + F_ALLOC] = r[o + P_ALLOC] as number
  r[o + F_REQ] = r[o + P_REQ] as number
  r[o + F_MIG] = r[o + P_MIG] as number
  r[o + F_LOSS] = r[o + P_LOSS] as number
  r[o + F_MEM] = r[o + P_MEM] as number
}

/**
 * The entries instance `v` would get from `vmEntry` at each of `timesS[from..to)` with its
 * pending figures unchanged (a host update repeated at each of those instants), written in one
 * go: the same operations in the same order as those calls, so every sum is the same to the
 * last bit. The instants must be increasing and after the pending entry's.
 */
export function repeatVmEntries(
  m: Metrics,
  v: number,
  timesS: readonly number[],
  from: number,
  to: number,
): void {
  if (to <= from) return
  const r = m.vm
  const o = v * VM_ROW
  if ((r[o + P_T] as number) === -1 || (r[o + F_T] as number) === -1) {
    // No earlier entry to close: the plain calls (rare; the loop below assumes one).
    for (let j = from; j < to; j++) {
      const tS = timesS[j] as number
      if ((r[o + P_T] as number) !== -1 && r[o + P_T] !== tS) finalizeVm(m, v)
      r[o + P_T] = tS
    }
    return
  }
  finalizeVm(m, v)
  r[o + P_T] = timesS[from] as number
  if (to - from === 1) return
  // From here on the final entry is the pending one: the same figures at every instant.
  const alloc = r[o + F_ALLOC] as number
  const req = r[o + F_REQ] as number
  const loss = r[o + F_LOSS] as number
  const memMiB = r[o + F_MEM] as number
  const short = alloc < req
  const mig = r[o + F_MIG] === 1
  let allocMi = r[o + S_ALLOC] as number
  let reqMi = r[o + S_REQ] as number
  let interferenceMi = r[o + S_INTERFERENCE] as number
  let residentS = r[o + S_RESIDENT] as number
  let memMiBS = r[o + S_MEM] as number
  let violSum = r[o + S_VIOL_SUM] as number
  let violCount = r[o + S_VIOL_COUNT] as number
  let migLossMi = r[o + S_MIG_LOSS] as number
  let finalS = r[o + F_T] as number
  let pendingS = r[o + P_T] as number
  for (let j = from + 1; j < to; j++) {
    const dt = pendingS - finalS
    allocMi += alloc * dt
    reqMi += req * dt
    interferenceMi += loss * dt
    residentS += dt
    memMiBS += memMiB * dt
    if (short) {
      violSum += (req - alloc) / req
      violCount += 1
      if (mig) migLossMi += (req - alloc) * dt
    }
    finalS = pendingS
    pendingS = timesS[j] as number
  }
  r[o + S_ALLOC] = allocMi
  r[o + S_REQ] = reqMi
  r[o + S_INTERFERENCE] = interferenceMi
  r[o + S_RESIDENT] = residentS
  r[o + S_MEM] = memMiBS
  r[o + S_VIOL_SUM] = violSum
  r[o + S_VIOL_COUNT] = violCount
  r[o + S_MIG_LOSS] = migLossMi
  r[o + F_T] = finalS
  r[o + P_T] = pendingS
}

/**
 * The first half of `vmEntry(m, v, tS, …)`: closes instance `v`'s pending entry when it is from
 * before `tS` and marks the pending one as at `tS`, whose figures the `vmEntry` at `tS` that
 * must follow writes (issue 15: a processing pass does this for every instance in instance
 * order, where the host updates visit them scattered). The sums are the same to the last bit.
 */
export function vmEntryOpen(m: Metrics, v: number, tS: number): void {
  const r = m.vm
  const o = v * VM_ROW
  const pending = r[o + P_T] as number
  if (pending !== -1 && pending !== tS) {
    finalizeVm(m, v)
    r[o + P_T] = tS
  }
}

/**
 * The second half of `vmEntry`: writes instance `v`'s pending entry at `tS` without looking at
 * the one there, which must be at `tS` or none (`vmEntryOpen` made it so).
 */
export function vmEntryWrite(
  m: Metrics,
  v: number,
  tS: number,
  allocMips: number,
  reqMips: number,
  inMigration: boolean,
  interferenceLossMips: number,
  memoryUsedMiB: number,
): void {
  const r = m.vm
  const o = v * VM_ROW
  r[o + P_T] = tS
  r[o + P_ALLOC] = allocMips
  r[o + P_REQ] = reqMips
  r[o + P_MIG] = inMigration ? 1 : 0
  r[o + P_LOSS] = interferenceLossMips
  r[o + P_MEM] = memoryUsedMiB
}

/** Records an instance state entry at `tS` (replacing one at the same instant). */
export function vmEntry(
  m: Metrics,
  v: number,
  tS: number,
  allocMips: number,
  reqMips: number,
  inMigration: boolean,
  interferenceLossMips: number,
  memoryUsedMiB = 0,
): void {
  const pending = m.vm[v * VM_ROW + P_T] as number
  if (pending !== -1 && pending !== tS) finalizeVm(m, v)
  vmEntryWrite(m, v, tS, allocMips, reqMips, inMigration, interferenceLossMips, memoryUsedMiB)
}

/**
 * Closes an instance's open interval at `tS` without a new state (it stopped: failure or
 * removal), so the time after is not charged.
 */
export function vmStop(m: Metrics, v: number, tS: number): void {
  const r = m.vm
  const o = v * VM_ROW
  if ((r[o + P_T] as number) === -1) return
  if ((r[o + P_T] as number) !== tS) {
    finalizeVm(m, v)
    r[o + P_T] = tS
  }
  finalizeVm(m, v)
  r[o + P_T] = -1
  r[o + F_T] = -1
}

/** Closes every pending entry at the end of the run and fills the per-instance sums. */
export function finishMetrics(m: Metrics, H: number, V: number): void {
  for (let h = 0; h < H; h++) if ((m.hpT[h] as number) !== -1) finalizeHost(m, h)
  const r = m.vm
  for (let v = 0; v < V; v++) {
    const o = v * VM_ROW
    if ((r[o + P_T] as number) !== -1) finalizeVm(m, v)
    m.vAllocMi[v] = r[o + S_ALLOC] as number
    m.vReqMi[v] = r[o + S_REQ] as number
    m.vMigLossMi[v] = r[o + S_MIG_LOSS] as number
    m.vInterferenceMi[v] = r[o + S_INTERFERENCE] as number
    m.vViolSum[v] = r[o + S_VIOL_SUM] as number
    m.vViolCount[v] = r[o + S_VIOL_COUNT] as number
    m.vResidentS[v] = r[o + S_RESIDENT] as number
    m.vMemUsedMiBS[v] = r[o + S_MEM] as number
  }
}
