/**
 * A node pool in the tenant view (review s5 #6): containers inside the tenant's own VMs take
 * their CPU, memory and disk out of those VMs, so they count in no quota, list no volume and
 * add nothing to the bill. Expected figures are arithmetic on the sample's Globex workloads:
 * 4 node VMs of 8 vCPUs, 16 GiB, 100 GiB and 1 legacy VM of 1 vCPU, 2 GiB, 20 GiB (the 8 job
 * pods of 2 vCPUs, 2 GiB, 5 GiB run inside the node VMs); and on the documented rule "a node
 * pool bills like the same VMs without containers" (the same design without its pods).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import type { TenantView } from '../../../shared/domain/tenant-view'
import { parseDesign } from '../model/parse'
import { createScheduler } from '../scheduler'
import { simulate } from '../simulation'
import { projectTenantView, type ProjectionOptions } from './index'

function sample(): Design {
  const raw: unknown = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error('sample does not parse')
  return parsed.value
}

function view(design: Design, options: ProjectionOptions): TenantView {
  const r = projectTenantView(design, 't-globex', options)
  if (!r.ok) throw new Error('no Globex view')
  return r.view
}

const quotaOf = (v: TenantView, resource: string) => v.quotas.find((q) => q.resource === resource)

describe('a node pool in its tenant’s view', () => {
  const design = sample()
  const placement = createScheduler(design).placeAll()
  const result = simulate(design)
  const placed = view(design, { placement, simulation: { result } })

  it('counts the VMs, not the pods inside them, in every quota', () => {
    expect(placement.unplaced.filter((u) => u.tenantId === 't-globex')).toEqual([])
    // 4 node VMs + 1 legacy VM (the 8 pods are inside the node VMs)
    expect(quotaOf(placed, 'instances')).toEqual({
      resource: 'instances',
      limit: 20,
      requested: 5,
      placed: 5,
    })
    // 4 × 8 + 1 vCPUs; 4 × 16,384 + 2,048 MiB; 4 × 100 + 20 GiB (was 460 with the pods' 8 × 5)
    expect(quotaOf(placed, 'vcpus')).toMatchObject({ requested: 33, placed: 33 })
    expect(quotaOf(placed, 'memoryMiB')).toMatchObject({ requested: 67_584, placed: 67_584 })
    expect(quotaOf(placed, 'diskGiB')).toMatchObject({ requested: 420, placed: 420 })
  })

  it('lists the VMs’ disks as volumes and the pods as instances', () => {
    expect(placed.volumes.map((v) => [v.id, v.sizeGiB])).toEqual([
      ['w-globex-hpc#0/disk', 100],
      ['w-globex-hpc#1/disk', 100],
      ['w-globex-hpc#2/disk', 100],
      ['w-globex-hpc#3/disk', 100],
      ['w-globex-legacy#0/disk', 20],
    ])
    expect(placed.instanceCount).toBe(13)
    expect(placed.instances.filter((i) => i.workloadId === 'w-globex-jobs')).toHaveLength(8)
  })

  it('bills the volumes it lists: 420 GiB over a 1-day run = 14 GiB-months', () => {
    const line = placed.bill.lines.find((l) => l.item === 'storage-gib-months')
    // 420 GiB × 86,400 s / (30 × 86,400 s)
    expect(line?.quantity).toBeCloseTo(14, 3)
    const listed = placed.volumes.reduce((s, v) => s + v.sizeGiB, 0)
    expect(line?.quantity).toBeCloseTo((listed * design.simulation.horizonS) / (30 * 86_400), 3)
    expect(placed.usage?.storageGiBMonths).toBeCloseTo(14, 3)
  })

  it('estimates the bill before a run exactly as for the same VMs without containers', () => {
    const without = { ...design, workloads: design.workloads.filter((w) => !w.nesting) }
    const a = view(design, {})
    const b = view(without, {})
    expect(a.bill).toEqual(b.bill)
    expect(a.quotas).toEqual(b.quotas)
    expect(a.volumes).toEqual(b.volumes)
  })

  it('is what the scheduler checks: quotas of exactly the VMs place all 13, one less refuses a VM', () => {
    const withQuotas = (quotas: Design['tenants'][number]['quotas']): Design => ({
      ...design,
      tenants: design.tenants.map((t) => (t.id === 't-globex' ? { ...t, quotas } : t)),
    })
    const globex = (d: Design) => {
      const r = createScheduler(d).placeAll()
      return {
        placed: r.placed.filter((p) => p.tenantId === 't-globex').length,
        unplaced: r.unplaced.filter((u) => u.tenantId === 't-globex').map((u) => u.instanceId),
      }
    }
    // 5 instances, 33 vCPUs, 67,584 MiB, 420 GiB: the 8 pods inside the node VMs count in none
    const exact = { instances: 5, vcpus: 33, memoryMiB: 67_584, diskGiB: 420 }
    expect(globex(withQuotas(exact))).toEqual({ placed: 13, unplaced: [] })
    // 419 GiB leaves one VM (and the pods it would hold) out
    const short = globex(withQuotas({ ...exact, diskGiB: 419 }))
    expect(short.placed).toBeLessThan(13)
    expect(short.unplaced.some((id) => !id.startsWith('w-globex-jobs'))).toBe(true)
  })

  it('gives the same quotas, volumes and bill whatever the pods ask for (property)', () => {
    const without = { ...design, workloads: design.workloads.filter((w) => !w.nesting) }
    const base = view(without, { placement: createScheduler(without).placeAll() })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        (count, vcpus, diskGiB) => {
          const workloads = design.workloads.map((w) =>
            w.nesting ? { ...w, count, vcpus, diskGiB } : w,
          )
          const pods = { ...design, workloads }
          const v = view(pods, { placement: createScheduler(pods).placeAll() })
          expect(v.quotas).toEqual(base.quotas)
          expect(v.volumes).toEqual(base.volumes)
          expect(v.bill).toEqual(base.bill)
        },
      ),
      { numRuns: 15 },
    )
  })
})
