import { describe, expect, it } from 'vitest'
import { EventHub } from './event-hub'

const payload = { revision: 1 } as never

describe('EventHub', () => {
  it('gives providers the payload and tenants only their projection, checked by the guard', () => {
    const hub = new EventHub()
    const got: Array<[string, unknown]> = []
    hub.subscribe({ role: 'provider' }, (_e, p) => got.push(['provider', p]))
    hub.subscribe({ role: 'tenant', tenantId: 'a' }, (_e, p) => got.push(['a', p]))
    hub.subscribe({ role: 'tenant', tenantId: 'b' }, (_e, p) => got.push(['b', p]))
    hub.allowForTenant = (tenantId) => tenantId !== 'b'
    let projections = 0
    hub.publish('tenancy:changed', payload, (tenantId) => {
      projections++
      return { tenantId } as never
    })
    expect(got).toEqual([
      ['provider', payload],
      ['a', { tenantId: 'a' }],
    ])
    expect(projections).toBe(2) // once per tenant, not per subscriber
  })

  it('sends tenants nothing when the publisher gives no projection', () => {
    const hub = new EventHub()
    const got: unknown[] = []
    hub.subscribe({ role: 'tenant', tenantId: 'a' }, (_e, p) => got.push(p))
    hub.publish('design:changed', payload)
    expect(got).toEqual([])
  })

  it("delivers a caller's own events to that caller's outlets only, tenants through the guard", () => {
    const hub = new EventHub()
    const got: string[] = []
    hub.subscribe({ role: 'provider' }, () => got.push('provider'), 'tok-p')
    hub.subscribe({ role: 'tenant', tenantId: 'a' }, () => got.push('a1'), 'tok-a1')
    hub.subscribe({ role: 'tenant', tenantId: 'a' }, () => got.push('a1 tab 2'), 'tok-a1')
    hub.subscribe({ role: 'tenant', tenantId: 'a' }, () => got.push('a2'), 'tok-a2')
    const progress = { jobId: 'report-x', stage: 'report', fraction: 0.5 } as const
    hub.publishToCaller('tok-a1', 'reports:progress', progress)
    expect(got).toEqual(['a1', 'a1 tab 2'])
    hub.allowForTenant = () => false
    hub.publishToCaller('tok-a2', 'reports:progress', progress)
    hub.publishToCaller('tok-p', 'reports:progress', progress)
    expect(got).toEqual(['a1', 'a1 tab 2', 'provider'])
  })
})
