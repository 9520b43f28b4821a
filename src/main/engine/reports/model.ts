/**
 * The report model: what a report says, independent of how it is drawn. Builders turn a
 * design and its results into this; the HTML builder, the CSV builder and the chart renderer
 * (ECharts, in services) only read it. Everything is plain JSON.
 */

/**
 * How the HTML/PDF shows a numeric column (CSV always writes the raw number):
 * `clock` seconds of virtual time as `h:mm` (`6:00`, `1 d 2:30`), `duration` seconds with
 * units (`2 h 05 min`, `48 s`), `money` to the currency's minor unit (`currencyColumn`: the
 * currency named in that column of the same row).
 */
export type ColumnFormat = 'clock' | 'duration' | { money: string } | { currencyColumn: number }

/** A column with a human label for the HTML and a header naming its unit for the CSV. */
export interface ReportColumn {
  /** What the HTML/PDF heads the column with, e.g. `failed at`. */
  label: string
  /** The CSV header, naming the unit of the raw numbers, e.g. `failed_at_s`. */
  csv: string
  format?: ColumnFormat
}

/** A table; `rows` hold display-ready strings or raw numbers (CSV keeps full precision). */
export interface ReportTable {
  /** Stable id, used as the CSV file name (`<id>.csv`). */
  id: string
  title: string
  /** A plain string is both the HTML label and the CSV header (it names its unit, if any). */
  columns: Array<string | ReportColumn>
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
  /**
   * The CSV-only table that holds this chart's data in full (often in more detail); then the
   * chart gets no CSV file of its own, so no export carries the same numbers twice.
   */
  dataTableId?: string
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

/** The HTML/PDF label of a column. */
export const columnLabel = (c: string | ReportColumn): string =>
  typeof c === 'string' ? c : c.label

/** The CSV header of a column. */
export const columnCsvHeader = (c: string | ReportColumn): string =>
  typeof c === 'string' ? c : c.csv

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
