/**
 * One pseudonym per host in a tenant's view (review s7a #9): the tenant's explanation of an
 * instance and its placement digest name the same host the same way. Before, each
 * explanation numbered hosts afresh from "host 1", so both of Acme's db replicas, on two
 * hosts, were "placed on host 1" while the digest said host 1 and host 2. The oracle is the
 * provider's own explanation (real host ids): each tenant-safe host name is checked against
 * the digest's name for that real host, and a host the tenant does not use must not borrow
 * the name of one it does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createScheduler, syntheticDatacenter, tenantSafeResult } from '../../src/main/engine'
import { digestInstances, placementDigest } from '../../src/shared/domain/placement-digest'

describe("a tenant's host pseudonyms", () => {
  it('are the same in its explanations as in its digest, for random designs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        (hosts, tenants, instances, seed) => {
          const design = syntheticDatacenter({ hosts, tenants, instances, seed, racks: 2 })
          const scheduler = createScheduler(design, { seed })
          const result = scheduler.placeAll()
          for (const tenant of design.tenants) {
            const digest = placementDigest(tenantSafeResult(result, tenant.id, false))
            const aliasOf = new Map<string, string>() // real host id -> digest's pseudonym
            const aliasOfInstance = new Map(
              [...digestInstances(digest)].map((p) => [p.instanceId, p.hostId]),
            )
            for (const p of result.placed)
              if (p.tenantId === tenant.id)
                aliasOf.set(p.hostId, aliasOfInstance.get(p.instanceId) as string)
            const digestNames = new Set(aliasOf.values())
            for (const p of result.placed.filter((q) => q.tenantId === tenant.id)) {
              const real = scheduler.explain(p.instanceId)!
              const safe = scheduler.explain(p.instanceId, { tenantId: tenant.id })!
              expect(safe.hostId).toBe(aliasOf.get(p.hostId))
              expect(safe.summary).toBe(`placed on ${aliasOf.get(p.hostId)}`)
              real.candidates.forEach((c, i) => {
                const shown = safe.candidates[i]?.hostId as string
                const own = aliasOf.get(c.hostId)
                if (own !== undefined) expect(shown).toBe(own)
                else expect(digestNames.has(shown)).toBe(false)
              })
            }
          }
        },
      ),
      { numRuns: 30 },
    )
  })
})
