/**
 * Where the time slider's marker stands on each simulation chart: the x category that holds
 * the sample shown. The time charts have a category per sample; the heatmap a column per group
 * of consecutive samples (`heatmapColumn`); the availability chart has no time axis and no
 * marker. Pure (unit-tested); `SimChart` draws the marker over the chart.
 */
import { heatmapColumn } from './chart-options'

/**
 * `charts` with `markerIndex` set for sample `timeIndex` of `samples` (a `timeIndex` below 0:
 * no marker). A chart that is not changed keeps its object (and its option).
 */
export function withMarker<T extends { name: string; markerIndex?: number }>(
  charts: readonly T[],
  timeIndex: number,
  samples: number,
): T[] {
  if (timeIndex < 0) return [...charts]
  return charts.map((c) =>
    c.name === 'sla'
      ? c
      : { ...c, markerIndex: c.name === 'heatmap' ? heatmapColumn(timeIndex, samples) : timeIndex },
  )
}
