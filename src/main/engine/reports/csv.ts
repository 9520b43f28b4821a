/** CSV files of a report: one per table and one per chart's time series, full precision. */
import { formatCsv } from '../persistence/interop/csv'
import { reportCharts, reportTables, type ReportModel } from './model'

export interface CsvFile {
  fileName: string
  contents: string
}

/** Every table as `<id>.csv` and every chart as `<id>-series.csv` (time in s and h first). */
export function reportCsvFiles(model: ReportModel): CsvFile[] {
  const files: CsvFile[] = reportTables(model).map((t) => ({
    fileName: `${t.id}.csv`,
    contents: formatCsv(t.columns, t.rows),
  }))
  for (const c of reportCharts(model)) {
    const header = ['time_s', 'time_h', ...c.series.map((s) => `${s.name} (${c.yUnit})`)]
    const rows = c.timesS.map((t, i) => [t, t / 3600, ...c.series.map((s) => s.values[i] ?? '')])
    files.push({ fileName: `${c.id}-series.csv`, contents: formatCsv(header, rows) })
  }
  return files
}
