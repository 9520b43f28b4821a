/** Writes an experiment's tables into its output folder as CSV (csv-stringify) and JSON. */
import { stringify } from 'csv-stringify/sync'
import { spreadsheetSafeCell, type ExperimentPlan, type RunRecord } from '../../engine'
import { combinationTable, runTable, type Table } from './results-table'
import type { RunStore } from './store'
import { tableParquet } from './table-parquet'

/**
 * RFC 4180 CSV of a table: a header row, empty cells for null, numbers in full precision. Text
 * a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, …: a factor's value such as a
 * design name) is neutralised by the report CSV's own rule (`spreadsheetSafeCell`; review s10a
 * #7: results.csv kept `=HYPERLINK(…)` as given); numbers stay numbers.
 */
export function tableCsv(table: Table): string {
  const safe = (v: unknown): unknown => (typeof v === 'string' ? spreadsheetSafeCell(v) : v)
  return stringify(
    table.rows.map((row) => table.columns.map((c) => safe(row[c] ?? null))),
    {
      header: true,
      columns: table.columns.map((c) => String(spreadsheetSafeCell(c))),
      cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
    },
  )
}

/** results.csv/json/parquet (a row per run) and combinations.csv/json/parquet (means, 95 % CIs). */
export function writeResultTables(
  store: RunStore,
  plan: ExperimentPlan,
  records: readonly RunRecord[],
): string[] {
  const runs = runTable(plan.factorNames, records)
  const combos = combinationTable(plan.factorNames, runs)
  return [
    store.writeFile('results.csv', tableCsv(runs)),
    store.writeFile(
      'results.json',
      JSON.stringify({ name: plan.name, factorNames: plan.factorNames, records }, null, 2) + '\n',
    ),
    store.writeFile('results.parquet', tableParquet(runs, plan.name)),
    store.writeFile('combinations.csv', tableCsv(combos)),
    store.writeFile('combinations.json', JSON.stringify(combos.rows, null, 2) + '\n'),
    store.writeFile('combinations.parquet', tableParquet(combos, plan.name)),
  ]
}
