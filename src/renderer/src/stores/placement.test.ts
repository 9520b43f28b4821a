// @vitest-environment happy-dom
/**
 * The placement store against the real services (review s5 #10): after another design is
 * opened, by this window or another client, the Tenants tab no longer shows the previous
 * design's placement and refusals; main's own `scheduler:last` is then empty too.
 */
import { describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'
import { usePlacementStore } from './placement'

useRealServicesPerTest()

describe('placement store', () => {
  it('drops the old placement when another design is opened', async () => {
    const sample = await api.call('design:open-sample', { name: 'two-hall' })
    if (!sample.ok) throw new Error(sample.error.message)
    const placement = usePlacementStore()
    await placement.start()
    expect(await placement.place()).toBe(true)
    expect(placement.result?.placedCount ?? 0).toBeGreaterThan(0)
    const opened = await api.call('design:new', { name: 'Another customer' })
    expect(opened.ok).toBe(true)
    await vi.waitFor(() => expect(placement.result).toBeUndefined())
    const last = await api.call('scheduler:last', {})
    expect(last).toMatchObject({ ok: true, value: null })
  })
})
