/**
/**
 * CSV files of a report: one per table and one per chart whose data no table holds, full
 * precision. One unit convention: time in seconds (`time_s`), utilization in percent, power
 * in W, money in the currency its header or a `currency` column names; every header names
 * its unit. The same numbers never appear in two files.
 *
 * These files are meant for people, who open them in a spreadsheet: every text cell that
 * a spreadsheet would take for a formula is neutralised (OWASP, "CSV Injection"). Whether a
 * cell is a number is decided by its value's type, never by its text, so numbers (negative
 * ones included) stay numbers and a name such as `-2+3+cmd|' /C calc'!A0` stays text.
 */
import { formatCsv } from '../persistence/interop/csv'
import { columnCsvHeader, reportCharts, reportTables, type ReportModel } from './model'

export interface CsvFile {
  fileName: string
  contents: string
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell as a spreadsheet should show it: numbers unchanged; text starting with `=`, `+`,
 * `-`, `@`, tab or carriage return prefixed with `'` (shown as the text, not evaluated).
 */
export function spreadsheetSafeCell(cell: string | number): string | number {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** CSV text of a table for people: header and text cells neutralised, numbers as they are. */
export function formatCsvForPeople(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  return formatCsv(
    header.map((h) => String(spreadsheetSafeCell(h))),
    rows.map((row) => row.map(spreadsheetSafeCell)),
  )
}

/**
 * Every table as `<id>.csv` and every chart without a `dataTableId` as `<id>-series.csv`
 * (`time_s` first, then one `<series> (<unit>)` column per series).
 */
export function reportCsvFiles(model: ReportModel): CsvFile[] {
  const files: CsvFile[] = reportTables(model).map((t) => ({
    fileName: `${t.id}.csv`,
    contents: formatCsvForPeople(t.columns.map(columnCsvHeader), t.rows),
  }))
  for (const c of reportCharts(model)) {
    if (c.dataTableId) continue
    const header = ['time_s', ...c.series.map((s) => `${s.name} (${c.yUnit})`)]
    const rows = c.timesS.map((t, i) => [t, ...c.series.map((s) => s.values[i] ?? '')])
    files.push({ fileName: `${c.id}-series.csv`, contents: formatCsvForPeople(header, rows) })
  }
  return files
}
