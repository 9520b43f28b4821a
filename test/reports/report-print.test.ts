/**
 * The printed report as a reader holds it: text at least 8 pt (topology labels, chart text,
 * tables), no heading left alone at a page foot (pdftotext per page), times as h:mm or with
 * units, money to the currency's precision, and words instead of field names.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { PRINT_WIDTH_PT } from '../../src/main/engine/reports/topology-svg'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

const design = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

/** The smallest text of each inline SVG, in pt, when the SVG is printed PRINT_WIDTH_PT wide. */
function smallestSvgTextPt(html: string): Array<{ svg: string; pt: number }> {
  return [...html.matchAll(/<svg\b[^>]*?\bwidth="(\d+(?:\.\d+)?)"[\s\S]*?<\/svg>/g)].map((m) => {
    const widthPx = Number(m[1])
    const sizes = [...m[0].matchAll(/font-size(?:="|:)\s*(\d+(?:\.\d+)?)/g)].map((f) =>
      Number(f[1]),
    )
    return { svg: m[0].slice(0, 80), pt: (Math.min(...sizes) * PRINT_WIDTH_PT) / widthPx }
  })
}

describe('the printed report', () => {
  it('prints no text under 8 pt and leaves no heading alone at a page foot', async () => {
    const out = await produceReport({
      design,
      html: true,
      pdf: true,
      generatedAt: '2026-01-01T00:00:00Z',
    })
    const html = out.html ?? ''
    const svgs = smallestSvgTextPt(html)
    expect(svgs.length).toBeGreaterThanOrEqual(6) // the topology and the charts
    for (const { svg, pt } of svgs) expect(pt, svg).toBeGreaterThanOrEqual(8)
    expect(html).toContain('table{font-size:8.5pt}') // tables in print

    const dir = mkdtempSync(join(tmpdir(), 'strata-print-'))
    writeFileSync(join(dir, 'r.pdf'), out.pdf ?? new Uint8Array())
    const pages = Number(
      /Pages:\s+(\d+)/.exec(
        execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }),
      )?.[1],
    )
    expect(pages).toBeGreaterThan(3)
    const headings = new Set(
      [...html.matchAll(/<(h2|h3|figcaption)>([^<]+)<\/\1>/g)].map((m) =>
        (m[2] ?? '').replace(/&amp;/g, '&').trim(),
      ),
    )
    for (let page = 1; page < pages; page++) {
      const text = execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), '-layout', join(dir, 'r.pdf'), '-'],
        {
          encoding: 'utf8',
        },
      )
      const last =
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .at(-1) ?? ''
      expect(headings.has(last), `page ${page} ends with the heading "${last}"`).toBe(false)
    }
  }, 120_000)

  it('says times as h:mm or with units and money to the currency\u2019s precision', async () => {
    const out = await produceReport({ design, html: true })
    const html = out.html ?? ''
    // kvm-2 fails at 21600 s and is repaired at 28800 s (the sample's failure schedule)
    expect(html).toMatch(/<td>kvm-2<\/td><td class="n">6:00<\/td><td class="n">8:00<\/td>/)
    expect(html).not.toMatch(/ at s\b|\bstart s\b|\bend s\b|downtime s\b|00:00:00/)
    // every amount of money carries 2 decimals (USD and EUR) and its code
    const amounts = [...html.matchAll(/<td(?: class="n")?>(-?[\d,]+(?:\.\d+)?) (USD|EUR)<\/td>/g)]
    expect(amounts.length).toBeGreaterThan(10)
    for (const [, value] of amounts) expect(value).toMatch(/\.\d{2}$/)
  }, 120_000)

  it('names quota resources in words in a tenant\u2019s report', async () => {
    const tenant =
      design.tenants.find((t) => Object.keys(t.quotas).length > 0) ?? design.tenants[0]!
    const out = await produceReport({ design, tenantId: tenant.id, html: true })
    const html = out.html ?? ''
    expect(html).toContain('<td>memory (MiB)</td>')
    expect(html).not.toMatch(/memoryMiB|diskGiB|<td>vcpus<\/td>/)
  }, 120_000)
})
