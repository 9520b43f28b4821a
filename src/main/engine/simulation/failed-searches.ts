/**
 * PABFD searches that found no host, remembered for the rest of one consolidation decision so
 * that later under-load evacuations bound to fail are skipped before any tentative placement
 * (issue 15: at 10,000 hosts about 2,700 evacuations are tried per step and nearly all fail).
 *
 * Why it is exact. Within a decision, from the first search on, the hosts only tighten:
 * tentative placements only add entries (memory, bandwidth and requested MIPS in use grow; free
 * MIPS shrinks, and never by redistribution, since a host is chosen only where the instance's
 * request fits), failed evacuations are undone exactly (`tentative-placements.ts`), and hosts
 * only leave the candidates. So when a search for instance `v` found no suitable host, a later
 * search for an instance `u` that asks at least as much of every check of `isSuitable` finds
 * none either: at least `v`'s requested MIPS in total and per PE; and if memory and bandwidth
 * bound `v`, they bind `u` with at least `v`'s memory, vCPUs (a memory overhead never shrinks
 * with either) and bandwidth. The over-load test is not monotone in general (the adaptive
 * detectors add the instance's own history), so a failure counts only if the search refused
 * no host by it, except under `thr`, whose test (requested MIPS over a fixed share of capacity)
 * only tightens too.
 *
 * Placement rules (`placement-rules.ts`) only tighten as hosts fill, but differ between
 * instances. Guest acceptance is static: a failure covers instances whose guest the same hosts
 * accept (`guestGroup`). A failure where isolation or anti-affinity refused some host covers
 * only instances of the same workload (`ruleGroup`), which those rules treat alike on hosts
 * that hold neither (evacuated instances sit only on excluded hosts); rack-wide anti-affinity
 * looks at the excluded hosts too, so such a failure is not kept.
 *
 * Per group and instance shape (memory, vCPUs, bandwidth, whether they bind) the failure with
 * the least request is kept; at most `MAX_SHAPES` shapes are kept.
 */
import { requestedPe, requestedTotal } from './host-cpu'
import type { SimState } from './state'

const MAX_SHAPES = 4096

/** Key of the group of instances a failure for `v` covers (see the file comment). */
function guestKey(s: SimState, v: number): number {
  return s.rules ? s.rules.guestGroup(v) : 0
}
function workloadKey(s: SimState, v: number): number {
  const g = s.rules ? s.rules.ruleGroup(v) : -1
  return g < 0 ? Number.NaN : -1 - g
}

/** Failed searches of one decision, by instance shape (see the file comment). */
export class FailedSearches {
  private memMiB = new Float64Array(MAX_SHAPES)
  private pes = new Float64Array(MAX_SHAPES)
  private bwMbps = new Float64Array(MAX_SHAPES)
  private binds = new Uint8Array(MAX_SHAPES)
  private request = new Float64Array(MAX_SHAPES)
  private requestPe = new Float64Array(MAX_SHAPES)
  private count = 0
  /** Per group key, the shapes kept. */
  private readonly byGroup = new Map<number, number[]>()

  /** Forgets every failure (a new decision). */
  clear(): void {
    this.count = 0
    this.byGroup.clear()
  }

  /**
   * A search for instance `v` found no host; `byRules`: isolation or anti-affinity refused
   * some host on the way (see the file comment for when this counts).
   */
  record(s: SimState, v: number, byRules: boolean): void {
    const key = byRules ? workloadKey(s, v) : guestKey(s, v)
    if (Number.isNaN(key)) return
    let shapes = this.byGroup.get(key)
    if (!shapes) this.byGroup.set(key, (shapes = []))
    const binds = bindsNow(s, v) ? 1 : 0
    const mem = binds ? (s.vmMemMiB[v] as number) : 0
    const pes = s.vmPes[v] as number
    const bw = binds ? (s.vmBwMbps[v] as number) : 0
    const request = requestedTotal(s, v)
    const pe = requestedPe(s, v)
    for (const k of shapes) {
      if (this.binds[k] !== binds || this.memMiB[k] !== mem) continue
      if (this.pes[k] !== pes || this.bwMbps[k] !== bw) continue
      if (pe < (this.requestPe[k] as number)) {
        this.request[k] = request
        this.requestPe[k] = pe
      }
      return
    }
    if (this.count === MAX_SHAPES) return
    const k = this.count++
    shapes.push(k)
    this.binds[k] = binds
    this.memMiB[k] = mem
    this.pes[k] = pes
    this.bwMbps[k] = bw
    this.request[k] = request
    this.requestPe[k] = pe
  }

  /** Whether a search for instance `u` now is bound to find no host (a failure covers it). */
  covers(s: SimState, u: number): boolean {
    if (this.count === 0) return false
    if (this.coveredIn(s, u, this.byGroup.get(guestKey(s, u)))) return true
    const key = workloadKey(s, u)
    return !Number.isNaN(key) && this.coveredIn(s, u, this.byGroup.get(key))
  }

  private coveredIn(s: SimState, u: number, shapes: number[] | undefined): boolean {
    if (!shapes) return false
    const request = requestedTotal(s, u)
    const pe = requestedPe(s, u)
    const binds = bindsNow(s, u)
    for (const k of shapes) {
      if (request < (this.request[k] as number) || pe < (this.requestPe[k] as number)) continue
      if (this.binds[k] === 0) return true
      if (
        binds &&
        (s.vmMemMiB[u] as number) >= (this.memMiB[k] as number) &&
        (s.vmPes[u] as number) >= (this.pes[k] as number) &&
        (s.vmBwMbps[u] as number) >= (this.bwMbps[k] as number)
      )
        return true
    }
    return false
  }
}

/** Whether memory, bandwidth and density bind for `v` now (as `isSuitable` decides). */
function bindsNow(s: SimState, v: number): boolean {
  return !s.compat || s.vmInstantiating[v] === 1
}
