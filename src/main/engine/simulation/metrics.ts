/**
 * Running SLA and usage accounting from host and instance state entries, with CloudSim's
 * definitions (`Helper#getSlaTimePerActiveHost`, `#getSlaMetrics`, `#getTimesBeforeHostShutdown`):
 * an entry is written at every host update; an entry at the same instant replaces the previous
 * one; each interval is charged to the state at its start. Nothing is stored per step.
 */

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
  // instance pending / last final entries
  vpT: Float64Array
  vpAlloc: Float64Array
  vpReq: Float64Array
  vpMig: Uint8Array
  vpLoss: Float64Array
  vpMemMiB: Float64Array
  vfMemMiB: Float64Array
  vfT: Float64Array
  vfAlloc: Float64Array
  vfReq: Float64Array
  vfMig: Uint8Array
  vfLoss: Float64Array
  /** Per instance: sum of allocated x dt, requested x dt (MIPS-seconds = MI). */
  vAllocMi: Float64Array
  vReqMi: Float64Array
  vMigLossMi: Float64Array
  vInterferenceMi: Float64Array
  vViolSum: Float64Array
  vViolCount: Float64Array
  /** Seconds each instance was resident and running. */
  vResidentS: Float64Array
  /** Per instance: memory in use × time, MiB-seconds (from memory traces). */
  vMemUsedMiBS: Float64Array
}

/** Fresh accumulators for H hosts and V instances. */
export function createMetrics(H: number, V: number): Metrics {
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
    vpT: new Float64Array(V).fill(-1),
    vpAlloc: new Float64Array(V),
    vpReq: new Float64Array(V),
    vpMig: new Uint8Array(V),
    vpLoss: new Float64Array(V),
    vpMemMiB: new Float64Array(V),
    vfMemMiB: new Float64Array(V),
    vfT: new Float64Array(V).fill(-1),
    vfAlloc: new Float64Array(V),
    vfReq: new Float64Array(V),
    vfMig: new Uint8Array(V),
    vfLoss: new Float64Array(V),
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
  const t = m.vpT[v] as number
  const prevT = m.vfT[v] as number
  if (prevT !== -1) {
    const dt = t - prevT
    const alloc = m.vfAlloc[v] as number
    const req = m.vfReq[v] as number
    m.vAllocMi[v] = (m.vAllocMi[v] as number) + alloc * dt
    m.vReqMi[v] = (m.vReqMi[v] as number) + req * dt
    m.vInterferenceMi[v] = (m.vInterferenceMi[v] as number) + (m.vfLoss[v] as number) * dt
    m.vResidentS[v] = (m.vResidentS[v] as number) + dt
    m.vMemUsedMiBS[v] = (m.vMemUsedMiBS[v] as number) + (m.vfMemMiB[v] as number) * dt
    if (alloc < req) {
      m.vViolSum[v] = (m.vViolSum[v] as number) + (req - alloc) / req
      m.vViolCount[v] = (m.vViolCount[v] as number) + 1
      if (m.vfMig[v] === 1) m.vMigLossMi[v] = (m.vMigLossMi[v] as number) + (req - alloc) * dt
    }
  }
  m.vfT[v] = t
  m.vfAlloc[v] = m.vpAlloc[v] as number
  m.vfReq[v] = m.vpReq[v] as number
  m.vfMig[v] = m.vpMig[v] as number
  m.vfLoss[v] = m.vpLoss[v] as number
  m.vfMemMiB[v] = m.vpMemMiB[v] as number
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
  if ((m.vpT[v] as number) === -1 || (m.vfT[v] as number) === -1) {
    // No earlier entry to close: the plain calls (rare; the loop below assumes one).
    for (let j = from; j < to; j++) {
      const tS = timesS[j] as number
      if ((m.vpT[v] as number) !== -1 && m.vpT[v] !== tS) finalizeVm(m, v)
      m.vpT[v] = tS
    }
    return
  }
  finalizeVm(m, v)
  m.vpT[v] = timesS[from] as number
  if (to - from === 1) return
  // From here on the final entry is the pending one: the same figures at every instant.
  const alloc = m.vfAlloc[v] as number
  const req = m.vfReq[v] as number
  const loss = m.vfLoss[v] as number
  const memMiB = m.vfMemMiB[v] as number
  const short = alloc < req
  const mig = m.vfMig[v] === 1
  let allocMi = m.vAllocMi[v] as number
  let reqMi = m.vReqMi[v] as number
  let interferenceMi = m.vInterferenceMi[v] as number
  let residentS = m.vResidentS[v] as number
  let memMiBS = m.vMemUsedMiBS[v] as number
  let violSum = m.vViolSum[v] as number
  let violCount = m.vViolCount[v] as number
  let migLossMi = m.vMigLossMi[v] as number
  let finalS = m.vfT[v] as number
  let pendingS = m.vpT[v] as number
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
  m.vAllocMi[v] = allocMi
  m.vReqMi[v] = reqMi
  m.vInterferenceMi[v] = interferenceMi
  m.vResidentS[v] = residentS
  m.vMemUsedMiBS[v] = memMiBS
  m.vViolSum[v] = violSum
  m.vViolCount[v] = violCount
  m.vMigLossMi[v] = migLossMi
  m.vfT[v] = finalS
  m.vpT[v] = pendingS
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
  const pending = m.vpT[v] as number
  if (pending !== -1 && pending !== tS) finalizeVm(m, v)
  m.vpT[v] = tS
  m.vpAlloc[v] = allocMips
  m.vpReq[v] = reqMips
  m.vpMig[v] = inMigration ? 1 : 0
  m.vpLoss[v] = interferenceLossMips
  m.vpMemMiB[v] = memoryUsedMiB
}

/**
 * Closes an instance's open interval at `tS` without a new state (it stopped: failure or
 * removal), so the time after is not charged.
 */
export function vmStop(m: Metrics, v: number, tS: number): void {
  if ((m.vpT[v] as number) === -1) return
  if ((m.vpT[v] as number) !== tS) {
    finalizeVm(m, v)
    m.vpT[v] = tS
  }
  finalizeVm(m, v)
  m.vpT[v] = -1
  m.vfT[v] = -1
}

/** Closes every pending entry at the end of the run. */
export function finishMetrics(m: Metrics, H: number, V: number): void {
  for (let h = 0; h < H; h++) if ((m.hpT[h] as number) !== -1) finalizeHost(m, h)
  for (let v = 0; v < V; v++) if ((m.vpT[v] as number) !== -1) finalizeVm(m, v)
}
