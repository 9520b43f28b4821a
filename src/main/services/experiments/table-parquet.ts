/**
 * An experiment table as Parquet (hyparquet-writer, as `strata simulate --parquet` uses):
 * each column typed from its cells (all numbers: DOUBLE; all booleans: BOOLEAN; otherwise
 * STRING), nullable, column names as in the CSV (`tenant.<id>.bill`, `energyKWh.mean`, ...).
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer'
import type { Cell, Table } from './results-table'

function columnType(cells: readonly Cell[]): 'DOUBLE' | 'BOOLEAN' | 'STRING' {
  const present = cells.filter((c) => c !== null)
  if (present.length > 0 && present.every((c) => typeof c === 'number')) return 'DOUBLE'
  if (present.length > 0 && present.every((c) => typeof c === 'boolean')) return 'BOOLEAN'
  return 'STRING'
}

/** The table's Parquet bytes; `name` goes into the file's key-value metadata. */
export function tableParquet(table: Table, name: string): Uint8Array {
  const columnData = table.columns.map((column): ColumnSource => {
    const cells = table.rows.map((row) => row[column] ?? null)
    const type = columnType(cells)
    const data = type === 'STRING' ? cells.map((c) => (c === null ? null : String(c))) : cells
    return { name: column, type, data: data as ColumnSource['data'], nullable: true }
  })
  return new Uint8Array(
    parquetWriteBuffer({
      columnData,
      kvMetadata: [{ key: 'strata.experiment', value: name }],
      createdBy: 'strata',
    }),
  )
}
