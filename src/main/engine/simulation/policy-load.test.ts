/**
 * The policy's per-host load as running sums (issue 15, `policy-load.ts`) against the direct
 * computation (CloudSim's `getUtilizationOfCpuMips`: each entry's allocated MIPS, an incoming
 * copy's scaled from its 10 % to the full): on random mid-run states, with tentative placements
 * (appends; an overflowing one re-shares the whole host), removals anywhere in a host's list
 * and re-allocations at new requests (an update) in between, the load must equal the one
 * computed from scratch to the last bit; and whole runs must come out the same as with every
 * row recomputed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { consolidationDesign } from '../../../../test/support/engine/consolidation-design'
import { createOn, destroyOn, policyUtilMips, reallocate } from './host-cpu'
import { policyLoad } from './policy-load'
import { Simulation, simulate } from './simulation'
import type { SimState } from './state'

const scenario = fc.record({
  compat: fc.boolean(),
  hosts: fc.integer({ min: 2, max: 24 }),
  perHost: fc.integer({ min: 2, max: 10 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mmt-2.5'),
  steps: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  actions: fc.array(
    fc.record({
      op: fc.constantFrom('place', 'place', 'remove', 'update'),
      host: fc.nat(),
      vm: fc.nat(),
      requestPercent: fc.integer({ min: 0, max: 150 }),
    }),
    { minLength: 10, maxLength: 50 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return consolidationDesign({
    ...sc,
    meanPercent: (i) => 10 + (i % 7) * 12,
    amplitudePercent: 25,
    horizonS: 6 * 3600,
  })
}

/** The load from scratch: every entry's allocation (once per PE), in list order. */
function direct(s: SimState, h: number): number {
  const e = s.entries[h]
  if (!e) return 0
  let mips = 0
  e.vm.forEach((v, i) => {
    let a = 0
    for (let k = 0; k < (s.vmPes[v] as number); k++) a += e.allocPe[i] as number
    if (e.migIn[i] === 1) mips += (a * 0.9) / 0.1
    mips += a
  })
  return mips
}

describe('policy load as running sums', () => {
  it('equals the direct computation on random states, to the last bit', () => {
    let reused = 0
    let migrating = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = new Simulation(design(sc), { hostSeries: false })
        let steps = 0
        while (steps < sc.steps && !sim.advance(1)) if (sim.virtualTimeS % 300 < 1) steps++
        const s = sim.state
        const busiest = Array.from({ length: s.hostCount }, (_, h) => h)
          .sort((a, b) => (s.entries[b]?.vm.length ?? 0) - (s.entries[a]?.vm.length ?? 0))
          .slice(0, 3)
        const check = (h: number): void => {
          expect(Object.is(policyUtilMips(s, h), direct(s, h))).toBe(true)
          if ((s.entries[h]?.migIn ?? []).includes(1)) migrating++
        }
        for (const a of sc.actions) {
          const h = busiest[a.host % busiest.length] as number
          const e = s.entries[h]
          if (!e) continue
          if (a.op === 'place') createOn(s, h, a.vm % s.vmCount, a.vm % 5 === 0)
          else if (a.op === 'remove' && e.vm.length > 0)
            destroyOn(s, h, e.vm[a.vm % e.vm.length] as number)
          else if (a.op === 'update' && e.vm.length > 0) {
            // An update: new requests, the host re-shared (allocations change, entries do not).
            e.reqPe[a.vm % e.vm.length] = ((s.hostPeMips[h] as number) * a.requestPercent) / 100
            reallocate(s, h)
            s.epoch++
          }
          for (const b of busiest) check(b)
          reused++
        }
        for (let h = 0; h < s.hostCount; h++) check(h)
      }),
      { numRuns: 60 },
    )
    // The property must not hold vacuously: hosts with incoming copies were checked.
    expect(reused).toBeGreaterThan(500)
    expect(migrating).toBeGreaterThan(100)
  })

  it('gives whole runs identical to recomputing every row', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const run = (reuse: boolean): string => {
          policyLoad.reuseRows = reuse
          try {
            return JSON.stringify(simulate(design(sc), { policy: sc.policy, hostSeries: true }))
          } finally {
            policyLoad.reuseRows = true
          }
        }
        expect(run(true)).toBe(run(false))
      }),
      { numRuns: 12 },
    )
  })
})
