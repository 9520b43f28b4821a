import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { tableParquet } from './table-parquet'
import type { Table } from './results-table'

async function read(bytes: Uint8Array) {
  const file = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer
  const metadata = parquetMetadata(file)
  const types = parquetSchema(metadata).children.map((c) => [c.element.name, c.element.type])
  return { rows: await parquetReadObjects({ file }), types, kv: metadata.key_value_metadata }
}

describe('experiment tables as Parquet', () => {
  it('another reader reads back every cell, typed from the column, nulls kept', async () => {
    const table: Table = {
      columns: [
        'id',
        'simulation.policy',
        'energyKWh',
        'energyCost',
        'tenant.t.slaViolation',
        'factor',
      ],
      rows: [
        {
          id: 'a',
          'simulation.policy': 'dvfs',
          energyKWh: 1.5,
          energyCost: null,
          'tenant.t.slaViolation': false,
          factor: 4,
        },
        {
          id: 'b',
          'simulation.policy': 'npa',
          energyKWh: 2.25,
          energyCost: null,
          'tenant.t.slaViolation': true,
          factor: 'x',
        },
      ],
    }
    const { rows, types, kv } = await read(tableParquet(table, 'study'))
    expect(types).toEqual([
      ['id', 'BYTE_ARRAY'],
      ['simulation.policy', 'BYTE_ARRAY'],
      ['energyKWh', 'DOUBLE'],
      ['energyCost', 'BYTE_ARRAY'],
      ['tenant.t.slaViolation', 'BOOLEAN'],
      ['factor', 'BYTE_ARRAY'],
    ])
    expect(rows).toEqual([
      {
        id: 'a',
        'simulation.policy': 'dvfs',
        energyKWh: 1.5,
        energyCost: null,
        'tenant.t.slaViolation': false,
        factor: '4',
      },
      {
        id: 'b',
        'simulation.policy': 'npa',
        energyKWh: 2.25,
        energyCost: null,
        'tenant.t.slaViolation': true,
        factor: 'x',
      },
    ])
    expect(kv).toContainEqual({ key: 'strata.experiment', value: 'study' })
  })
})
