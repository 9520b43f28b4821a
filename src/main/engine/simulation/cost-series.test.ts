/**
 * The tenant cost series takes the bill rate lazily (at the next charge, when time has moved
 * on) instead of after every event. Against the plain path, a run that takes the rate after
 * every event as before: the same result to the last bit, on random general-model datacentres
 * with migrations, host failures and both billing bases, and in CloudSim-compatible mode.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { consolidationDesign } from '../../../../test/support/engine/consolidation-design'
import type { Metrics } from './metrics'
import { takeRate, type SeriesBuffer } from './series'
import { Simulation } from './simulation'

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 14 }),
  perHost: fc.integer({ min: 2, max: 10 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5', 'dvfs'),
  seed: fc.integer({ min: 0, max: 1000 }),
  compat: fc.boolean(),
  failures: fc.boolean(),
  bases: fc.array(fc.constantFrom('allocated' as const, 'used' as const), {
    minLength: 3,
    maxLength: 3,
  }),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return consolidationDesign({
    ...sc,
    policy: undefined,
    billingBases: sc.bases,
    meanPercent: (i) => 30 + (i % 5) * 10,
    amplitudePercent: 20,
    horizonS: 4 * 3600 + 123,
    stepS: 300,
  })
}

function run(d: Design, policy: string, eager: boolean): string {
  const sim = new Simulation(d, { policy, hostSeries: true })
  const inside = sim as unknown as { series: SeriesBuffer; metrics: Metrics }
  // The plain path: the rate of the state after every event, taken right then.
  while (!sim.advance(1))
    if (eager && inside.series.rateStale) takeRate(inside.series, sim.state, inside.metrics)
  return JSON.stringify(sim.getResult())
}

describe('tenant cost series', () => {
  it('charges exactly as taking the rate after every event', () => {
    let migrations = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = design(sc)
        const lazy = run(d, sc.policy, false)
        expect(lazy).toBe(run(d, sc.policy, true))
        migrations += (JSON.parse(lazy) as { summary: { migrations: number } }).summary.migrations
      }),
      { numRuns: 14, seed: 15 },
    )
    // Not vacuous: the runs migrate (events between instants).
    expect(migrations).toBeGreaterThan(0)
  })
})
