/**
 * Skipping doomed under-load evacuations (`evacuationPrecheck`: instances that cannot all fit
 * together by memory, `memory-room.ts`) changes nothing but the work done. On random mid-run
 * states (both modes, every detector, memory that binds, anti-affinity by host and by rack,
 * dedicated tenants), one decision is made with the pre-check and one without, on identical
 * states:
 * - every evacuation the pre-check skips is one that, tried in full, fails (the oracle is the
 *   full tentative evacuation itself, made by the run without the pre-check);
 * - the decisions are the same migrations in the same order, and every host's figures after
 *   the decision are bit for bit the same;
 * - whole runs give the same summary.
 * It also counts how many of the failures the pre-check caught, so it cannot hold vacuously.
 * The condition itself is checked against an exhaustive assignment search in
 * `memory-room.test.ts`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { createRandom } from '../random'
import { evacuationPrecheck, optimizeAllocation, type Migration } from './consolidation'
import type { Simulation } from './simulation'
import {
  hostFigures,
  sameBits,
  simulationAfterSteps,
} from '../../../../test/support/engine/host-figures'
import { hostKindsDesign } from '../../../../test/support/engine/consolidation-design'

const CURVES = [
  [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300],
  [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117],
]

const scenario = fc.record({
  compat: fc.boolean(),
  hosts: fc.integer({ min: 4, max: 48 }),
  perHost: fc.integer({ min: 2, max: 14 }),
  kinds: fc.array(
    fc.record({
      curve: fc.integer({ min: 0, max: CURVES.length - 1 }),
      cores: fc.constantFrom(4, 8, 16),
      memoryMiB: fc.constantFrom(16_384, 49_152, 262_144, 262_144),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  policy: fc.constantFrom('thr-mmt-0.8', 'thr-mmt-1.0', 'lr-mmt-1.2', 'mad-mu-2.5', 'iqr-rs-1.5'),
  steps: fc.integer({ min: 1, max: 10 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  rackAnti: fc.boolean(),
  dedicated: fc.boolean(),
  mipsPerVcpu: fc.constantFrom(500, 2000, 2600),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return hostKindsDesign({
    ...sc,
    kinds: sc.kinds.map((k) => ({
      cores: k.cores,
      mipsPerCore: 2600,
      memoryMiB: k.memoryMiB,
      powerCurveW: CURVES[k.curve] as number[],
    })),
    racks: Math.max(1, Math.floor(sc.hosts / 6)),
    rackAntiAffinity: sc.rackAnti,
    dedicatedTenant: sc.dedicated,
  })
}

const midRun = (sc: Scenario): Simulation => simulationAfterSteps(design(sc), sc.steps)

type Outcome = 'moved' | 'failed' | 'skipped'

/** One decision on a fresh mid-run state, with or without the pre-check. */
function decide(
  sc: Scenario,
  precheck: boolean,
): { migrations: Migration[]; outcomes: Array<[number, Outcome]>; after: unknown[][] } {
  const sim = midRun(sc)
  const p = sim.policy
  const outcomes: Array<[number, Outcome]> = []
  if (p.kind !== 'migration') return { migrations: [], outcomes, after: hostFigures(sim.state) }
  evacuationPrecheck.enabled = precheck
  evacuationPrecheck.observe = (h, o) => outcomes.push([h, o])
  try {
    const migrations = optimizeAllocation(sim.state, p, createRandom(sc.seed), sim.virtualTimeS)
    return { migrations, outcomes, after: hostFigures(sim.state) }
  } finally {
    evacuationPrecheck.enabled = true
    evacuationPrecheck.observe = undefined
  }
}

describe('skipping doomed under-load evacuations', () => {
  it('skips only evacuations that fail, and decides exactly as without skipping', () => {
    const seen = { failures: 0, caught: 0, moved: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const full = decide(sc, false)
        const fast = decide(sc, true)
        // Same hosts in the same order; a skip only where the full evacuation failed.
        expect(fast.outcomes.map(([h]) => h)).toEqual(full.outcomes.map(([h]) => h))
        full.outcomes.forEach(([, want], i) => {
          const got = (fast.outcomes[i] as [number, Outcome])[1]
          if (got === 'skipped') expect(want).toBe('failed')
          else expect(got).toBe(want)
          if (want === 'failed') seen.failures++
          if (got === 'skipped') seen.caught++
          if (want === 'moved') seen.moved++
        })
        expect(fast.migrations).toEqual(full.migrations)
        expect(sameBits(fast.after, full.after)).toBe(true)
      }),
      { numRuns: 60, seed: 15 },
    )
    // Not vacuous: evacuations failed, moved, and the pre-check caught failures.
    expect(seen.failures).toBeGreaterThan(20)
    expect(seen.moved).toBeGreaterThan(5)
    expect(seen.caught).toBeGreaterThan(seen.failures / 4)
    console.info(
      `pre-check caught ${seen.caught} of ${seen.failures} failed evacuations (${seen.moved} moved)`,
    )
  })

  it('gives whole runs identical to trying every evacuation', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const run = (precheck: boolean): string => {
          evacuationPrecheck.enabled = precheck
          try {
            const sim = midRun(sc)
            sim.cancel()
            sim.advance(1)
            return JSON.stringify(sim.getResult().summary)
          } finally {
            evacuationPrecheck.enabled = true
          }
        }
        expect(run(true)).toBe(run(false))
      }),
      { numRuns: 25, seed: 15 },
    )
  })
})
