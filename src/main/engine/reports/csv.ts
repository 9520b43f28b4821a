/**
 * CSV files of a report: one per table and one per chart whose data no table holds, full
 * precision. One unit convention: time in seconds (`time_s`), utilization in percent, power
 * in W, money in the currency its header or a `currency` column names; every header names
 * its unit. The same numbers never appear in two files.
 */
import { formatCsv } from '../persistence/interop/csv'
import { columnCsvHeader, reportCharts, reportTables, type ReportModel } from './model'

export interface CsvFile {
  fileName: string
  contents: string
}

/**
 * Every table as `<id>.csv` and every chart without a `dataTableId` as `<id>-series.csv`
 * (`time_s` first, then one `<series> (<unit>)` column per series).
 */
export function reportCsvFiles(model: ReportModel): CsvFile[] {
  const files: CsvFile[] = reportTables(model).map((t) => ({
    fileName: `${t.id}.csv`,
    contents: formatCsv(t.columns.map(columnCsvHeader), t.rows),
  }))
  for (const c of reportCharts(model)) {
    if (c.dataTableId) continue
    const header = ['time_s', ...c.series.map((s) => `${s.name} (${c.yUnit})`)]
    const rows = c.timesS.map((t, i) => [t, ...c.series.map((s) => s.values[i] ?? '')])
    files.push({ fileName: `${c.id}-series.csv`, contents: formatCsv(header, rows) })
  }
  return files
}
