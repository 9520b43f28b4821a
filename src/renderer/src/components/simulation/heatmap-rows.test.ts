/**
 * The utilization heatmap never goes blank (issue 19): with per-host series it has a row per
 * host; a run that kept none (over the per-host budget) shows a row per rack with the rack's
 * mean, and says so in its title. Cell values are the series times 100, rounded (arithmetic).
 */
import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../../shared/contract'
import { heatmapOption, heatmapRows } from './chart-options'

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

describe('heatmap rows', () => {
  it('uses host series when the run kept them', () => {
    const { rows, unit } = heatmapRows(result(true))
    expect(unit).toBe('host')
    expect(rows.map((r) => r.id)).toEqual(['h1'])
  })

  it('falls back to one row per rack, named as a rack, with a note in the title', () => {
    const option = heatmapOption(result(false), (id) => `name of ${id}`, { theme: 'light' })
    const title = JSON.stringify(option.title)
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
    const title = JSON.stringify(heatmapOption(result(false), (id) => id, ctx).title)
    expect(title).toContain('Rack utilization')
    expect(title).toContain('the canvas shows the hosts in view')
  })
})
