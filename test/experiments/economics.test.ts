import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { runOnLocalPool } from '../../src/main/services/experiments/local-pool'
import { runExperiment } from '../../src/main/services/experiments/run-experiment'
import { FIXTURES, tempDir } from './helpers'

const cheap = { electricityPricePerKWh: 0.1, currency: 'EUR', pue: 1.2 }
const dirty = {
  electricityPricePerKWh: 0.3,
  currency: 'USD',
  pue: 1.6,
  carbonIntensityGCO2ePerKWh: 450,
}

function spec(vary: Record<string, unknown[]>): string {
  const dir = tempDir('econ')
  const file = join(dir, 'e.strata-experiment.json')
  writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      name: 'e',
      design: join(FIXTURES, 'two-hall.strata.json'),
      vary,
    }),
  )
  return file
}

describe('provider economics in experiments', () => {
  it('each run reports its energy cost and carbon from its energy, in closed form', async () => {
    const loaded = await loadExperiment(spec({ provider: [cheap, dirty] }), '/')
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
    const outcome = await runExperiment(loaded.plan, {
      outDir: tempDir('econ-out'),
      strataVersion: 'test',
      execute: (tasks, l) => runOnLocalPool(tasks, { ...l, workers: 2 }),
    })
    const [a, b] = outcome.records
    if (!a || !b) throw new Error('two runs expected')
    // The provider fields change no simulated figure, only what is derived from energy.
    expect(a.summary.energyKWh).toBe(b.summary.energyKWh)
    const e = a.summary.energyKWh
    expect(a.economics).toMatchObject({ pue: 1.2, currency: 'EUR', carbonKgCO2e: null })
    expect(a.economics.facilityEnergyKWh).toBeCloseTo(e * 1.2, 10)
    expect(a.economics.energyCost).toBeCloseTo(e * 1.2 * 0.1, 10)
    expect(b.economics.energyCost).toBeCloseTo(e * 1.6 * 0.3, 10)
    expect(b.economics.carbonKgCO2e).toBeCloseTo((e * 1.6 * 450) / 1000, 10)
    // The sample bills two tenants in USD and one in EUR: two sums, never one.
    const byCurrency: Record<string, number> = {}
    for (const t of a.tenants) byCurrency[t.currency] = (byCurrency[t.currency] ?? 0) + t.bill
    expect(Object.keys(a.economics.revenueByCurrency).sort()).toEqual(['EUR', 'USD'])
    expect(a.economics.revenueByCurrency).toEqual(byCurrency)
  })

  it('a bad provider value is named where the spec writes it', async () => {
    const loaded = await loadExperiment(
      spec({ provider: [cheap, { electricityPricePerKWh: -1, pue: 0.5 }] }),
      '/',
    )
    expect(loaded.ok).toBe(false)
    if (!loaded.ok)
      // Each message: the value echoed, then the field that refuses it.
      expect(
        loaded.problems.map((p) => [p.path, /: (provider\.\w+):/.exec(p.message)?.[1]]),
      ).toEqual([
        ['vary["provider"][1]', 'provider.electricityPricePerKWh'],
        ['vary["provider"][1]', 'provider.pue'],
      ])
  })
})
