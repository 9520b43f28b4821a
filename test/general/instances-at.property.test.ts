/**
 * The replay of a run's placement (`shared/domain/instances-at.ts`, review s9u A2) against the
 * engine's own record of it, kept on another path: each host's `instances` series counts the
 * instances in its entries at each sample (`engine/simulation/series.ts`), and each instance's
 * `finalHostId` says where it ended. Over random generated designs, consolidation policies and
 * host failures, the replayed count of every host at every sample equals the series, and at the
 * horizon each running instance is counted on its final host.
 *
 * The designs may have node pools (issue 18): containers nested in a VM workload's instances.
 * The series counts only the instances placed directly on hosts (`direct`); the engine gives
 * each pod its VM's `finalHostId` (`engine/nesting/nested-run.ts`), so at the horizon every
 * instance, pods included, is counted (`at`) on its final host.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticDatacenter } from '../../src/main/engine/scheduler'
import { simulate } from '../../src/main/engine/simulation'
import {
  InstancesOverTime,
  replayInputOfDigest,
  replayInputOfResult,
} from '../../src/shared/domain/instances-at'
import type { DigestGroup, PlacementDigest } from '../../src/shared/domain/placement-digest'
import type { Design } from '../../src/shared/design/schema'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'

/** The run's start as the window holds it: a placement digest (columns per workload group). */
function digestOf(r: SimulationResult): PlacementDigest {
  const hostIds: string[] = []
  const groups = new Map<string, DigestGroup>()
  for (const x of r.instances) {
    const g = groups.get(x.workloadId) ?? {
      workloadId: x.workloadId,
      tenantId: x.tenantId,
      hosts: [],
    }
    groups.set(x.workloadId, g)
    const i = Number(x.instanceId.split('#')[1])
    let h = x.initialHostId === undefined ? -1 : hostIds.indexOf(x.initialHostId)
    if (x.initialHostId !== undefined && h < 0) h = hostIds.push(x.initialHostId) - 1
    g.hosts[i] = h
    if (x.outerInstanceId !== undefined) {
      const [outerWorkloadId, k] = x.outerInstanceId.split('#') as [string, string]
      g.outerWorkloadId = outerWorkloadId
      ;(g.outers ??= [])[i] = Number(k)
    }
  }
  return { hostIds, groups: [...groups.values()] } as PlacementDigest
}

/** Adds `pools` node pools to `d`: `podsPerVm` × the VMs of each of its first VM workloads. */
function withNodePools(d: Design, pools: number, podsPerVm: number): void {
  const vms = d.workloads.filter((w) => w.kind === 'vm').slice(0, pools)
  for (const w of vms) {
    w.innerLayer = { kind: 'os', product: 'docker' }
    d.workloads.push({
      id: `${w.id}-pods`,
      tenantId: w.tenantId,
      name: `${w.name} pods`,
      kind: 'container',
      count: w.count * podsPerVm,
      vcpus: 1,
      mipsPerVcpu: 1000,
      memoryMiB: 256,
      diskGiB: 1,
      guestOs: 'linux',
      paravirtAware: false,
      reservedBandwidthMbps: 0,
      iops: 0,
      affinity: { policy: 'none', scope: 'host' },
      nesting: { runsIn: w.id, affinityScope: 'outer' },
    })
  }
}

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 12 }),
  perHost: fc.integer({ min: 2, max: 8 }),
  tenants: fc.integer({ min: 1, max: 4 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5', 'dvfs'),
  seed: fc.integer({ min: 0, max: 10_000 }),
  failure: fc.boolean(),
  pools: fc.integer({ min: 0, max: 3 }),
  podsPerVm: fc.integer({ min: 1, max: 3 }),
})

describe('the replayed placement equals the run', () => {
  it('every host at every sample, and every instance at the end', () => {
    const seen = { migrations: 0, restarts: 0, podsMoved: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = syntheticDatacenter({
          hosts: sc.hosts,
          instances: sc.hosts * sc.perHost,
          seed: sc.seed,
          tenants: sc.tenants,
        })
        withNodePools(d, sc.pools, sc.podsPerVm)
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
        seen.podsMoved += r.instances.filter(
          (x) => x.outerInstanceId && x.finalHostId && x.finalHostId !== x.initialHostId,
        ).length
        const replay = InstancesOverTime.of(replayInputOfResult(r))
        expect(replay).toBeDefined()
        // the window's replay, from the placement digest and a result without instance records
        const fromDigest = InstancesOverTime.of(replayInputOfDigest(digestOf(r), r))
        r.series.timesS.forEach((t, i) => {
          const at = (replay as InstancesOverTime).at(t)
          expect((fromDigest as InstancesOverTime).at(t)).toEqual(at)
          const direct = (replay as InstancesOverTime).direct(t)
          for (const h of r.series.hosts)
            expect(direct.get(h.hostId) ?? 0, `${h.hostId} at ${t} s`).toBe(h.instances[i])
        })
        const end = (replay as InstancesOverTime).at(r.series.timesS.at(-1) as number)
        const finals = new Map<string, number>()
        for (const x of r.instances)
          if (x.status === 'running' && x.finalHostId)
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
    // and pods ended on another host than they started on (they rode with their VM)
    expect(seen.podsMoved).toBeGreaterThan(0)
  })
})
