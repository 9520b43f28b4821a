/**
 * Undoing tentative placements gives back every host's figures bit for bit: on random mid-run
 * states (both modes, fractional memory overheads), random instances are placed on random
 * hosts (several on one host, hosts over-committed) and undone; each host's entry lists,
 * allocated MIPS, free MIPS, memory and bandwidth in use must then be `Object.is` to a deep
 * copy taken before, and `hostVersion` must have moved on for every host touched.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { syntheticDatacenter } from '../scheduler'
import type { SimState } from './state'
import { TentativePlacements } from './tentative-placements'
import {
  hostFigures,
  sameBits,
  simulationAfterSteps,
} from '../../../../test/support/engine/host-figures'

const scenario = fc.record({
  compat: fc.boolean(),
  hosts: fc.integer({ min: 2, max: 24 }),
  perHost: fc.integer({ min: 1, max: 8 }),
  memoryMiB: fc.constantFrom(16_384, 49_152),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2'),
  steps: fc.integer({ min: 0, max: 6 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  rounds: fc.array(
    fc.record({
      places: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
      keep: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  const d = syntheticDatacenter({
    hosts: sc.hosts,
    instances: sc.hosts * sc.perHost,
    seed: sc.seed,
    tenants: 3,
  })
  d.hosts = d.hosts.map((h) => ({ ...h, memoryMiB: sc.memoryMiB }))
  const containerHost = d.hosts.some((h) => h.virtualization.kind === 'os')
  d.workloads = d.workloads.map((w) => ({ ...w, kind: containerHost ? w.kind : 'vm' }))
  d.simulation = { ...d.simulation, cloudsimCompat: sc.compat, policy: sc.policy, seed: sc.seed }
  return d
}

const midRun = (sc: Scenario): SimState => simulationAfterSteps(design(sc), sc.steps).state

describe('TentativePlacements', () => {
  it('undo gives back every host figure bit for bit', () => {
    let undone = 0
    let changedByPlacing = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const s = midRun(sc)
        const tentative = new TentativePlacements()
        for (const round of sc.rounds) {
          const before = hostFigures(s)
          const versions = Array.from(s.hostVersion)
          const touched = new Set<number>()
          for (const [h, v] of round.places) {
            const host = h % s.hostCount
            tentative.place(s, host, v % s.vmCount)
            touched.add(host)
          }
          expect(tentative.placed).toBe(round.places.length)
          if (!sameBits(hostFigures(s), before)) changedByPlacing++
          if (round.keep) {
            tentative.forget()
            continue
          }
          const restored: number[] = []
          tentative.undo(s, (h) => restored.push(h))
          undone++
          expect(tentative.placed).toBe(0)
          expect(sameBits(hostFigures(s), before)).toBe(true)
          expect(new Set(restored)).toEqual(touched)
          expect(restored.length).toBe(touched.size)
          for (const h of touched) expect(s.hostVersion[h]).toBeGreaterThan(versions[h] as number)
        }
      }),
      { numRuns: 80, seed: 15 },
    )
    // Not vacuous: undos happened, after placements that changed the state.
    expect(undone).toBeGreaterThan(20)
    expect(changedByPlacing).toBeGreaterThan(20)
  })
})
