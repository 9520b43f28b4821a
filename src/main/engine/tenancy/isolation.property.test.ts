/**
 * Property: over random designs, placements and runs, a tenant's view holds no string or
 * figure of another tenant and nothing provider-only, and it does not change when other
 * tenants are renamed or grow (non-interference).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { arbitraryDesign } from '../../../../test/support/engine/arbitrary-design'
import { foreignStrings } from '../../../../test/support/engine/foreign-strings'
import {
  randomPlacement,
  randomRun,
  type RandomPlacement,
} from '../../../../test/support/engine/random-run'
import { createTenantGuard, projectTenantView } from './index'

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 })

function views(design: Design, placement: RandomPlacement, seed: number) {
  const run = randomRun(design, placement, seed)
  return { run, simulation: { info: run, result: run.result } }
}

describe('tenant projection isolation', () => {
  it('never shows another tenant’s or the provider’s strings or figures', () => {
    fc.assert(
      fc.property(arbitraryDesign(), seeds, (design, seed) => {
        const placement = randomPlacement(design, seed)
        const { run, simulation } = views(design, placement, seed)
        for (const tenant of design.tenants) {
          const result = projectTenantView(design, tenant.id, { placement, simulation })
          if (!result.ok) throw new Error('tenant missing')
          const json = JSON.stringify(result.view)
          const ownHosts = new Set(
            placement.placed.filter((p) => p.tenantId === tenant.id).map((p) => p.hostId),
          )
          for (const s of foreignStrings(design, tenant.id, ownHosts))
            expect(json.includes(s), `${tenant.id} sees "${s}"`).toBe(false)
          const others = run.result?.tenants.filter((t) => t.tenantId !== tenant.id) ?? []
          const figures = [run.result?.summary.energyKWh ?? 0]
          for (const o of others) figures.push(o.vcpuHours, o.stealCpuMi, o.requestedCpuMi)
          for (const series of run.result?.series.tenants ?? [])
            if (series.tenantId !== tenant.id) figures.push(...series.cumulativeCost)
          for (const h of run.result?.series.hosts ?? []) figures.push(...h.powerW)
          for (const f of figures) expect(json.includes(String(f)), `figure ${f}`).toBe(false)
          const ownWorkloads = new Set(
            design.workloads.filter((w) => w.tenantId === tenant.id).map((w) => w.id),
          )
          for (const i of result.view.instances) expect(ownWorkloads.has(i.workloadId)).toBe(true)
          const guard = createTenantGuard(design, tenant.id, {
            visibleHostIds: tenant.showHostNames ? ownHosts : [],
            allow: result.view.zones.flatMap((z) => [z.id, z.label]),
          })
          expect(guard.findLeaks(result.view)).toEqual([])
        }
      }),
      { numRuns: 300, seed: 0 },
    )
  })

  it('does not change when other tenants are renamed or grow', () => {
    fc.assert(
      fc.property(arbitraryDesign(), seeds, fc.nat({ max: 3 }), (design, seed, pick) => {
        const tenant = design.tenants[pick % design.tenants.length]
        if (!tenant) return
        const placement = randomPlacement(design, seed)
        const ownPlaced = placement.placed.filter((p) => p.tenantId === tenant.id)
        const before = projectTenantView(design, tenant.id, {
          placement: { placed: ownPlaced, unplaced: placement.unplaced },
        })
        const rename = (s: string): string => `${s}-other`
        const renamed: Design = {
          ...design,
          meta: { ...design.meta, name: rename(design.meta.name) },
          tenants: design.tenants.map((t) =>
            t.id === tenant.id ? t : { ...t, id: rename(t.id), name: rename(t.name) },
          ),
          workloads: design.workloads.map((w) =>
            w.tenantId === tenant.id
              ? w
              : {
                  ...w,
                  id: rename(w.id),
                  tenantId: rename(w.tenantId),
                  name: rename(w.name),
                  count: w.count + 2,
                  ...(w.networkId === undefined ? {} : { networkId: rename(w.networkId) }),
                },
          ),
          networks: design.networks.map((n) =>
            n.tenantId === tenant.id
              ? n
              : { ...n, id: rename(n.id), tenantId: rename(n.tenantId), name: rename(n.name) },
          ),
          hosts: design.hosts.map((h) =>
            tenant.showHostNames ? h : { ...h, name: rename(h.name) },
          ),
        }
        // Others' instances land on the tenant's own hosts too: contention it must not see.
        const extra = renamed.workloads
          .filter((w) => w.tenantId !== tenant.id)
          .flatMap((w) =>
            Array.from({ length: w.count }, (_v, i) => ({
              instanceId: `${w.id}#${i}`,
              hostId: ownPlaced[i % Math.max(1, ownPlaced.length)]?.hostId ?? 'x',
            })),
          )
        const after = projectTenantView(renamed, tenant.id, {
          placement: { placed: [...extra, ...ownPlaced], unplaced: placement.unplaced },
        })
        expect(JSON.stringify(after)).toBe(JSON.stringify(before))
      }),
      { numRuns: 300, seed: 1 },
    )
  })
})
