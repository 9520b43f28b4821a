import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../engine/experiments'
import Papa from 'papaparse'
import { combinationTable, meanCi95, runTable } from './results-table'
import { tableCsv } from './write-tables'

function record(index: number, policy: string, energyKWh: number, violated: boolean): RunRecord {
  return {
    id: `id${index}`,
    index,
    designName: 'base',
    factors: { 'simulation.policy': policy, 'racks[*].cpuAllocationRatio': 2 },
    repetition: index % 2,
    seed: index,
    summary: { policy, energyKWh, elapsedMs: 1 } as RunRecord['summary'],
    tenants: [
      {
        tenantId: 't',
        availabilityPercent: 99,
        slaAvailabilityPercent: 99.9,
        slaViolation: violated,
        bill: 5,
        currency: 'EUR',
      },
    ],
    economics: {
      facilityEnergyKWh: energyKWh,
      pue: 1,
      energyCost: null,
      currency: null,
      carbonKgCO2e: null,
      revenueByCurrency: { EUR: 5 },
    },
  }
}

describe('results tables', () => {
  it('mean and 95 % CI by Student t, against hand-computed values', () => {
    // 1, 2, 3, 4: mean 2.5, s = sqrt(5/3) = 1.290994, s/sqrt(4) = 0.645497, t(0.975, 3) = 3.1824
    // (table value), half-width 2.05424.
    const a = meanCi95([1, 2, 3, 4])
    expect(a.mean).toBe(2.5)
    expect(a.sd).toBeCloseTo(1.290994, 6)
    expect(a.ci95).toBeCloseTo(3.1824 * 0.645497, 3)
    // 10, 14: s = 2.828427, s/sqrt(2) = 2, t(0.975, 1) = 12.7062, half-width 25.4124.
    expect(meanCi95([10, 14]).ci95).toBeCloseTo(25.4124, 3)
    expect(meanCi95([7])).toEqual({ n: 1, mean: 7, sd: null, ci95: null })
  })

  it('a row per run with factors, metrics, economics and per-tenant columns; CSV round-trips', () => {
    const table = runTable(
      ['simulation.policy', 'racks[*].cpuAllocationRatio'],
      [record(0, 'dvfs', 10, false)],
    )
    expect(table.columns).toEqual([
      'id',
      'index',
      'simulation.policy',
      'racks[*].cpuAllocationRatio',
      'repetition',
      'policy',
      'energyKWh',
      'elapsedMs',
      'facilityEnergyKWh',
      'pue',
      'energyCost',
      'energyCostCurrency',
      'carbonKgCO2e',
      'revenue.EUR',
      'tenant.t.availabilityPercent',
      'tenant.t.slaViolation',
      'tenant.t.bill',
      'tenant.t.currency',
    ])
    const csv = Papa.parse<string[]>(tableCsv(table), { skipEmptyLines: true })
    expect(csv.errors).toEqual([])
    expect(csv.data[0]).toEqual(table.columns)
    expect(csv.data[1]).toEqual([
      'id0',
      '0',
      'dvfs',
      '2',
      '0',
      'dvfs',
      '10',
      '1',
      '10',
      '1',
      '',
      '',
      '',
      '5',
      '99',
      'false',
      '5',
      'EUR',
    ])
  })

  it('groups repetitions per combination; SLA verdicts average to the share violated', () => {
    const runs = runTable(
      ['simulation.policy'],
      [record(0, 'dvfs', 1, true), record(1, 'dvfs', 3, false), record(2, 'npa', 5, false)],
    )
    const combos = combinationTable(['simulation.policy'], runs)
    expect(combos.rows).toHaveLength(2)
    const dvfs = combos.rows[0] as Record<string, unknown>
    expect(dvfs.runs).toBe(2)
    expect(dvfs['energyKWh.mean']).toBe(2)
    // s = sqrt(2), s/sqrt(2) = 1, t(0.975, 1) = 12.7062
    expect(dvfs['energyKWh.ci95High'] as number).toBeCloseTo(2 + 12.7062, 3)
    expect(dvfs['tenant.t.slaViolation.mean']).toBe(0.5)
    expect(combos.rows[1]).toMatchObject({
      'simulation.policy': 'npa',
      runs: 1,
      'energyKWh.mean': 5,
      'energyKWh.ci95Low': null,
    })
    expect(combos.columns).not.toContain('repetition.mean')
  })

  it('clamps every interval to its metric range: availability <= 100 %, counts and shares in range', () => {
    // Two runs per value: mean ± t(0.975, 1) x s / sqrt(2) = mean ± 12.7062 x |a - b| / 2
    const table = {
      columns: ['id', 'f', 'meanAvailabilityPercent', 'migrations', 'tenant.t.slaViolation'],
      rows: [
        {
          id: 'a',
          f: 1,
          meanAvailabilityPercent: 99,
          migrations: 0,
          'tenant.t.slaViolation': true,
        },
        {
          id: 'b',
          f: 1,
          meanAvailabilityPercent: 100,
          migrations: 2,
          'tenant.t.slaViolation': false,
        },
      ],
    }
    const row = combinationTable(['f'], table).rows[0] as Record<string, number>
    // 99.5 ± 6.3531: high 105.85 clamped to 100, low 93.147 kept
    expect(row['meanAvailabilityPercent.ci95High']).toBe(100)
    expect(row['meanAvailabilityPercent.ci95Low']).toBeCloseTo(99.5 - 6.3531, 3)
    // 1 ± 12.7062: low clamped to 0
    expect(row['migrations.ci95Low']).toBe(0)
    expect(row['migrations.ci95High']).toBeCloseTo(13.7062, 3)
    // a share of runs: 0.5 ± 6.35 clamped to [0, 1]
    expect(row['tenant.t.slaViolation.ci95Low']).toBe(0)
    expect(row['tenant.t.slaViolation.ci95High']).toBe(1)
  })
})
