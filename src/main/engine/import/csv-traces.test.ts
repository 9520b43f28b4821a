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

  it('refuses sample intervals under a second or over a year, naming both lines (s11a #8)', () => {
    const d = base()
    const msg = (csv: string, intervalS?: number) => {
      const r = importCsvTraces(d, rows(csv), intervalS === undefined ? {} : { intervalS })
      return r.ok ? '' : r.message
    }
    // 0 and 0.001 s are not duplicate times: they are a millisecond apart
    expect(msg('0,vm-0001,10\n0.001,vm-0001,20')).toBe(
      'the CSV lines 1 and 2: samples of one instance 0.001 s apart: traces hold at most one sample per second; are the times in seconds (not milliseconds)?',
    )
    // two samples 10^12 s (31,700 years) apart: over a year
    expect(msg('0,vm-0001,10\n1000000000000,vm-0001,20')).toMatch(
      /^the CSV lines 1 and 2: samples of one instance 1000000000000 s apart: more than a year \(31536000 s\)/,
    )
    // past 10^12 s a time is refused on its own line: 10^15 and 10^15 + 0.001 are one double
    expect(msg('0,vm-0001,10\n1000000000000000,vm-0001,20')).toMatch(
      /^the CSV line 2, column 1 \(time_s\): time 1000000000000000 is more than 10\^12 s/,
    )
    expect(msg('1e20,vm-0001,10\n1e20,vm-0001,20')).toMatch(/line 1, .*time 1e20 is more than/)
    // Unix time in milliseconds (1.7 x 10^12) is caught the same way
    expect(msg('1700000000000,vm-0001,10')).toMatch(/are the times in seconds/)
    expect(msg('0,vm-0001,10\n300,vm-0001,20', 365 * 86_400 + 1)).toMatch(/more than a year/)
    // a year exactly is allowed
    expect(msg('0,vm-0001,10\n31536000,vm-0001,20')).toBe('')
    // given a 1 s interval, two samples in one second are named as such, with both times
    expect(msg('0,vm-0001,10\n0.001,vm-0001,20', 1)).toBe(
      'the CSV line 2, column 1 (time_s): "vm-0001" has a second sample in the 1-s interval of line 1 (times 0 and 0.001 s); one sample per interval',
    )
    // the same time twice is a duplicate, as before
    expect(msg('0,vm-0001,10\n300,vm-0001,20\n300,vm-0001,30')).toMatch(
      /line 3, column 1 \(time_s\): "vm-0001" has a second sample for time 300 \(line 2\); duplicate times/,
    )
  })
})
