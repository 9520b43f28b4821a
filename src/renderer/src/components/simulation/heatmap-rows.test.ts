/**
 * The utilization heatmap never goes blank (issue 19): with per-host series it has a row per
 * host; a run that kept none (over the per-host budget) shows a row per rack with the rack's
 * mean, and says so in its title. Cell values are the series times 100, rounded (arithmetic).
 */
import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../../shared/contract'
import fc from 'fast-check'
import { heatmapCells, heatmapOption, heatmapRows, rowLabelInterval } from './chart-options'

const series = (hosts: boolean): SimulationResult['series'] => ({
  timesS: [0, 300, 600],
  totalPowerW: [0, 0, 0],
  activeHosts: [2, 2, 2],
  hosts: hosts
    ? [{ hostId: 'h1', utilization: [0.1, 0.2, 0.3], powerW: [0, 0, 0], instances: [1, 1, 1] }]
    : [],
  racks: [
    { rackId: 'r1', utilization: [0.25, 0.5, 0.755], hostsUp: [2, 2, 2] },
    { rackId: 'r2', utilization: [0, 1, 0.004], hostsUp: [1, 1, 1] },
  ],
  tenants: [],
})
const result = (hosts: boolean): SimulationResult =>
  ({ series: series(hosts) }) as unknown as SimulationResult

/** A chart title's text and subtext as read, its line breaks as spaces. */
const titleText = (title: unknown): string => {
  const t = title as { text?: string; subtext?: string }
  return `${t.text ?? ''} ${t.subtext ?? ''}`.replace(/\n/g, ' ')
}

describe('heatmap rows', () => {
  it('uses host series when the run kept them', () => {
    const { rows, unit } = heatmapRows(result(true))
    expect(unit).toBe('host')
    expect(rows.map((r) => r.id)).toEqual(['h1'])
  })

  it('falls back to one row per rack, named as a rack, with a note in the title', () => {
    const option = heatmapOption(result(false), (id) => `name of ${id}`, { theme: 'light' })
    const title = titleText(option.title)
    expect(title).toContain('Rack utilization')
    expect(title).toContain('no per-host series')
    const yAxis = option.yAxis as { data?: string[] }
    expect(yAxis.data).toEqual(['name of r1', 'name of r2'])
    const data = (option.series as Array<{ data: number[][] }>)[0]?.data
    expect(data).toEqual([
      [0, 0, 25],
      [1, 0, 50],
      [2, 0, 76],
      [0, 1, 0],
      [1, 1, 100],
      [2, 1, 0],
    ])
  })

  it('says the canvas shows hosts in view when main holds their series', () => {
    const ctx = { theme: 'light' as const, hostSeriesInMain: true }
    const title = titleText(heatmapOption(result(false), (id) => id, ctx).title)
    expect(title).toContain('Rack utilization')
    expect(title).toContain('the canvas shows the hosts in view')
  })

  it('averages neighbouring rows and samples into a cell when there are more than fit', () => {
    // 100 rows, row k at k % all along, 300 samples: rows in 34 groups of 3 (the last row 99
    // alone), samples in 100 groups of 3; group y holds rows 3y..3y+2, mean (3y + 1) %
    const rows = Array.from({ length: 100 }, (_, k) => ({
      utilization: Array.from({ length: 300 }, () => k / 100),
    }))
    const { cells, rowStep, sampleStep } = heatmapCells(rows, 300)
    expect([rowStep, sampleStep]).toEqual([3, 3])
    expect(cells).toHaveLength(34 * 100)
    expect(cells.filter(([x]) => x === 7).map(([, , v]) => v)).toEqual([
      ...Array.from({ length: 33 }, (_, y) => 3 * y + 1),
      99,
    ])
    // samples: one row rising 0, 1, 2, … % per sample, 7 samples in groups of 3 (max 3 columns)
    const rising = [{ utilization: [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06] }]
    expect(heatmapCells(rising, 7, 40, 3).cells).toEqual([
      [0, 0, 1],
      [1, 0, 4],
      [2, 0, 6],
    ])
  })

  it('names a row of several racks by its first and last, and says each row is a mean', () => {
    const racks = Array.from({ length: 90 }, (_, k) => ({
      rackId: `r${k}`,
      utilization: [0.5],
      hostsUp: [1],
    }))
    const r = { series: { ...series(false), timesS: [0], racks } } as unknown as SimulationResult
    const option = heatmapOption(r, (id) => id, { theme: 'light' })
    // ceil(90 / 40) = 3 racks a row: 30 rows
    const yAxis = option.yAxis as { data?: string[]; axisLabel?: { interval?: unknown } }
    expect(yAxis.data?.slice(0, 2)).toEqual(['r0–r2', 'r3–r5'])
    expect(yAxis.data).toHaveLength(30)
    // 30 rows over 360 - 100 - 78 = 182 px: 6.07 px a row; 9 px labels need 10.8 px: every 2nd
    expect(yAxis.axisLabel?.interval).toBe(1)
    expect(titleText(option.title)).toContain('each row the mean of 3 of 90 racks')
  })
})

describe('the host heatmap title', () => {
  it('says under the title, wrapped to the chart, that a row is a mean of several hosts', () => {
    const hosts = Array.from({ length: 150 }, (_, k) => ({
      hostId: `h${k}`,
      utilization: [0.5],
      powerW: [0],
      instances: [1],
    }))
    const r = { series: { ...series(true), timesS: [0], hosts } } as unknown as SimulationResult
    const option = heatmapOption(r, (id) => id, { theme: 'light' })
    const t = option.title as { text?: string; subtext?: string }
    expect(t.text).toBe('Host utilization (%)')
    // ceil(150 / 40) = 4 hosts a row
    expect((t.subtext ?? '').replace(/\n/g, ' ')).toBe('Each row the mean of 4 of 150 hosts')
    // every line fits the 42 characters the chart's width holds
    for (const line of (t.subtext ?? '').split('\n')) expect(line.length).toBeLessThanOrEqual(42)
  })
})

describe('row labels', () => {
  it('labels every row that has a line of its own, and thins the rest to a line apart', () => {
    // 10 rows in 200 px: 20 px a row, an 11 px label needs 13.2: every row
    expect(rowLabelInterval(10, 200, 11)).toBe(0)
    // 36 rows (250 racks, 7 a row) in 182 px: 5.06 px a row; 10.8 px: every 3rd (interval 2)
    expect(rowLabelInterval(36, 182, 9)).toBe(2)
    // 40 rows in 230 px: 5.75 px; 10.8 / 5.75 = 1.88: every 2nd
    expect(rowLabelInterval(40, 230, 9)).toBe(1)
  })

  it('is the least interval whose labels stand a whole line apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 20, max: 2000 }),
        fc.constantFrom(9, 11, 12),
        (rows, plotPx, fontPx) => {
          const i = rowLabelInterval(rows, plotPx, fontPx)
          const rowPx = plotPx / rows
          const linePx = fontPx * 1.2
          // labels (i + 1) rows apart are at least a line apart, and i rows apart would not be
          expect((i + 1) * rowPx).toBeGreaterThanOrEqual(linePx - 1e-6)
          if (i > 0) expect(i * rowPx).toBeLessThan(linePx)
        },
      ),
    )
  })
})
