/**
 * `strata report` on the sample: HTML with the charts as inline SVG, a PDF whose first page
 * renders (pdftoppm) to a picture that is not blank, one zip of CSV (every table, no copies), and a
 * tenant report that holds no other tenant's names or ids.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { readZip } from './read-zip'

const SAMPLE = join(__dirname, '../../resources/samples/two-hall.strata.json')

async function strata(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    cwd: process.cwd(),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Share of pixels that are not near-white in a binary PPM (P6) image. */
function inkFraction(ppm: Buffer): number {
  const header = ppm.subarray(0, 64).toString('latin1')
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)
  if (!m) throw new Error('not a P6 PPM')
  const [width, height] = [Number(m[1]), Number(m[2])]
  const pixels = ppm.subarray(m[0].length)
  let ink = 0
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if ((pixels[i] ?? 255) + (pixels[i + 1] ?? 255) + (pixels[i + 2] ?? 255) < 600) ink++
  return ink / (width * height)
}

describe('strata report', () => {
  it('writes HTML with SVG charts, a PDF that is not blank, and CSV files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-report-'))
    const r = await strata([
      'report',
      SAMPLE,
      '--html',
      join(dir, 'r.html'),
      '--pdf',
      join(dir, 'r.pdf'),
      '--csv',
      join(dir, 'r-csv.zip'),
    ])
    expect(r.err).not.toContain('note:')
    expect(r.code).toBe(0)

    const html = readFileSync(join(dir, 'r.html'), 'utf8')
    expect(html).not.toMatch(/<script|<link |src="http/)
    const charts =
      html.match(
        /<figure class="chart" data-chart="[^"]+"><figcaption>[^<]*<\/figcaption><svg /g,
      ) ?? []
    expect(charts.length).toBeGreaterThanOrEqual(5)
    for (const section of [
      'Design summary',
      'Topology',
      'Placement',
      'Utilization',
      'Power and energy',
      'Migrations',
      'Failures',
      'Tenants’ availability SLA',
      'CloudSim’s SLA metrics (CPU shortfall, no verdict)',
      'Tenants: usage and bills',
    ])
      expect(html).toContain(`<h2>${section.replace(':', ':')}</h2>`)
    expect(html).toContain('Refused instances and why')

    const pdf = readFileSync(join(dir, 'r.pdf'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    execFileSync('pdftoppm', [
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'r.pdf'),
      join(dir, 'page'),
    ])
    const page = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.ppm'))
    expect(page).toBeDefined()
    const ink = inkFraction(readFileSync(join(dir, page!)))
    expect(ink).toBeGreaterThan(0.01)
    expect(ink).toBeLessThan(0.9)

    // One zip, one folder inside, one file per table; the charts' series live in the tables.
    const zip = readZip(join(dir, 'r-csv.zip'))
    expect(r.out).toContain(`r-csv.zip (${zip.size} CSV files in r-csv/)`)
    const csv = [...zip.keys()].map((name) => {
      expect(name.startsWith('r-csv/')).toBe(true)
      return name.slice('r-csv/'.length)
    })
    for (const f of [
      'hosts.csv',
      'refusals.csv',
      'migrations.csv',
      'series-host-power.csv',
      'series-tenants.csv',
      'series-totals.csv',
      'instances.csv',
    ])
      expect(csv).toContain(f)
    for (const duplicate of ['total-power-series.csv', 'host-utilization-series.csv'])
      expect(csv).not.toContain(duplicate)
    const power = (zip.get('r-csv/series-totals.csv') ?? '').trim().split('\r\n')
    expect(power[0]).toBe('time_s,total_power_w,active_hosts')
    expect(power.length).toBeGreaterThan(100)
  })

  it('a tenant report holds only that tenant: no other tenant\u2019s names or ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-report-'))
    const design = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
      tenants: Array<{ id: string; name: string }>
      workloads: Array<{ id: string; name: string; tenantId: string }>
      networks: Array<{ id: string; name: string; tenantId: string }>
    }
    for (const tenant of design.tenants) {
      const file = join(dir, `${tenant.id}.html`)
      const r = await strata([
        'report',
        SAMPLE,
        '--tenant',
        tenant.id,
        '--html',
        file,
        '--csv',
        join(dir, `${tenant.id}.zip`),
      ])
      expect(r.code).toBe(0)
      const texts = [readFileSync(file, 'utf8'), ...readZip(join(dir, `${tenant.id}.zip`)).values()]
      expect(texts[0]).toContain(tenant.name)
      const foreign = [
        ...design.tenants.filter((t) => t.id !== tenant.id).flatMap((t) => [t.id, t.name]),
        ...design.workloads.filter((w) => w.tenantId !== tenant.id).flatMap((w) => [w.id, w.name]),
        ...design.networks.filter((n) => n.tenantId !== tenant.id).flatMap((n) => [n.id, n.name]),
      ]
      for (const text of texts)
        for (const word of foreign) expect(text.toLowerCase()).not.toContain(word.toLowerCase())
    }
    const unknown = await strata([
      'report',
      SAMPLE,
      '--tenant',
      'nobody',
      '--html',
      join(dir, 'x.html'),
    ])
    expect(unknown.code).toBe(1)
  })

  it('refuses bad usage and unreadable files with a located message', async () => {
    expect((await strata(['report', SAMPLE])).code).toBe(2)
    const bad = await strata([
      'report',
      join(__dirname, '../fixtures/files/v999-future.strata.json'),
      '--csv',
      join(tmpdir(), 'never-written.zip'),
    ])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('at schemaVersion')
    // --csv names the zip to write; a folder there is a usage error, not a silent surprise.
    const folder = await strata(['report', SAMPLE, '--csv', tmpdir()])
    expect(folder.code).toBe(2)
    expect(folder.err).toContain('--csv takes the zip file to write')
  })
})
