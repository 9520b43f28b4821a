/**
 * The self-contained HTML report: one file with inline CSS and inline SVG charts, no script
 * and no external resource, laid out for the screen and for printing to PDF (A4).
 */
import { clock, durationText, esc, money } from './format'
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
th{background:#f3f4f6}td.n{text-align:right;font-variant-numeric:tabular-nums}tr:nth-child(even) td{background:#fafafa}
figure{margin:10px 0;break-inside:avoid}figure svg{max-width:100%;height:auto}figcaption{font-weight:600;margin-bottom:4px}
.note{color:#6b7280;font-style:italic}
@page{size:A4;margin:14mm}
@media print{main{padding:0;max-width:none}section{break-before:auto}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
`

/** A number as the column's format says, else integers as they are and others to 4 decimals. */
function numberText(v: number, format: ColumnFormat | undefined): string {
  if (format === 'clock') return clock(v)
  if (format === 'duration') return durationText(v)
  if (format !== undefined) return money(v, format.money)
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)))
}

function cell(v: string | number, format: ColumnFormat | undefined): string {
  if (typeof v === 'number') return `<td class="n">${esc(numberText(v, format))}</td>`
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
  const body = rows.map((r) => `<tr>${r.map((v, i) => cell(v, formats[i])).join('')}</tr>`).join('')
  return `<div class="table"><h3>${esc(t.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`
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
      return `<figure><figcaption>${esc(b.title)}</figcaption>${b.svg}</figure>`
    case 'chart': {
      if (b.chart.timesS.length === 0 || b.chart.series.length === 0)
        return `<h3>${esc(b.chart.title)}</h3><p class="note">No data.</p>`
      const svg = options.renderChart(b.chart, { widthPx: 880, heightPx: 300 })
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
        `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.blocks.map((b) => blockHtml(b, options)).join('\n')}</section>`,
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
