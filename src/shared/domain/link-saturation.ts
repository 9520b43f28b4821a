/**
 * When a link counts as saturated, and for how long it was, as the run, the report, the CLI
 * and the Simulation tab say it (one rule for all of them).
 */
import type { NetworkLinkUsage } from './network-result'
import { counted, groupedNumber } from './number-text'

/**
 * A link counts as saturated while its busier direction carries at least this fraction of its
 * capacity (max-min fills a bottleneck to exactly 1; the series keep 4 digits).
 */
export const SATURATED_UTILIZATION = 0.999

/**
 * Seconds link `l` was saturated, s: the run's own exact count (`l.saturatedS`, which holds a
 * live migration's load only while it copies); for results saved before it existed, each
 * instant's utilization held until the next instant of `timesS`, the last one until `horizonS`.
 */
export function linkSaturatedS(
  l: Pick<NetworkLinkUsage, 'saturatedS' | 'utilizationSeries'>,
  timesS: readonly number[],
  horizonS: number,
): number {
  if (l.saturatedS !== undefined) return l.saturatedS
  let total = 0
  for (let i = 0; i < timesS.length; i++) {
    const from = timesS[i] as number
    const to = Math.max(from, i + 1 < timesS.length ? (timesS[i + 1] as number) : horizonS)
    if ((l.utilizationSeries[i] ?? 0) >= SATURATED_UTILIZATION) total += to - from
  }
  return total
}

/**
 * `4 of 24 links and 1 uplink`: how many of a run's links and external uplinks were saturated,
 * naming both sets, so the total matches the design's link count the status bar shows (review
 * s9u C6: "4 of 25" beside "24 links"). `saturated` counts both kinds.
 */
export function saturatedOfText(
  saturated: number,
  links: ReadonlyArray<Pick<NetworkLinkUsage, 'kind'>>,
): string {
  const uplinks = links.filter((l) => l.kind === 'uplink').length
  const plain = links.length - uplinks
  return `${groupedNumber(saturated)} of ${counted(plain, 'link')}${uplinks > 0 ? ` and ${counted(uplinks, 'uplink')}` : ''}`
}
