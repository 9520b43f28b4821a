/**
 * The self-contained HTML report: one file with inline CSS and inline SVG charts, no script
 * and no external resource, laid out for the screen and for printing to PDF (A4).
 */
import { clock, durationText, esc, money, num } from './format'
import {
  columnLabel,
  type ColumnFormat,
  type ReportBlock,
  type ReportChart,
  type ReportModel,
  type ReportTable,
} from './model'

/** Draws a chart as an SVG string (ECharts server-side rendering in services). */
export type ChartRenderer = (
  chart: ReportChart,
  size: { widthPx: number; heightPx: number },
) => string

export interface HtmlOptions {
  renderChart: ChartRenderer
  /** When the report was made (ISO 8601), shown in the header; the engine has no clock. */
  generatedAt?: string
  /** What made it, e.g. `Strata 0.1.0`. */
  generator?: string
}

/**
 * Print rules: A4 with 14 mm margins; no text under 8 pt on paper (tables 8.5 pt, charts are
 * drawn CHART_WIDTH_PX wide so their 10 px labels print at about 8.6 pt); a heading never
 * ends a page (it stays with what follows: `break-after: avoid`, and a section's heading with
 * its first block in one unbreakable group); short tables and figures are not split; a
 * picture (the topology) is scaled to fit one page with its heading, however tall the design
 * (review s9u C9: a tall one left a page with the heading alone and split the drawing over two
 * more); the first column of a table (an element's name or id) never wraps ("host-/1").
 */
const CSS = `
*{box-sizing:border-box}body{font-family:Helvetica,Arial,sans-serif;color:#111827;margin:0;background:#fff;font-size:13px;line-height:1.45}
main{max-width:960px;margin:0 auto;padding:24px 28px}
header{border-bottom:3px solid #1f2937;margin-bottom:18px;padding-bottom:10px}
header h1{margin:0;font-size:26px}header p{margin:4px 0 0;color:#4b5563}
nav ol{columns:2;margin:6px 0 0;padding-left:20px;color:#374151}
section{margin-top:26px}h2{font-size:19px;border-bottom:1px solid #d1d5db;padding-bottom:4px;margin:0 0 10px}
h3{font-size:14px;margin:16px 0 6px;color:#1f2937}
dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:8px 0}dt{color:#4b5563}dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:11.5px}th,td{border:1px solid #e5e7eb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6}td:first-child{white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr:nth-child(even) td{background:#fafafa}
thead{display:table-header-group}
figure{margin:10px 0;break-inside:avoid}figure svg{max-width:100%;height:auto}figure.chart svg{width:100%}figcaption{font-weight:600;margin-bottom:4px}
.note{color:#6b7280;font-style:italic}
@page{size:A4;margin:14mm}
@media print{
body{font-size:10pt}main{padding:0;max-width:none}table{font-size:8.5pt}
h2,h3,figcaption{break-after:avoid}
.lead,.short{break-inside:avoid}
table{break-inside:auto}tr{break-inside:avoid}
figure.picture svg{width:auto;height:auto;max-width:100%;max-height:225mm}
}
`

/** A number as the column's format says, else integers as they are and others to 4 decimals. */
function numberText(
  v: number,
  format: ColumnFormat | undefined,
  row: ReadonlyArray<string | number>,
): string {
  if (format === 'clock') return clock(v)
  if (format === 'duration') return durationText(v)
  if (format !== undefined && 'money' in format) return money(v, format.money)
  if (format !== undefined) return money(v, String(row[format.currencyColumn] ?? ''))
  if (Number.isInteger(v)) return num(v)
  // 1 decimal from 100, 2 from 1, 4 below; trailing zeros dropped (0.021, not 0.0210)
  const text = num(v, Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 4)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** Tables up to this many rows are never split across pages. */
const SHORT_TABLE_ROWS = 15
/** Width the charts are drawn at: printed 182 mm wide, their 10 px text is about 8.6 pt. */
const CHART_WIDTH_PX = 600

function cell(
  v: string | number,
  format: ColumnFormat | undefined,
  row: ReadonlyArray<string | number>,
): string {
  if (typeof v === 'number') return `<td class="n">${esc(numberText(v, format, row))}</td>`
  return `<td>${esc(v)}</td>`
}

function tableHtml(t: ReportTable): string {
  if (t.csvOnly) return ''
  if (t.rows.length === 0) return `<h3>${esc(t.title)}</h3><p class="note">None.</p>`
  const limit = t.displayLimit ?? t.rows.length
  const rows = t.rows.slice(0, limit)
  const more =
    t.rows.length > limit
      ? `<p class="note">${t.rows.length - limit} more rows in ${esc(t.id)}.csv.</p>`
      : ''
  const formats = t.columns.map((c) => (typeof c === 'string' ? undefined : c.format))
  const head = t.columns.map((c) => `<th>${esc(columnLabel(c))}</th>`).join('')
  const body = rows
    .map((r) => `<tr>${r.map((v, i) => cell(v, formats[i], r)).join('')}</tr>`)
    .join('')
  // A table of a few rows is kept whole; a long one keeps its heading with its first rows.
  const short = rows.length <= SHORT_TABLE_ROWS ? ' short' : ''
  return `<div class="table${short}"><h3>${esc(t.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`
}

function blockHtml(b: ReportBlock, options: HtmlOptions): string {
  switch (b.kind) {
    case 'text':
      return `<p>${esc(b.text)}</p>`
    case 'facts':
      return `<dl>${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`
    case 'table':
      return tableHtml(b.table)
    case 'picture':
      return `<figure class="picture"><figcaption>${esc(b.title)}</figcaption>${b.svg}</figure>`
    case 'chart': {
      if (b.chart.timesS.length === 0 || b.chart.series.length === 0)
        return `<h3>${esc(b.chart.title)}</h3><p class="note">No data.</p>`
      const svg = options.renderChart(b.chart, { widthPx: CHART_WIDTH_PX, heightPx: 250 })
      return `<figure class="chart" data-chart="${esc(b.chart.id)}"><figcaption>${esc(b.chart.title)}</figcaption>${svg}</figure>`
    }
  }
}

/** Renders the report as one HTML document. */
export function renderReportHtml(model: ReportModel, options: HtmlOptions): string {
  const made = [options.generator, options.generatedAt].filter(Boolean).join(', ')
  const nav = `<nav><ol>${model.sections.map((s) => `<li>${esc(s.title)}</li>`).join('')}</ol></nav>`
  const sections = model.sections
    .map(
      (s) =>
        `<section id="${esc(s.id)}"><div class="lead"><h2>${esc(s.title)}</h2>${s.blocks
          .slice(0, 1)
          .map((b) => blockHtml(b, options))
          .join('')}</div>${s.blocks
          .slice(1)
          .map((b) => blockHtml(b, options))
          .join('\n')}</section>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)} – ${esc(model.subtitle)}</title><style>${CSS}</style></head>
<body><main><header><h1>${esc(model.title)}</h1><p>${esc(model.subtitle)}${made ? ` · ${esc(made)}` : ''}</p>${nav}</header>
${sections}
</main></body></html>
`
}
