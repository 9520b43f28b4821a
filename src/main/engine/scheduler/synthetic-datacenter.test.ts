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
})
