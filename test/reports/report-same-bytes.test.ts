/**
 * A report is the same bytes whichever pool thread makes it (review s7b #6): zrender numbers
 * its SVG ids from counters that live as long as the thread, so the second report made in a
 * reused thread named its ids `zr85-cls-412` where a fresh thread's said `zr54-cls-264`.
 * Real worker threads (the report worker from source): twice in one reused thread, once in a
 * fresh thread; and within each document, every id is defined once and every `url(#…)` names
 * one of them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { renumberZrenderIds } from '../../src/main/services/reports/chart-svg'
import { ReportPool, reportWorkerFile } from '../../src/main/services/reports/report-off-thread'
import type { Design } from '../../src/shared/design/schema'

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

const pools: ReportPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()))
})
function onePool(): ReportPool {
  const filename = reportWorkerFile()
  if (!filename) throw new Error('no report worker module')
  const made = new ReportPool({ filename, threads: 1 })
  pools.push(made)
  return made
}

const report = async (pool: ReportPool): Promise<string> =>
  (await pool.run({ design: sample, html: true, generatedAt: '2026-01-01T00:00:00Z' })).html ?? ''

describe('the same report from any thread', () => {
  it('is byte-identical twice in a reused thread and once in a fresh one', async () => {
    const reused = onePool()
    const first = await report(reused)
    const second = await report(reused)
    expect(reused.threadsStarted).toBe(1)
    const fresh = await report(onePool())
    // The charts are there (so the ids were in play), and made more than once per thread.
    expect(first.match(/class="zr\d+-cls-\d+"/g)?.length ?? 0).toBeGreaterThan(0)
    expect(second).toBe(first)
    expect(fresh).toBe(first)
    const ids = [...first.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
    const refs = new Set([...first.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]))
    expect([...refs].filter((r) => !ids.includes(r))).toEqual([])
  }, 300_000)

  it('renames zrender ids and classes in its own places only, never the chart text', () => {
    const svg =
      '<svg><style ><![CDATA[\n.zr85-cls-412:hover {\ncursor:pointer;\n}\n]]></style>' +
      '<clipPath id="zr85-c0"></clipPath><path clip-path="url(#zr85-c0)" class="zr85-cls-412"/>' +
      '<path class="zr85-cls-9"/><path class="zr85-cls-412"/>' +
      '<text>host zr85-c0 and .zr3-cls-1</text></svg>'
    expect(renumberZrenderIds(svg, 2)).toBe(
      '<svg><style ><![CDATA[\n.zr2-cls-0:hover {\ncursor:pointer;\n}\n]]></style>' +
        '<clipPath id="zr2-c0"></clipPath><path clip-path="url(#zr2-c0)" class="zr2-cls-0"/>' +
        '<path class="zr2-cls-1"/><path class="zr2-cls-0"/>' +
        '<text>host zr85-c0 and .zr3-cls-1</text></svg>',
    )
  })
})
