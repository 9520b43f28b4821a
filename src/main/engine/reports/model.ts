/**
 * The report model: what a report says, independent of how it is drawn. Builders turn a
 * design and its results into this; the HTML builder, the CSV builder and the chart renderer
 * (ECharts, in services) only read it. Everything is plain JSON.
 */

/** A table; `rows` hold display-ready strings or raw numbers (CSV keeps full precision). */
export interface ReportTable {
  /** Stable id, used as the CSV file name (`<id>.csv`). */
  id: string
  title: string
  columns: string[]
  rows: Array<Array<string | number>>
  /** Show at most this many rows in HTML/PDF (CSV always has all). */
  displayLimit?: number
  /** Only in the CSV export (large data sets the HTML summarizes elsewhere). */
  csvOnly?: boolean
}

/** One line of a chart. */
export interface ChartSeries {
  name: string
  values: number[]
  /** `#rrggbb`; the renderer picks one when absent. */
  colour?: string
}

/** A time-series chart: x is virtual time in hours. */
export interface ReportChart {
  /** Stable id, used as the CSV file name (`<id>.csv`). */
  id: string
  title: string
  /** Unit of the y axis, e.g. `W`, `%`, `USD`. */
  yUnit: string
  /** Sample instants, seconds of virtual time. */
  timesS: number[]
  series: ChartSeries[]
  kind: 'line' | 'area'
  /** Stack the series (area charts of parts of a whole). */
  stacked?: boolean
}

export type ReportBlock =
  | { kind: 'text'; text: string }
  | { kind: 'facts'; items: Array<[label: string, value: string]> }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportChart }
  /** A self-contained SVG picture built by the engine (no script, escaped text). */
  | { kind: 'picture'; title: string; svg: string }

export interface ReportSection {
  id: string
  title: string
  blocks: ReportBlock[]
}

export interface ReportModel {
  title: string
  subtitle: string
  /** `provider` (everything) or `tenant` (one tenant's projection only). */
  audience: 'provider' | 'tenant'
  sections: ReportSection[]
}

/** Every table of a report, in order. */
export function reportTables(model: ReportModel): ReportTable[] {
  return model.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])),
  )
}

/** Every chart of a report, in order. */
export function reportCharts(model: ReportModel): ReportChart[] {
  return model.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])),
  )
}
