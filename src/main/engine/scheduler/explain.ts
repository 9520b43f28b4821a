/**
 * Explanations, computed on request (never on the placement hot path): every host is run
 * through the whole filter pipeline; a rejected host is counted under the first filter that
 * rejects it, so the counts plus the feasible hosts add up to the host count. Feasible hosts
 * are scored with every weigher.
 */
import type { FilterName, RejectionCount, ScoredHost } from '../../../shared/domain/placement'
import { FILTERS } from './filters'
import type { Placer } from './placer'

/** How many feasible hosts an explanation lists. */
export const CANDIDATES_SHOWN = 5

/** Rejection counts and best candidates of one more instance of workload `w`, as things stand. */
export function evaluateHosts(
  placer: Placer,
  w: number,
): { rejections: RejectionCount[]; feasible: number; candidates: ScoredHost[] } {
  const st = placer.st
  const counts = new Map<string, RejectionCount>()
  const best: Array<{ h: number; score: number }> = []
  let feasible = 0
  for (let h = 0; h < st.hosts.length; h++) {
    let rejected = false
    for (const f of FILTERS) {
      const reason = f.check(st, w, h)
      if (reason === undefined) continue
      const text = f.detail ? f.detail(st, w, h, reason) : reason
      const key = `${f.name}\u0000${text}`
      const entry = counts.get(key)
      if (entry) entry.count++
      else counts.set(key, { filter: f.name, reason: text, count: 1 })
      rejected = true
      break
    }
    if (rejected) continue
    feasible++
    best.push({ h, score: placer.weigh(w, h) })
    if (best.length > 4 * CANDIDATES_SHOWN) trim(best, st.rank)
  }
  trim(best, st.rank)
  const candidates = best.map(({ h, score }) => scored(placer, w, h, score))
  return { rejections: sortRejections([...counts.values()]), feasible, candidates }
}

function trim(best: Array<{ h: number; score: number }>, rank: Int32Array): void {
  best.sort((a, b) => b.score - a.score || (rank[a.h] ?? 0) - (rank[b.h] ?? 0))
  best.length = Math.min(best.length, CANDIDATES_SHOWN)
}

/** One host's total and per-weigher scores for workload `w`. */
export function scored(placer: Placer, w: number, h: number, score?: number): ScoredHost {
  const weighers: ScoredHost['weighers'] = {}
  for (const [weigher] of placer.terms)
    weighers[weigher.name] = round(weigher.score(placer.st, w, h))
  return {
    hostId: placer.st.hosts[h]?.id ?? '?',
    score: round(score ?? placer.weigh(w, h)),
    weighers,
  }
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6

const FILTER_ORDER = new Map<FilterName, number>(FILTERS.map((f, i) => [f.name, i]))

export function sortRejections(list: RejectionCount[]): RejectionCount[] {
  return list.sort(
    (a, b) =>
      b.count - a.count ||
      (FILTER_ORDER.get(a.filter) ?? 0) - (FILTER_ORDER.get(b.filter) ?? 0) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  )
}

/**
 * An explanation in plain words, naming the chosen host by its name:
 * `none of 64 hosts can take it: 40 hosts insufficient memory; 16 hosts dedicated to Acme`, or
 * `placed on web-01; 5 of 64 hosts could take it (59 hosts insufficient memory)`.
 */
export function summarize(
  feasible: number,
  hostCount: number,
  rejections: readonly RejectionCount[],
  hostName?: string,
): string {
  const tail = reasonLines(rejections).join('; ')
  if (hostName === undefined) {
    const head =
      feasible === 0
        ? `none of ${hostCount} ${hostCount === 1 ? 'host' : 'hosts'} can take it`
        : `${feasible} of ${hostCount} hosts could take it`
    return tail ? `${head}: ${tail}` : head
  }
  return `placed on ${hostName}; ${feasible} of ${hostCount} ${hostCount === 1 ? 'host' : 'hosts'} could take it${tail ? ` (${tail})` : ''}`
}

/** Rejections as lines, `40 hosts: insufficient memory`, `1 host: host down`. */
export function reasonLines(rejections: readonly RejectionCount[]): string[] {
  return rejections.map((r) => `${r.count} ${r.count === 1 ? 'host' : 'hosts'}: ${r.reason}`)
}
