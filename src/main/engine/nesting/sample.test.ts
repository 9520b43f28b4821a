/** The built-in sample meets a new user with a node pool: Globex's job containers in its HPC VMs. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, checkDesignRules } from '../model/validate'
import { createScheduler } from '../scheduler'
import { simulate } from '../simulation'

const design = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design

describe('the built-in sample', () => {
  it('places every job container in a Globex HPC VM', () => {
    if (!design) throw new Error('the sample does not open')
    expect(checkDesignRules(design).filter((p) => p.severity === 'error')).toEqual([])
    const r = createScheduler(design).placeAll()
    const jobs = r.placed.filter((p) => p.workloadId === 'w-globex-jobs')
    expect(jobs).toHaveLength(8)
    const hpc = new Map(
      r.placed.filter((p) => p.workloadId === 'w-globex-hpc').map((p) => [p.instanceId, p.hostId]),
    )
    for (const p of jobs) expect(p.hostId).toBe(hpc.get(p.outerInstanceId ?? ''))
    const result = simulate({ ...design, simulation: { ...design.simulation, horizonS: 3600 } })
    expect(result.layers?.map((l) => l.layer)).toContain('container-runtime')
  })
})

describe('a nested workload listed before others (review s7c #1)', () => {
  // The run numbers its instances against the design without nested workloads; the network
  // model once numbered them against the full list, so every workload after a node pool's
  // pods was simulated with the next workload's traffic, peers and tenant. Where the nested
  // workload sits in the list cannot change what the outer instances send: the outer
  // placement is the same in both orders, so each tenant's and workload's traffic must be too.
  it("leaves every tenant's and workload's traffic as it is when the pods come last", () => {
    if (!design) throw new Error('the sample does not open')
    const hour = { ...design.simulation, horizonS: 3600 }
    const nested = design.workloads.filter((w) => w.nesting)
    const outer = design.workloads.filter((w) => !w.nesting)
    expect(nested.length).toBeGreaterThan(0)
    const last = simulate({ ...design, simulation: hour, workloads: [...outer, ...nested] })
    const first = simulate({ ...design, simulation: hour, workloads: [...nested, ...outer] })
    const traffic = (r: typeof last) =>
      (r.network?.tenants ?? []).map((t) => ({
        tenantId: t.tenantId,
        gbSent: t.gbSent,
        workloads: t.workloads.map((w) => [w.workloadId, w.gbSent, w.demandNotServedGB]),
      }))
    expect(traffic(last).some((t) => t.gbSent > 0)).toBe(true)
    expect(traffic(first)).toEqual(traffic(last))
  })
})
