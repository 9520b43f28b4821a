/**
 * Review s9u C9: the PDF of a tall design had a page with the "Topology" heading alone, then
 * the drawing cut through the rack over two pages; the "Host use after placement" table wrapped
 * host ids ("host-/1"). Here the sample's 13 hosts stand in one column of one rack (a drawing
 * about three times as tall as wide): the heading, the whole drawing and its legend print on
 * one page, and every host id prints whole in the table (pdftotext per page).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

function tallDesign(): Design {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8'),
  ) as Design
  raw.hosts.forEach((h, i) => {
    h.rackId = 'rack-1'
    h.position = { x: 100, y: 300 + i * 90 }
  })
  for (const s of raw.switches) if (s.rackId) s.rackId = 'rack-1'
  raw.simulation.horizonS = 2 * 3600
  return checkIntegrity(raw).design as Design
}

describe('the PDF of a tall design', () => {
  it('prints the topology whole on one page and host ids unwrapped', async () => {
    const design = tallDesign()
    const out = await produceReport({ design, pdf: true, generatedAt: '2026-01-01T00:00:00Z' })
    const dir = mkdtempSync(join(tmpdir(), 'strata-tall-'))
    const file = join(dir, 'r.pdf')
    writeFileSync(file, out.pdf ?? new Uint8Array())
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    const text = (page: number): string =>
      execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-layout', file, '-'], {
        encoding: 'utf8',
      })
    const all = Array.from({ length: pages }, (_, i) => text(i + 1))
    const topology = all.findIndex((t) => t.includes('Topology as drawn'))
    expect(topology).toBeGreaterThanOrEqual(0)
    const page = all[topology]!
    // the drawing's first and last hosts (top and bottom of the column) and its legend
    const first = design.hosts[0]!
    const last = design.hosts.at(-1)!
    for (const label of [first.name, last.name, 'switches'])
      expect(page, `"${label}" on the topology's page`).toContain(label)
    // the table's page: each host id whole, on the same line as its figures
    const table = all.find((t) => t.includes('Host use after placement')) ?? ''
    const rows = table.split('\n').filter((l) => /^\s*\S+\s+\d/.test(l))
    for (const h of design.hosts)
      expect(
        rows.some((l) => l.trim().startsWith(`${h.name} `)),
        `${h.name} unwrapped`,
      ).toBe(true)
  }, 120_000)
})
