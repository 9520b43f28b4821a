/**
 * Enforcement at the boundary: a tenant-bound session gets its own view through the real
 * dispatcher and nothing else; other tenants' views and the provider's data are refused with
 * a typed error that does not say whether the other tenant exists.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CALLS, type CallName, type EventName, type SessionInfo } from '../../src/shared/contract'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'
import { tenantEventGuard } from '../../src/main/services/tenancy/boundary'

const SAMPLE = 'resources/samples/two-hall.strata.json'
const acme: SessionInfo = { role: 'tenant', tenantId: 't-acme' }

function start(shell: Services['ctx']['shell'] = { kind: 'web' }): Services {
  return testServices({ shell, document: JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown })
}

let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

describe('tenant-bound sessions', () => {
  it('get their own view, with or without naming their tenant', async () => {
    services = start()
    for (const request of [{}, { tenantId: 't-acme' }]) {
      const result = await services.dispatch(acme, 'tenancy:view', request)
      expect(result.ok).toBe(true)
      if (result.ok) expect((result.value as { tenant: { id: string } }).tenant.id).toBe('t-acme')
    }
  })

  it('are refused another tenant’s view the same way whether it exists or not', async () => {
    services = start()
    const other = await services.dispatch(acme, 'tenancy:view', { tenantId: 't-globex' })
    const missing = await services.dispatch(acme, 'tenancy:view', { tenantId: 'no-such-tenant' })
    expect(other).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect(missing).toEqual(other)
    expect(JSON.stringify(other)).not.toContain('t-globex')
  })

  it('are refused every provider call, the physical topology included', async () => {
    services = start()
    const providerOnly = (Object.keys(CALLS) as CallName[]).filter((n) => CALLS[n] === 'provider')
    expect(providerOnly).toContain('design:get')
    expect(providerOnly).toContain('tenancy:list')
    for (const name of providerOnly) {
      const result = await services.dispatch(acme, name, {})
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.error.code, name).toBe('forbidden')
    }
  })

  it('receive tenancy:changed with their own view only, and no design events', async () => {
    services = start()
    const got: Array<{ event: EventName; payload: unknown }> = []
    services.ctx.hub.subscribe(acme, (event, payload) => got.push({ event, payload }))
    const provider = await services.dispatch({ role: 'provider' }, 'design:apply', {
      command: { type: 'update', id: 'w-acme-web', patch: { count: 3 } },
    })
    expect(provider.ok).toBe(true)
    expect(got.map((g) => g.event)).toEqual(['tenancy:changed'])
    const view = (got[0]?.payload as { view: { instanceCount: number; tenant: { id: string } } })
      .view
    expect(view.tenant.id).toBe('t-acme')
    // An edit to another tenant that leaves Acme's view unchanged sends Acme nothing.
    const other = services.ctx.design.design.workloads.find((w) => w.tenantId !== 't-acme')
    if (!other) throw new Error('sample changed')
    await services.dispatch({ role: 'provider' }, 'design:apply', {
      command: { type: 'update', id: other.id, patch: { name: 'renamed' } },
    })
    expect(got).toHaveLength(1)
  })

  it('lets the provider list tenants and mint a tenant link where a web host exists', async () => {
    services = start()
    const list = await services.dispatch({ role: 'provider' }, 'tenancy:list', {})
    expect(list.ok && (list.value as unknown[]).length).toBe(3)
    const none = await services.dispatch({ role: 'provider' }, 'tenancy:mint-token', {
      tenantId: 't-acme',
    })
    expect(none.ok ? 'ok' : none.error.code).toBe('unavailable')
    const minted: SessionInfo[] = []
    services.ctx.tokens = {
      mint: (session) => {
        minted.push(session)
        return { token: 'tok', url: 'http://127.0.0.1:1/?token=tok' }
      },
      revoke: () => true,
    }
    const url = await services.dispatch({ role: 'provider' }, 'tenancy:open-window', {
      tenantId: 't-acme',
    })
    expect(url).toEqual({ ok: true, value: { mode: 'tab', url: 'http://127.0.0.1:1/?token=tok' } })
    expect(minted).toEqual([{ role: 'tenant', tenantId: 't-acme' }])
  })

  it('pushes simulation progress at most every 250 ms, ending on the latest', async () => {
    vi.useFakeTimers()
    try {
      services = start()
      const views: Array<{ run?: { progress: number } }> = []
      services.ctx.hub.subscribe(acme, (_event, payload) => {
        const view = (payload as { view?: { run?: { progress: number } } }).view
        if (view) views.push(view)
      })
      for (let step = 1; step <= 10; step++)
        services.ctx.tenancy.runChanged({
          kind: 'progress',
          info: {
            runId: 'run-1',
            status: 'running',
            policy: 'dvfs',
            seed: 0,
            progress: step / 10,
            virtualTimeS: step * 360,
            horizonS: 3600,
          },
        })
      expect(views.map((v) => v.run?.progress)).toEqual([0.1])
      await vi.advanceTimersByTimeAsync(300)
      expect(views.map((v) => v.run?.progress)).toEqual([0.1, 1])
    } finally {
      vi.useRealTimers()
    }
  })

  it('has an event guard that refuses tenant payloads naming hosts or other tenants', () => {
    services = start()
    const allow = tenantEventGuard(services.ctx)
    expect(allow('t-acme', { placed: [{ instanceId: 'w-acme-web#0', hostId: 'host 1' }] })).toBe(
      true,
    )
    expect(allow('t-acme', { placed: [{ instanceId: 'w-acme-web#0', hostId: 'kvm-2' }] })).toBe(
      false,
    )
    expect(allow('t-acme', { note: 'shares a rack with Globex Research' })).toBe(false)
  })
})
