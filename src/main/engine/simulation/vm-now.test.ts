/**
 * `SimState.vmNow` against the pending state entries (issue 15): at every sample, each instance
 * running on an up host has its memory in use as of its last refresh equal, to the last bit, to
 * its pending entry's (what its host's last update wrote), so that the tenant memory series can
 * read the dense per-instance pair instead of the wide metrics row. Random general-model and
 * CloudSim-compatible datacentres with memory traces at sample intervals shorter than, equal to
 * and longer than the step, migrations and host failures.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { consolidationDesign } from '../../../../test/support/engine/consolidation-design'
import { P_MEM, VM_ROW, type Metrics } from './metrics'
import { Simulation } from './simulation'
import type { HostEntries } from './state'

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 14 }),
  perHost: fc.integer({ min: 2, max: 10 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5'),
  seed: fc.integer({ min: 0, max: 1000 }),
  compat: fc.boolean(),
  failures: fc.boolean(),
  intervalS: fc.constantFrom(60, 300, 900),
  memoryPercent: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 40 }),
  cpuPercent: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 40 }),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  const d = consolidationDesign({
    ...sc,
    policy: undefined,
    meanPercent: (i) => 30 + (i % 5) * 10,
    amplitudePercent: 20,
    horizonS: 4 * 3600 + 123,
    stepS: 300,
  })
  d.traces = [
    {
      id: 'mem',
      name: 'mem',
      intervalS: sc.intervalS,
      cpuPercent: sc.cpuPercent,
      memoryPercent: sc.memoryPercent,
    },
  ]
  // Every other workload follows the trace (CPU and memory); the rest keep their profiles.
  d.workloads = d.workloads.map((w, i) => (i % 2 === 0 ? { ...w, traceId: 'mem' } : w))
  return d
}

describe('vmNow', () => {
  it('holds the memory in use of every running instance as its pending entry does', () => {
    let checked = 0
    let differs = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = design(sc)
        const sim: Simulation = new Simulation(d, {
          policy: sc.policy,
          hostSeries: false,
          onProgress: () => {
            const s = sim.state
            const m = (sim as unknown as { metrics: Metrics }).metrics
            for (let h = 0; h < s.hostCount; h++) {
              if (s.hostDown[h] === 1) continue
              const e = s.entries[h] as HostEntries
              for (let i = 0; i < e.vm.length; i++) {
                if (e.migIn[i] === 1) continue
                const v = e.vm[i] as number
                expect(s.vmNow[2 * v + 1]).toBe(m.vm[v * VM_ROW + P_MEM])
                checked++
                if (s.vmNow[2 * v + 1] !== s.vmMemMiB[v]) differs++
              }
            }
          },
        })
        while (!sim.advance(1)) {
          /* every event; the check runs at each sample */
        }
      }),
      { numRuns: 20, seed: 15 },
    )
    // Not vacuous: instances were checked, and memory traces made some use less than all.
    expect(checked).toBeGreaterThan(0)
    expect(differs).toBeGreaterThan(0)
  })
})
