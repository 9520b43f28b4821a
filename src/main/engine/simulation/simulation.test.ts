/**
 * Invariants of the simulation on random designs (fast-check): energy never negative, time
 * never goes backwards, an instance is resident on at most one host outside a migration,
 * every failed host's instances are accounted for, and the same seed gives the same JSON.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { arbitraryDesign } from '../../../../test/support/engine/arbitrary-design'
import { Simulation } from './simulation'
import type { HostEntries, SimState } from './state'

const POLICIES = [
  'npa',
  'dvfs',
  'thr-mmt-0.8',
  'iqr-mmt-1.5',
  'mad-mmt-2.5',
  'lr-mmt-1.2',
  'lrr-mmt-1.2',
  'thr-rs-0.7',
  'mad-mu-2.5',
]

function withRun(design: Design, policy: string, seed: number, failureHosts: number[]): Design {
  const schedule = failureHosts
    .filter((i) => i < design.hosts.length)
    .map((i, k) => ({
      hostId: (design.hosts[i] as Design['hosts'][number]).id,
      atS: 1800 + 1200 * k,
      repairS: 2400,
    }))
  return {
    ...design,
    simulation: {
      ...design.simulation,
      policy,
      seed,
      horizonS: 6 * 3600,
      stepS: 300,
      failures: { mode: schedule.length > 0 ? 'schedule' : 'mtbf', schedule },
    },
    hosts: design.hosts.map((h, i) => (i % 3 === 0 ? { ...h, mtbfHours: 3, mttrHours: 0.5 } : h)),
  }
}

/** Residency invariant: one home entry per instance; an incoming copy only while migrating. */
function checkResidency(s: SimState): void {
  const home = new Int32Array(s.vmCount)
  const incoming = new Int32Array(s.vmCount)
  for (let h = 0; h < s.hostCount; h++) {
    const e = s.entries[h] as HostEntries
    if (s.hostDown[h] === 1) expect(e.vm.length).toBe(0)
    e.vm.forEach((v, i) => {
      if (e.migIn[i] === 1) incoming[v] = (incoming[v] as number) + 1
      else home[v] = (home[v] as number) + 1
    })
  }
  for (let v = 0; v < s.vmCount; v++) {
    expect(home[v]).toBeLessThanOrEqual(1)
    expect(incoming[v]).toBeLessThanOrEqual(s.vmInMig[v] as number)
    if (s.vmInMig[v] === 1) expect(home[v]).toBe(1)
  }
}

describe('simulation invariants', () => {
  it('hold on random designs, policies, seeds and failures', () => {
    let withFailures = 0
    let withMigrations = 0
    let withRestarts = 0
    fc.assert(
      fc.property(
        arbitraryDesign({ maxHosts: 6, maxTenants: 3, maxWorkloadsPerTenant: 2, maxCount: 4 }),
        fc.constantFrom(...POLICIES),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.nat({ max: 5 }), { maxLength: 2 }),
        (base, policy, seed, failureHosts) => {
          const design = withRun(base, policy, seed, failureHosts)
          const sim = new Simulation(design)
          let lastTime = 0
          while (!sim.advance(5)) {
            expect(sim.virtualTimeS).toBeGreaterThanOrEqual(lastTime)
            lastTime = sim.virtualTimeS
            checkResidency(sim.state)
          }
          const result = sim.getResult()
          if (result.failures.length > 0) withFailures++
          if (result.summary.migrations > 0) withMigrations++
          if (result.failures.some((f) => f.instances.some((i) => i.restartedAtS !== undefined)))
            withRestarts++
          expect(result.summary.energyKWh).toBeGreaterThanOrEqual(0)
          for (const p of result.series.totalPowerW) expect(p).toBeGreaterThanOrEqual(0)
          const times = result.series.timesS
          for (let i = 1; i < times.length; i++)
            expect(times[i]).toBeGreaterThan(times[i - 1] as number)
          const status = new Map(result.instances.map((r) => [r.instanceId, r.status]))
          for (const f of result.failures) {
            for (const item of f.instances) {
              const restarted =
                item.restartedOnHostId !== undefined && item.restartedAtS !== undefined
              expect(restarted || status.get(item.instanceId) === 'waiting').toBe(true)
              // Back on the failed host only once it was repaired.
              if (restarted && item.restartedOnHostId === f.hostId)
                expect(item.restartedAtS).toBeGreaterThanOrEqual(
                  f.repairedAtS ?? Number.POSITIVE_INFINITY,
                )
            }
          }
          for (const t of result.tenants) {
            expect(t.availabilityPercent).toBeLessThanOrEqual(100)
            expect(t.availabilityPercent).toBeGreaterThanOrEqual(0)
            expect(t.bill.total).toBeGreaterThanOrEqual(0)
          }
          const again = new Simulation(design)
          again.advance()
          expect(JSON.stringify(again.getResult())).toBe(JSON.stringify(result))
        },
      ),
      { numRuns: 60, seed: 4 },
    )
    // The random designs really exercised failures, restarts and migrations.
    expect(withFailures).toBeGreaterThan(5)
    expect(withRestarts).toBeGreaterThan(2)
    expect(withMigrations).toBeGreaterThan(2)
  })
})
