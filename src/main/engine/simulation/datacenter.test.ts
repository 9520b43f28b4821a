/**
 * The incremental host updates against the full update they stand for (issue 15): an
 * unchanged host between scheduling instants repeats its state entries (and leaves its
 * instances' entries to be written later, `entry-lag.ts`), and a host updated at this very
 * instant and unchanged since is not updated again. A run that may take these shortcuts and one
 * that recomputes every host at every update must give the same result JSON to the last bit,
 * on random datacentres (general model and CloudSim-compatible) with migrations (their
 * completions fall between instants), failures and interference.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { consolidationDesign } from '../../../../test/support/engine/consolidation-design'
import { hostUpdates } from './datacenter'
import { simulate } from './simulation'

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 40 }),
  perHost: fc.integer({ min: 2, max: 12 }),
  compat: fc.boolean(),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5', 'thr-rs-0.7'),
  seed: fc.integer({ min: 0, max: 1000 }),
  interference: fc.boolean(),
  failures: fc.boolean(),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return consolidationDesign({
    ...sc,
    policy: undefined,
    meanPercent: (i) => 30 + (i % 5) * 10,
    amplitudePercent: 20,
    horizonS: 6 * 3600,
    stepS: 300,
  })
}

function run(d: Design, policy: string, full: boolean): string {
  hostUpdates.incremental = !full
  try {
    // No wall clock is given, so `summary.elapsedMs` is 0 in both runs.
    return JSON.stringify(simulate(d, { policy, hostSeries: true }))
  } finally {
    hostUpdates.incremental = true
  }
}

describe('incremental host updates', () => {
  it('give the same result as recomputing every host at every update', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = design(sc)
        expect(run(d, sc.policy, false)).toBe(run(d, sc.policy, true))
      }),
      { numRuns: 24 },
    )
  })
})
