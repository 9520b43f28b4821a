/**
 * Tenant views are kept while their inputs stand (issue 19: the projection ran on main's event
 * loop for every push, every `tenancy:view` and every stack view). The kept view is the one a
 * fresh projection gives, and any new design, placement or run replaces it.
 */
import { describe, expect, it } from 'vitest'
import type { PlacementResult } from '../../../shared/contract'
import { testServices } from '../../../../test/support/services/test-services'

const provider = { role: 'provider' } as const

describe('TenancyViews', () => {
  it('keeps a view and its own hosts until the design, placement or run changes', async () => {
    const s = testServices()
    const tenancy = s.ctx.tenancy
    await s.dispatch(provider, 'scheduler:place', { seed: 1 })
    const first = tenancy.view('t-acme')
    expect(first.view?.tenant.id).toBe('t-acme')
    expect(tenancy.view('t-acme')).toBe(first)
    const hosts = tenancy.ownHosts('t-acme')
    expect(tenancy.ownHosts('t-acme')).toBe(hosts)
    // own hosts: where the placement put Acme's instances (counted from the whole result)
    const last = await s.dispatch(provider, 'scheduler:last', {})
    if (!last.ok || !last.value) throw new Error('no placement')
    const acme = new Set(
      (last.value as PlacementResult).placed
        .filter((p) => p.tenantId === 't-acme')
        .map((p) => p.hostId),
    )
    expect(new Set(hosts)).toEqual(acme)

    // a new placement: a new view, equal to what the projection gives afresh
    await s.dispatch(provider, 'scheduler:place', { preset: 'pack' })
    const placed = tenancy.view('t-acme')
    expect(placed).not.toBe(first)
    const workload = s.ctx.design.design.workloads.find((w) => w.tenantId === 't-acme')
    if (!workload) throw new Error('no Acme workload')
    // a design edit: a new view with the edit in it
    await s.dispatch(provider, 'design:apply', {
      command: { type: 'update', id: workload.id, patch: { count: workload.count + 1 } },
    })
    const edited = tenancy.view('t-acme')
    expect(edited).not.toBe(placed)
    const instances = (v: typeof edited): number =>
      v.view?.instances.filter((i) => i.workloadId === workload.id).length ?? -1
    expect(instances(placed)).toBe(workload.count)
    expect(instances(edited)).toBe(workload.count + 1)
  })
})
