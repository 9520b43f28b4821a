/**
 * The experiment report's Pareto chart numbers its front 1..n and no two numbers overlap, even
 * where the means lie within a few pixels of each other (review s5 #11: the full combination
 * labels "mad-mmt-2.5 · 1 · mtbf" and "thr-mmt-0.8 · 4 · mtbf" were drawn over each other).
 * Real ECharts server-side rendering; the labels' positions are read from the SVG.
 */
import * as echarts from 'echarts'
import { describe, expect, it } from 'vitest'
import { paretoSvg } from '../../src/main/services/reports/experiment-charts'

/** The front's number labels (bold, drawn in #111) and their anchor positions. */
function numberLabels(svg: string): Array<{ text: string; x: number; y: number }> {
  return [
    ...svg.matchAll(
      /<text[^>]*font-weight:bold[^>]*translate\(([-\d.]+) ([-\d.]+)\)[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => ({ text: m[3] as string, x: Number(m[1]), y: Number(m[2]) }))
}

describe('the experiment report’s Pareto chart', () => {
  it('numbers the front in x order, each number clear of the others', () => {
    // three means within 0.03 kWh and 0.2 points of each other, as in the review's study
    const front = [
      { x: 34.8, y: 12.1, label: 'mad-mmt-2.5 · 1 · mtbf' },
      { x: 34.81, y: 12.0, label: 'thr-mmt-0.8 · 4 · mtbf' },
      { x: 34.83, y: 11.9, label: 'lr-mmt-1.2 · 1 · mtbf' },
      { x: 36.5, y: 8, label: 'dvfs · 4 · mtbf' },
      { x: 40, y: 2, label: 'dvfs · 1 · mtbf' },
    ]
    const svg = paretoSvg(echarts, {
      xName: 'IT energy (kWh)',
      yName: 'SLA violation (%)',
      runs: front.map((p) => ({ x: p.x, y: p.y + 0.2 })),
      front,
    })
    const labels = numberLabels(svg)
    expect(labels.map((l) => l.text)).toEqual(['1', '2', '3', '4', '5'])
    expect(svg).not.toContain('mad-mmt-2.5')
    // a 10 px bold digit is about 7 px wide and 12 px tall: boxes must not meet
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!
        const b = labels[j]!
        const apart = Math.abs(a.x - b.x) >= 7 || Math.abs(a.y - b.y) >= 12
        expect(apart, `labels ${a.text} and ${b.text} overlap`).toBe(true)
      }
  })
})
