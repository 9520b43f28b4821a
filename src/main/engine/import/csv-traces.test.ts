/** The generic CSV trace import drives a design's workloads, and bad rows are named. */
import { describe, expect, it } from 'vitest'
import { importPlanetLab } from './planetlab'
import { importCsvTraces } from './csv-traces'
import { simulate } from '../simulation'

/** Rows of a plain CSV (no quoting), with their lines; the CLI uses papaparse for real files. */
const rows = (text: string) =>
  text
    .split('\n')
    .map((l, i) => ({ line: i + 1, cells: l.split(',').map((c) => c.trim()) }))
    .filter((r) => r.cells.join('') !== '')

const base = () => {
  const r = importPlanetLab(
    [
      { name: 'a', text: '10\n20\n30\n' },
      { name: 'b', text: '50\n50\n50\n' },
    ],
    { hostCount: 4 },
  )
  if (!r.ok) throw new Error(r.message)
  return r.design
}

describe('CSV traces', () => {
  it('attaches one trace per workload and the simulation follows it', () => {
    const d = base()
    const csv =
      'time_s,instance,cpu_percent,memory_percent\n0,vm-0000#0,80,10\n300,vm-0000#0,90,20\n0,vm-0001,5\n600,vm-0001,7\n'
    const r = importCsvTraces(d, rows(csv))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.summary).toMatchObject({ traces: 2, instances: 2, shiftS: 0 })
    const t0 = r.design.traces.find((t) => t.id === r.design.workloads[0]?.traceId)
    expect(t0?.cpuPercent).toEqual([80, 90])
    expect(t0?.memoryPercent).toEqual([10, 20])
    const t1 = r.design.traces.find((t) => t.id === r.design.workloads[1]?.traceId)
    expect(t1?.cpuPercent).toEqual([5, 5, 7])
    expect(simulate(r.design).summary.energyKWh).not.toBe(simulate(d).summary.energyKWh)
  })
  it('names the bad line or id', () => {
    const d = base()
    const msg = (csv: string) => {
      const r = importCsvTraces(d, rows(csv))
      return r.ok ? '' : r.message
    }
    expect(msg('0,vm-0000#0,120')).toMatch(/line 1, column 3 \(cpu_percent\): cpu 120/)
    expect(msg('0,nope,10')).toMatch(/"nope" names no workload/)
    expect(msg('0,vm-0000#1,10')).toMatch(/per-instance traces need a workload of one instance/)
    expect(msg('0,vm-0000')).toMatch(/line 1: expected/)
  })
})
