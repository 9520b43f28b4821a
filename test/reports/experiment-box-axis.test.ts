/**
 * The experiment report's box plots keep a bounded metric's axis within its bounds (review s4,
 * finding 18: the "Availability (%)" axis of the review's report ran to 140 %). Real ECharts
 * server-side rendering; the axis labels are read from the SVG.
 */
import * as echarts from 'echarts'
import { describe, expect, it } from 'vitest'
import { boxPlotSvg } from '../../src/main/services/reports/experiment-charts'

/** The numbers written as text in an SVG (axis labels). */
const numbers = (svg: string): number[] =>
  [...svg.matchAll(/<text[^>]*>([-\d.]+)<\/text>/g)].map((m) => Number(m[1]))

const groups = [
  { label: 'thr', values: [40, 62, 85] },
  { label: 'dvfs', values: [70, 99.5, 100] },
]

describe('experiment report box plots', () => {
  it('an availability axis stops at 100 % and holds every value', () => {
    const svg = boxPlotSvg(echarts, {
      yName: 'Availability (%)',
      groups,
      range: { min: 0, max: 100 },
    })
    const labels = numbers(svg)
    expect(labels.length).toBeGreaterThan(2)
    expect(Math.max(...labels)).toBe(100)
    // spread 60 -> step 10: 40 - 6 -> 30 at the bottom
    expect(Math.min(...labels)).toBe(30)
  })
})
