/**
 * The bill estimate charges only instances that run (closing note s8: "the tenant view's
 * estimate still counts refused instances' declared traffic"): a refused instance holds and
 * sends nothing in a run, so its vCPUs and declared Gbps are no part of the estimate, whether
 * the view knows the refusal from the placement or from a run's records. The design: the sample,
 * with Initech's API tier anti-affine over 40 instances, more than its hosts can take one each.
 * Expected: placed × (1.5 + 0.5) Gbps × 50 % (diurnal mean) × 86,400 s ÷ 8, with `placed`
 * counted from the real scheduler's result.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'
import { createScheduler } from '../scheduler'
import { simulate } from '../simulation'
import { projectTenantView } from './index'

function design(): Design {
  const raw: unknown = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error('sample does not parse')
  const d = parsed.value
  const api = d.workloads.find((w) => w.id === 'w-initech-api') as Design['workloads'][number]
  api.count = 40
  api.affinity = { policy: 'anti-affinity', scope: 'host' }
  return d
}

type Bill = { lines: ReadonlyArray<{ item: string; quantity: number }> }
const quantity = (bill: Bill, item: string) => bill.lines.find((l) => l.item === item)?.quantity

describe('the estimate leaves refused instances out, their traffic included', () => {
  const d = design()
  const placement = createScheduler(d).placeAll()
  const placedApi = placement.placed.filter((p) => p.workloadId === 'w-initech-api').length
  const refusedApi = placement.unplaced.filter((u) => u.workloadId === 'w-initech-api').length
  const expected = (placedApi * (1.5 + 0.5) * 0.5 * 86_400) / 8
  // vCPU-hours: every placed Initech instance's vCPUs over the 24 h horizon, at its workload's
  // mean CPU demand when Initech is billed on used capacity
  const used = d.tenants.find((t) => t.id === 't-initech')?.pricing.basis === 'used'
  const vcpusOf = new Map(
    d.workloads.map((w) => [w.id, w.vcpus * (used ? (w.demand?.meanPercent ?? 100) / 100 : 1)]),
  )
  const expectedVcpuHours =
    placement.placed
      .filter((p) => p.tenantId === 't-initech')
      .reduce((n, p) => n + (vcpusOf.get(p.workloadId) ?? 0), 0) * 24
  const check = (bill: Bill): void => {
    expect(quantity(bill, 'network-gb')).toBeCloseTo(expected, 3)
    expect(quantity(bill, 'vcpu-hours')).toBeCloseTo(expectedVcpuHours, 6)
  }

  it('some API instances are refused and some placed (the case exists)', () => {
    expect(refusedApi).toBeGreaterThan(0)
    expect(placedApi).toBeGreaterThan(0)
    expect(placedApi + refusedApi).toBe(40)
  })

  it('from the placement', () => {
    const view = projectTenantView(d, 't-initech', { placement })
    if (!view.ok) throw new Error('no view')
    expect(view.view.bill.source).toBe('estimate')
    check(view.view.bill)
  })

  it('from a run’s records, when the run has no usage of the tenant', () => {
    const result = simulate(d)
    const refusedInRun = result.instances.filter(
      (r) => r.workloadId === 'w-initech-api' && r.status === 'unplaced',
    ).length
    expect(refusedInRun).toBe(refusedApi)
    const view = projectTenantView(d, 't-initech', {
      simulation: {
        result: { ...result, tenants: result.tenants.filter((t) => t.tenantId !== 't-initech') },
      },
    })
    if (!view.ok) throw new Error('no view')
    expect(view.view.bill.source).toBe('estimate')
    check(view.view.bill)
  })
})
