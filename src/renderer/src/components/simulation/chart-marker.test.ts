/**
 * The time slider's marker on each chart (issue 19: it is drawn over the charts, so moving the
 * slider redraws none): the time charts mark the sample itself; the heatmap the column whose
 * group of samples holds it (arithmetic: a day of 5-minute samples, 288, is 96 columns of 3);
 * the availability chart has none; the options are the very same objects at every time.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { heatmapColumn } from './chart-options'
import { withMarker } from './chart-marker'

describe('heatmapColumn', () => {
  it('is the sample itself up to 120 samples, and the group of 3 at 288', () => {
    expect([0, 5, 12].map((t) => heatmapColumn(t, 13))).toEqual([0, 5, 12])
    // ceil(288 / 120) = 3 samples a column: 0-2 -> 0, 3-5 -> 1, ..., 285-287 -> 95
    expect([0, 2, 3, 10, 287].map((t) => heatmapColumn(t, 288))).toEqual([0, 0, 1, 3, 95])
  })

  it('puts every sample in the column whose group holds it, and in no column past the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.nat(), (samples, k) => {
        const t = k % samples
        const step = Math.ceil(samples / 120)
        const column = heatmapColumn(t, samples)
        expect(column * step).toBeLessThanOrEqual(t)
        expect(t).toBeLessThan((column + 1) * step)
        expect(column).toBeLessThan(Math.ceil(samples / step))
      }),
    )
  })
})

describe('withMarker', () => {
  const option = { series: [] }
  const charts: Array<{ name: string; option: object; markerIndex?: number }> = [
    'heatmap',
    'power',
    'hosts',
    'tenants',
    'cost',
    'sla',
  ].map((name) => ({ name, option }))

  it('marks the sample on time charts, its column on the heatmap, nothing on availability', () => {
    const marked = withMarker(charts, 10, 288)
    expect(Object.fromEntries(marked.map((c) => [c.name, c.markerIndex]))).toEqual({
      heatmap: 3,
      power: 10,
      hosts: 10,
      tenants: 10,
      cost: 10,
      sla: undefined,
    })
    // the option objects are the same: ECharts is handed nothing new
    expect(marked.every((c) => c.option === option)).toBe(true)
  })

  it('marks nothing before a sample is shown', () => {
    expect(withMarker(charts, -1, 288).map((c) => c.markerIndex)).toEqual(
      charts.map(() => undefined),
    )
  })
})
