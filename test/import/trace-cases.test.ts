/**
 * Demand imports that never bend time (issue 10), through the real CLI and real files: the
 * reported cases (`test/fixtures/cases/traces`, source in ../fixtures/cases/NOTICE.md) and
 * each stated rule of the CSV and PlanetLab readers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strata } from '../support/strata-cli'
import { readStrataFile } from '../../src/main/engine/persistence'
import { simulate } from '../../src/main/engine/simulation'
import type { Design } from '../../src/shared/design/schema'

const CASES = 'test/fixtures/cases/traces'
const dir = mkdtempSync(join(tmpdir(), 'strata-i10-traces-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function openDesign(path: string): Design {
  const read = readStrataFile(readFileSync(path))
  if (!read.ok) throw new Error(read.message)
  return read.design
}

async function importCsv(csvText: string, name: string) {
  const csv = join(dir, `${name}.csv`)
  const out = join(dir, `${name}.strata.json`)
  writeFileSync(csv, csvText)
  const r = await strata('import', 'csv', `${CASES}/csv-base.strata.json`, csv, '-o', out)
  return { ...r, file: out }
}

describe('generic CSV import', () => {
  it('epoch-seconds.csv starts at its first time stamp and equals the same CSV shifted to 0', async () => {
    const text = readFileSync(`${CASES}/epoch-seconds.csv`, 'utf8')
    const epoch = await importCsv(text, 'epoch')
    expect(epoch.code).toBe(0)
    expect(epoch.out).toMatch(/times shifted by -1376314846 s/)
    expect(epoch.out).toMatch(/1 trace\(s\), 12 sample\(s\) at 300 s, 1 instance\(s\)/)
    const first = 1376314846
    const shifted = text
      .split('\n')
      .map((l) => {
        const [t, ...rest] = l.split(',')
        return /^\d+$/.test(t ?? '') ? [Number(t) - first, ...rest].join(',') : l
      })
      .join('\n')
    const zero = await importCsv(shifted, 'zero')
    expect(zero.code).toBe(0)
    expect(zero.out).not.toMatch(/shifted/)
    const a = openDesign(epoch.file)
    const b = openDesign(zero.file)
    expect(a).toEqual(b)
    const trace = a.traces[0]
    expect(trace?.intervalS).toBe(300)
    expect(trace?.cpuPercent).toEqual([93.23, 10, 50, 20, 80, 5, 60, 30, 70, 40, 90, 15])
    const strip = (d: Design) => ({ ...simulate(d).summary, elapsedMs: 0 })
    expect(strip(a)).toEqual(strip(b))
    expect(readFileSync(epoch.file).length).toBeLessThan(20_000)
  })

  it('fills a gap by holding the previous value, warning with the line', async () => {
    const r = await importCsv(
      'time_s,instance,cpu_percent\n0,vm1,10\n300,vm1,20\n1200,vm1,50\n',
      'gap',
    )
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/gap\.csv line 4, column 1 \(time_s\): "vm1" misses 2 sample\(s\)/)
    expect(openDesign(r.file).traces[0]?.cpuPercent).toEqual([10, 20, 20, 20, 50])
  })

  it('refuses a gap past the tolerance, duplicates and non-numeric cells, naming line and column', async () => {
    const gap = await importCsv('0,vm1,10\n300,vm1,20\n30000,vm1,50\n', 'big-gap')
    expect(gap.code).toBe(1)
    expect(gap.err).toMatch(
      /big-gap\.csv line 3, column 1 \(time_s\): "vm1" has a gap of 98 samples/,
    )
    const dup = await importCsv('0,vm1,10\n300,vm1,20\n300,vm1,30\n', 'dup')
    expect(dup.code).toBe(1)
    expect(dup.err).toMatch(
      /dup\.csv line 3, column 1 \(time_s\): .*second sample for time 300 \(line 2\)/,
    )
    const nan = await importCsv('time_s,instance,cpu_percent\n0,vm1,10\n300,vm1,ten\n', 'nan')
    expect(nan.code).toBe(1)
    expect(nan.err).toMatch(/nan\.csv line 3, column 3 \(cpu_percent\): "ten" is not a number/)
  })

  it('sorts unsorted rows with a warning naming the first line out of order', async () => {
    const r = await importCsv('600,vm1,30\n0,vm1,10\n300,vm1,20\n', 'unsorted')
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/unsorted\.csv line 2: rows of "vm1" are not in time order; sorted/)
    expect(openDesign(r.file).traces[0]?.cpuPercent).toEqual([10, 20, 30])
  })
})

describe('PlanetLab import', () => {
  it('refuses a blank line inside a trace with the file and line, never shifting samples', async () => {
    const out = join(dir, 'blank.strata.json')
    const r = await strata('import', 'planetlab', `${CASES}/planetlab-blank-line`, '-o', out)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/trace "vm-blank-line" line 101 is blank/)
  })

  it('imports full traces and warns about a short one with its file and last line', async () => {
    const traces = join(dir, 'pl')
    mkdirSync(traces)
    const full = readFileSync(`${CASES}/planetlab-blank-line/vm-full`, 'utf8')
    writeFileSync(join(traces, 'a'), full)
    writeFileSync(join(traces, 'b'), full.split('\n').slice(0, 100).join('\n') + '\n\n')
    const out = join(dir, 'pl.strata.json')
    const r = await strata('import', 'planetlab', traces, '-o', out)
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/trace "b" ends at line 100: 100 samples, fewer than 288/)
    expect(r.out).toMatch(/2 trace\(s\), 388 sample\(s\), 2 instance\(s\)/)
    const d = openDesign(out)
    expect(d.traces[0]?.cpuPercent).toEqual(full.trim().split('\n').map(Number))
  })

  it('refuses a non-numeric line and an empty file with the file and line', async () => {
    const traces = join(dir, 'pl-bad')
    mkdirSync(traces)
    writeFileSync(join(traces, 'x'), '10\n20\nabc\n')
    const r = await strata('import', 'planetlab', traces, '-o', join(dir, 'bad.strata.json'))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/trace "x" line 3: text, not a number, is not an integer percentage/)
    writeFileSync(join(traces, 'x'), '\n\n')
    const e = await strata('import', 'planetlab', traces, '-o', join(dir, 'bad.strata.json'))
    expect(e.code).toBe(1)
    expect(e.err).toMatch(/trace "x" is empty/)
  })
})
