/**
 * The PABFD index against the plain scan (the reference, CloudSim's loop over every host):
 * on random mid-run states, with random tentative placements, undoings and exclusions in
 * between, both must pick the same host for every instance, in CloudSim-compatible mode
 * (floating-point noise decides near-ties) and in Strata's own mode (canonical increases).
 * The whole consolidation decision (over-load moves, then the under-load evacuations, which
 * are tried and undone when an instance fits nowhere) and whole runs must come out the same
 * with the index as with plain scans, also on designs of more than one 1,024-host block.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { createRandom } from '../random'
import { optimizeAllocation, pabfdIndexing, powerNow } from './consolidation'
import { createOn, destroyOn } from './host-cpu'
import { PabfdIndex, scanForHost } from './pabfd'
import type { Simulation } from './simulation'
import { simulationAfterSteps } from '../../../../test/support/engine/host-figures'
import { hostKindsDesign } from '../../../../test/support/engine/consolidation-design'

/** Curves with equal slopes (ties everywhere), a dip (non-monotone slopes) and PlanetLab G4. */
const CURVES = [
  [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300],
  [112, 148, 171, 193, 214, 236, 262, 291, 322, 352, 381],
  [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117],
  [90, 100, 105, 130, 131, 150, 151, 180, 181, 182, 200],
]

const scenarioOf = (hosts: { min: number; max: number }, perHost: { min: number; max: number }) =>
  fc.record({
    compat: fc.boolean(),
    hosts: fc.integer(hosts),
    perHost: fc.integer(perHost),
    kinds: fc.array(
      fc.record({
        curve: fc.integer({ min: 0, max: CURVES.length - 1 }),
        cores: fc.constantFrom(4, 8, 16),
        mips: fc.constantFrom(1000, 2600),
        // Small memories make memory bind (with each virtualization's overhead).
        memoryMiB: fc.constantFrom(16_384, 49_152, 262_144),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5', 'thr-mmt-1.0'),
    steps: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    actions: fc.array(
      fc.record({ op: fc.constantFrom('place', 'place', 'undo', 'exclude'), pick: fc.nat() }),
      { maxLength: 40 },
    ),
  })

const scenario = scenarioOf({ min: 3, max: 40 }, { min: 2, max: 12 })

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return hostKindsDesign({
    ...sc,
    kinds: sc.kinds.map((k) => ({
      cores: k.cores,
      mipsPerCore: k.mips,
      memoryMiB: k.memoryMiB,
      powerCurveW: CURVES[k.curve] as number[],
    })),
    mipsPerVcpu: 500,
  })
}

/** A simulation of `sc`'s design run for `sc.steps` scheduling instants. */
const midRun = (sc: Scenario): Simulation => simulationAfterSteps(design(sc), sc.steps)

/** Runs `action` with consolidation searching by plain scans instead of the index. */
function scanning<T>(action: () => T): T {
  pabfdIndexing.enabled = false
  try {
    return action()
  } finally {
    pabfdIndexing.enabled = true
  }
}

describe('PABFD index', () => {
  it('picks the same host as the scan on random states', () => {
    let compared = 0
    let found = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = midRun(sc)
        const s = sim.state
        const p = sim.policy
        if (p.kind !== 'migration') return
        const power = powerNow(s)
        const excluded = new Uint8Array(s.hostCount)
        for (let h = 0; h < s.hostCount; h++) if (s.hostDown[h] === 1) excluded[h] = 1
        const index = new PabfdIndex(s, p, power)
        index.reset(p, power, excluded)
        const placed: Array<[number, number]> = []
        const check = (v: number): number => {
          const want = scanForHost(s, p, v, excluded, power)
          expect(index.find(v, excluded)).toBe(want)
          compared++
          if (want >= 0) found++
          return want
        }
        for (const a of sc.actions) {
          const v = a.pick % s.vmCount
          const target = check(v)
          if (a.op === 'place' && target >= 0) {
            createOn(s, target, v)
            index.touch(target)
            placed.push([target, v])
          } else if (a.op === 'undo' && placed.length > 0) {
            const [h, u] = placed.splice(a.pick % placed.length, 1)[0] as [number, number]
            destroyOn(s, h, u)
            index.touch(h)
          } else if (a.op === 'exclude') {
            const h = a.pick % s.hostCount
            excluded[h] = 1
            index.remove(h)
          }
        }
        for (let v = 0; v < s.vmCount; v++) check(v)
      }),
      { numRuns: 60 },
    )
    // The property must not hold vacuously.
    expect(found).toBeGreaterThan(compared / 4)
  })
})

describe('consolidation decision with the PABFD index', () => {
  const decisions = { underload: 0, overload: 0 }
  /**
   * One decision on two identical mid-run states, by scans and by the index (a decision is
   * made once per instant: undoing its tentative placements re-creates instances with their
   * current requests, as CloudSim's restoreAllocation does, so it is not repeated on one state).
   */
  const sameDecision = (sc: Scenario): void => {
    const decide = (sim: Simulation): ReturnType<typeof optimizeAllocation> => {
      const p = sim.policy
      if (p.kind !== 'migration') return []
      return optimizeAllocation(sim.state, p, createRandom(sc.seed), sim.virtualTimeS)
    }
    const want = scanning(() => decide(midRun(sc)))
    expect(decide(midRun(sc))).toEqual(want)
    for (const m of want) decisions[m.reason]++
  }

  it('decides the same migrations as plain scans, and whole runs match', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        sameDecision(sc)
        const run = (): string => {
          const sim = midRun(sc)
          sim.cancel()
          sim.advance(1)
          return JSON.stringify(sim.getResult().summary)
        }
        expect(run()).toBe(scanning(run))
      }),
      { numRuns: 40 },
    )
    // The property must not hold vacuously: both phases must have moved instances.
    expect(decisions.underload).toBeGreaterThan(0)
    expect(decisions.overload).toBeGreaterThan(0)
  })

  it('decides the same on more than one 1,024-host block', () => {
    fc.assert(fc.property(scenarioOf({ min: 1100, max: 2100 }, { min: 2, max: 3 }), sameDecision), {
      numRuns: 4,
    })
  })
})
