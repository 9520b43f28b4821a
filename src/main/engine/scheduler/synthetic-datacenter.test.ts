/** The synthetic datacenter (benchmarks, `strata generate`) is a valid design at every size. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateDesign } from '../model/validate'
import { syntheticDatacenter } from './synthetic-datacenter'

describe('syntheticDatacenter', () => {
  it('has no validation errors, small datacenters without container hosts included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(1000),
        (hosts, perHost, seed) => {
          const d = syntheticDatacenter({ hosts, instances: hosts * perHost, seed, tenants: 3 })
          const errors = validateDesign(d).filter((p) => p.severity === 'error')
          expect(errors).toEqual([])
        },
      ),
      { numRuns: 60 },
    )
  })

  it('gives every tenant instances when there are at least as many instances as tenants', () => {
    // review s5 #11: --hosts 40 --tenants 3 --instances 60 --seed 7 gave all 60 to Tenant 0
    const count = (d: ReturnType<typeof syntheticDatacenter>, t: string): number =>
      d.workloads.filter((w) => w.tenantId === t).reduce((n, w) => n + w.count, 0)
    const reported = syntheticDatacenter({ hosts: 40, tenants: 3, instances: 60, seed: 7 })
    expect(reported.tenants.map((t) => count(reported, t.id) > 0)).toEqual([true, true, true])
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 400 }),
        fc.nat(10_000),
        (hosts, tenants, extra, seed) => {
          const instances = tenants + extra
          const d = syntheticDatacenter({ hosts, tenants, instances, seed })
          expect(d.workloads.reduce((n, w) => n + w.count, 0)).toBe(instances)
          for (const t of d.tenants) expect(count(d, t.id)).toBeGreaterThan(0)
        },
      ),
      { numRuns: 200 },
    )
  })
})
