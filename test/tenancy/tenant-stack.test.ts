/**
 * The tenant's stack view through the real dispatcher: only its own machines (its node pool's
 * VMs with their containers), the provider's host as one opaque layer unless the tenant may
 * see host names, and no string of another tenant or of the provider (checked against the
 * independent oracle `foreignStrings`, not the guard the services use).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionInfo, StackView } from '../../src/shared/contract'
import type { Design } from '../../src/shared/design/schema'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'
import { testDesign, testHost, testWorkload } from '../support/engine/nested-design'
import { findForeign, foreignStrings } from '../support/engine/foreign-strings'

const provider: SessionInfo = { role: 'provider' }
const t1: SessionInfo = { role: 'tenant', tenantId: 't1' }

/** Both tenants share host `rack-host-secret`; t1 runs a node pool, t2 a VM and containers. */
function design(showHostNames: boolean): Design {
  const d = testDesign(
    [testHost('rack-host-secret', { cores: 64 }), testHost('spare-host', { cores: 64 })],
    [
      testWorkload('pool-vms', 't1', { name: 'Pool VMs', count: 2 }),
      testWorkload('pool-pods', 't1', {
        name: 'Pods',
        kind: 'container',
        count: 3,
        vcpus: 1,
        memoryMiB: 1000,
        diskGiB: 1,
        nesting: { runsIn: 'pool-vms' },
      }),
      testWorkload('rival-vm', 't2', { name: 'Rival Secret VM', count: 2 }),
      testWorkload('rival-pods', 't2', {
        name: 'Rival Pods',
        kind: 'container',
        vcpus: 1,
        memoryMiB: 500,
        diskGiB: 1,
        nesting: { runsIn: 'rival-vm' },
      }),
    ],
  )
  return {
    ...d,
    tenants: d.tenants.map((t) => (t.id === 't1' ? { ...t, showHostNames } : t)),
  }
}

let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

async function stackOf(d: Design, session: SessionInfo = t1): Promise<StackView> {
  services = testServices({ document: d })
  const placed = await services.dispatch(provider, 'scheduler:place', {})
  expect(placed.ok).toBe(true)
  const result = await services.dispatch(session, 'stack:tenant', {})
  if (!result.ok) throw new Error(result.error.message)
  return result.value as StackView
}

const ownHosts = (s: Services): Set<string> => new Set(s.ctx.tenancy.ownHosts('t1'))

describe('a tenant stack', () => {
  it('holds only its own machines, with containers inside its VMs', async () => {
    const stack = await stackOf(design(false))
    expect(stack.scope).toBe('tenant')
    const machines = stack.columns.flatMap((c) => c.machines)
    expect(machines.map((m) => m.instanceId).sort()).toEqual(['pool-vms#0', 'pool-vms#1'])
    expect(machines.flatMap((m) => m.children.map((c) => c.instanceId)).sort()).toEqual([
      'pool-pods#0',
      'pool-pods#1',
      'pool-pods#2',
    ])
    for (const m of machines) {
      expect(m.tenantId).toBe('t1')
      // what the provider's hypervisor charges the VM is a host detail
      expect(m.overheadMemoryMiB).toBe(0)
      expect(m.layers.map((l) => l.layer)).toEqual(['guest-kernel', 'container-runtime'])
    }
    for (const c of stack.columns) {
      expect(c.id).toMatch(/^zone-\d$/)
      expect(c.base.map((l) => l.layer)).toEqual(['provider-platform'])
      expect(c.boundary.kind).toBe('hypervisor')
    }
  })

  // Review s5 #5: a dedicated-hosts tenant's band between two VMs on one host read "Physical
  // boundary ... separate machines". The guide: VMs on one host -> hypervisor boundary; the
  // provider's stack of that host says the same.
  it('of a dedicated-hosts tenant: its VMs on one host are behind the hypervisor boundary', async () => {
    const d = design(false)
    d.tenants = d.tenants.map((t) => (t.id === 't1' ? { ...t, isolation: 'dedicated-hosts' } : t))
    const stack = await stackOf(d)
    const s = services as Services
    const last = await s.dispatch(provider, 'scheduler:last', {})
    if (!last.ok) throw new Error(last.error.message)
    const placed = (last.value as { placed: Array<{ instanceId: string; hostId: string }> }).placed
    const hostId = placed.find((p) => p.instanceId === 'pool-vms#0')?.hostId as string
    const host = await s.dispatch(provider, 'stack:host', { hostId })
    if (!host.ok) throw new Error(host.error.message)
    const providerBand = (host.value as StackView).columns[0]?.boundary
    expect(providerBand?.kind).toBe('hypervisor')
    expect(stack.columns.length).toBeGreaterThan(0)
    for (const c of stack.columns) expect(c.boundary).toEqual(providerBand)
    expect(stack.acrossHosts.kind).toBe('physical')
    expect(stack.notes.join(' ')).toContain('keeps other tenants off your hosts')
  })

  it('carries no string of another tenant or of the provider', async () => {
    for (const show of [false, true]) {
      const d = design(show)
      const stack = await stackOf(d)
      const foreign = foreignStrings(d, 't1', ownHosts(services as Services))
      expect(foreign).toContain('Rival Secret VM')
      expect(findForeign(JSON.stringify(stack), foreign)).toEqual([])
      if (!show) expect(JSON.stringify(stack)).not.toContain('host')
      await services?.dispose()
      services = undefined
    }
  })

  it('shows the hypervisor (never the hardware) when the tenant may see host names', async () => {
    const stack = await stackOf(design(true))
    const col = stack.columns[0]
    expect(col?.label).toMatch(/host/)
    expect(col?.base.map((l) => [l.layer, l.product, l.capacity])).toEqual([
      ['hypervisor', 'kvm', undefined],
    ])
  })

  it('is refused for another tenant, the same way whether it exists or not', async () => {
    services = testServices({ document: design(false) })
    const other = await services.dispatch(t1, 'stack:tenant', { tenantId: 't2' })
    const ghost = await services.dispatch(t1, 'stack:tenant', { tenantId: 'ghost' })
    expect(other).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect(ghost).toEqual(other)
    const host = await services.dispatch(t1, 'stack:host', { hostId: 'rack-host-secret' })
    expect(host.ok || host.error.code).toBe('forbidden')
  })

  it('before any placement, says so and lists nothing', async () => {
    services = testServices({ document: design(false) })
    const result = await services.dispatch(t1, 'stack:tenant', {})
    expect(result).toMatchObject({
      ok: true,
      value: { columns: [], notes: ['None of your instances is placed yet.'] },
    })
  })

  it('for the provider, shows the machines on the host, placed for the view if need be', async () => {
    services = testServices({ document: design(false) })
    const result = await services.dispatch(provider, 'stack:host', { hostId: 'rack-host-secret' })
    if (!result.ok) throw new Error(result.error.message)
    const view = result.value as StackView
    const tenants = new Set(view.columns[0]?.machines.map((m) => m.tenantId))
    expect(tenants.size).toBeGreaterThan(0)
    expect(view.notes).toContain(
      'Placed for this view only: use Place to show the placement on the canvas.',
    )
    const missing = await services.dispatch(provider, 'stack:host', { hostId: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
