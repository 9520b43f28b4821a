/**
 * The replay of a run's placement (`shared/domain/instances-at.ts`, review s9u A2) against the
 * engine's own record of it, kept on another path: each host's `instances` series counts the
 * instances in its entries at each sample (`engine/simulation/series.ts`), and each instance's
 * `finalHostId` says where it ended. Over random generated designs, consolidation policies and
 * host failures, the replayed count of every host at every sample equals the series, and at the
 * horizon each running instance is counted on its final host.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticDatacenter } from '../../src/main/engine/scheduler'
import { simulate } from '../../src/main/engine/simulation'
import { InstancesOverTime } from '../../src/shared/domain/instances-at'

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 12 }),
  perHost: fc.integer({ min: 2, max: 8 }),
  tenants: fc.integer({ min: 1, max: 4 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5', 'dvfs'),
  seed: fc.integer({ min: 0, max: 10_000 }),
  failure: fc.boolean(),
})

describe('the replayed placement equals the run', () => {
  it('every host at every sample, and every instance at the end', () => {
    const seen = { migrations: 0, restarts: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = syntheticDatacenter({
          hosts: sc.hosts,
          instances: sc.hosts * sc.perHost,
          seed: sc.seed,
          tenants: sc.tenants,
        })
        d.simulation = { ...d.simulation, horizonS: 6 * 3600, stepS: 300, seed: sc.seed }
        const [a] = d.hosts
        if (sc.failure && a)
          d.simulation.failures = {
            ...d.simulation.failures,
            mode: 'schedule',
            schedule: [{ hostId: a.id, atS: 3_000, repairS: 1_200 }],
          }
        const r = simulate(d, { policy: sc.policy })
        seen.migrations += r.migrations.length
        seen.restarts += r.failures.reduce((n, f) => n + f.instances.length, 0)
        const replay = InstancesOverTime.of(r)
        expect(replay).toBeDefined()
        r.series.timesS.forEach((t, i) => {
          const at = (replay as InstancesOverTime).at(t)
          for (const h of r.series.hosts) {
            const n = (at.get(h.hostId) ?? []).reduce((s, x) => s + x.count, 0)
            expect(n, `${h.hostId} at ${t} s`).toBe(h.instances[i])
          }
        })
        const end = (replay as InstancesOverTime).at(r.series.timesS.at(-1) as number)
        const finals = new Map<string, number>()
        for (const x of r.instances)
          if (x.status === 'running' && x.finalHostId && !x.outerInstanceId)
            finals.set(
              `${x.finalHostId}/${x.tenantId}`,
              (finals.get(`${x.finalHostId}/${x.tenantId}`) ?? 0) + 1,
            )
        const replayed = new Map<string, number>()
        for (const [h, list] of end)
          for (const x of list) replayed.set(`${h}/${x.tenantId}`, x.count)
        expect(replayed).toEqual(finals)
      }),
      { numRuns: 20, seed: 19 },
    )
    // Not vacuous: the runs migrated and restarted instances.
    expect(seen.migrations).toBeGreaterThan(0)
    expect(seen.restarts).toBeGreaterThan(0)
  })
})
