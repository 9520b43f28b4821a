/**
 * Storage latency as utilization rises: the open single-server queue (M/M/1), mean response
 * time R = S / (1 − U), with S the service time at no load and U the offered utilization
 * (arrival rate × S, here offered IOPS / saturation IOPS, as Doyle et al. model a storage
 * server: NESTED_NETWORK_STORAGE.md §13c, [S67]). U is capped at 0.95, so R ≤ 20 S: beyond
 * saturation the queue would grow without bound, and the cap (a judgement, §15c) keeps the
 * figure finite. R/S = 2 at U = 0.5, 5 at 0.8, 10 at 0.9, 20 at 0.95.
 */

/** The highest utilization the curve is evaluated at (R ≤ S / (1 − 0.95) = 20 S). */
export const MAX_QUEUEING_UTILIZATION = 0.95

/**
 * Mean response time in ms for service time `serviceMs` (≥ 0) at offered utilization
 * `utilization` (≥ 0; values above 0.95, overload included, are taken as 0.95).
 */
export function queueingLatencyMs(serviceMs: number, utilization: number): number {
  const u = Math.min(MAX_QUEUEING_UTILIZATION, Math.max(0, utilization))
  return serviceMs / (1 - u)
}
