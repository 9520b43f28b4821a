import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { checkIntegrity } from '../model/validate'
import { reportCsvFiles } from './csv'
import { renderReportHtml } from './html'
import type { ReportChart } from './model'
import { buildProviderReport } from './provider-report'
import { topologySvg } from './topology-svg'
import { createScheduler } from '../scheduler/scheduler'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design as Design
const stubChart = (c: ReportChart) => `<svg data-test="${c.id}"></svg>`

describe('reports (engine)', () => {
  it('draws every host, switch and storage system of the sample, with escaped names', () => {
    const hostile = {
      ...sample,
      hosts: sample.hosts.map((h, i) =>
        i === 0 ? { ...h, name: '<script>alert(1)</script>' } : h,
      ),
    }
    const svg = topologySvg(hostile)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg.match(/<rect [^>]*rx="3"/g)?.length).toBe(sample.hosts.length)
    expect(svg.match(/<circle [^>]*><title>/g)?.length).toBe(sample.switches.length)
    expect(svg.match(/<ellipse [^>]*><title>/g)?.length).toBe(sample.storage.length)
  })

  it('a design-only report says what is missing instead of failing', () => {
    const model = buildProviderReport({ design: sample })
    const html = renderReportHtml(model, {
      renderChart: stubChart,
      generatedAt: '2026-01-01T00:00:00Z',
    })
    expect(html).toContain('No placement was run')
    expect(html).toContain('No simulation results')
    expect(html).toContain('2026-01-01T00:00:00Z')
    // Same input, same output: reports are deterministic.
    expect(
      renderReportHtml(buildProviderReport({ design: sample }), {
        renderChart: stubChart,
        generatedAt: '2026-01-01T00:00:00Z',
      }),
    ).toBe(html)
  })

  it('CSV has one file per table and per chart no table holds, with quoting', () => {
    const model = {
      title: 't',
      subtitle: 's',
      audience: 'provider' as const,
      sections: [
        {
          id: 'a',
          title: 'A',
          blocks: [
            {
              kind: 'table' as const,
              table: {
                id: 'tab',
                title: 'T',
                columns: [
                  'name',
                  { label: 'failed at', csv: 'failed_at_s', format: 'clock' as const },
                ],
                rows: [['a, "b"', 1.5]],
              },
            },
            {
              kind: 'chart' as const,
              chart: {
                id: 'copy',
                title: 'C',
                yUnit: 's',
                kind: 'line' as const,
                timesS: [0],
                series: [{ name: 'x', values: [1.5] }],
                dataTableId: 'tab',
              },
            },
            {
              kind: 'chart' as const,
              chart: {
                id: 'power',
                title: 'P',
                yUnit: 'W',
                kind: 'line' as const,
                timesS: [0, 3600],
                series: [{ name: 'total', values: [10, 20] }],
              },
            },
          ],
        },
      ],
    }
    const files = reportCsvFiles(model)
    expect(files.map((f) => f.fileName)).toEqual(['tab.csv', 'power-series.csv'])
    // The chart whose data a table holds gets no file; headers name units; time only in s.
    expect(files[0]?.contents).toBe('name,failed_at_s\r\n"a, ""b""",1.5\r\n')
    expect(files[1]?.contents).toBe('time_s,total (W)\r\n0,10\r\n3600,20\r\n')
  })
})

describe('the report’s placement order (review s7u #3)', () => {
  it('does not say everything fitted when the sample’s placement refused instances', () => {
    const placement = createScheduler(sample).placeAll()
    const refused = placement.instanceCount - placement.placed.length
    expect(refused).toBe(placement.unplaced.length)
    expect(refused).toBeGreaterThan(0)
    const html = renderReportHtml(buildProviderReport({ design: sample, placement }), {
      renderChart: stubChart,
      generatedAt: '2026-01-01T00:00:00Z',
    })
    expect(html).not.toContain('everything fitted')
    expect(html).toContain('in the design\u2019s order')
  })
})
