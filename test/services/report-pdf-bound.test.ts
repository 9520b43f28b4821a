/**
 * A PDF is made within its job's turn in the report pool (review s8a #5): a job left the
 * pool's bound when its HTML was made, so with "2 run, 8 wait" 3 browsers printed at once
 * (1.7 GB of child RSS). Real pool threads (the report worker from source) with one thread:
 * the second job may not start (its first `placement` progress) until the first job's PDF is
 * done. The printer is a stand-in that records when it starts and ends (the browser's own
 * behaviour is tested in test/reports/report-pdf-cancel.test.ts); ordered by events, not timed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import type { ReportProgress } from '../../src/main/services/reports/produce-report'
import { ReportPool, reportWorkerFile } from '../../src/main/services/reports/report-off-thread'
import type { Design } from '../../src/shared/design/schema'

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

const pools: ReportPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()))
})

describe('a PDF job in the report pool', () => {
  it('holds its turn until its PDF is done: with 1 thread, the next job starts after it', async () => {
    const filename = reportWorkerFile()
    if (!filename) throw new Error('no report worker module')
    const pool = new ReportPool({ filename, threads: 1 })
    pools.push(pool)
    const events: string[] = []
    let printing = 0
    let mostPrinting = 0
    const job = (name: string) =>
      pool.run({
        design: sample,
        pdf: true,
        onProgress: (p: ReportProgress) => {
          const last = events.at(-1)
          if (last !== `${name}:${p.stage}`) events.push(`${name}:${p.stage}`)
        },
        makePdf: async () => {
          printing++
          mostPrinting = Math.max(mostPrinting, printing)
          events.push(`${name}:printing`)
          await new Promise((resolve) => setTimeout(resolve, 300))
          events.push(`${name}:printed`)
          printing--
          return new Uint8Array([0x25, 0x50, 0x44, 0x46])
        },
      })
    const [a, b] = await Promise.all([job('a'), job('b')])
    expect([a.pdf, b.pdf]).toEqual([
      new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    ])
    expect(events).toContain('b:queued')
    // b's first step of work comes after a's PDF is printed
    expect(events.indexOf('a:printed')).toBeLessThan(events.indexOf('b:placement'))
    expect(events.indexOf('b:placement')).toBeLessThan(events.indexOf('b:printing'))
    expect(mostPrinting).toBe(1)
    expect(pool.jobs).toBe(0)
  }, 300_000)
})
