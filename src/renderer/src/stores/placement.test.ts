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
import { useCanvasOverlay } from './canvas-overlay'
import { useDesignStore } from './design'
import { digestCountsByHost } from '../../../shared/domain/placement-digest'

useRealServicesPerTest()

describe('placement store', () => {
  it('drops the old placement when another design is opened', async () => {
    const sample = await api.call('design:open-sample', { name: 'two-hall' })
    if (!sample.ok) throw new Error(sample.error.message)
    const placement = usePlacementStore()
    await placement.start()
    expect(await placement.place()).toBe(true)
    expect(placement.result?.placedCount ?? 0).toBeGreaterThan(0)
    // counted in slices: once settled, every placement is counted once, on its host
    await placement.settled()
    const counted = [...placement.byHost.values()].flat().reduce((n, c) => n + c.count, 0)
    expect(counted).toBe(placement.result?.placedCount)
    expect(
      Object.fromEntries(
        [...placement.byHost].map(([h, list]) => [
          h,
          Object.fromEntries(list.map((c) => [c.tenantId, c.count])),
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        [...digestCountsByHost(placement.result!)].map(([h, m]) => [h, Object.fromEntries(m)]),
      ),
    )
    // the canvas overlay colours the same counts, built in slices too
    const overlay = useCanvasOverlay()
    await vi.waitFor(() => expect(overlay.hosts.value.size).toBe(placement.byHost.size))
    const colour = new Map(useDesignStore().design!.tenants.map((t) => [t.id, t.colour]))
    for (const [h, list] of placement.byHost)
      expect(overlay.hosts.value.get(h)?.instances).toEqual(
        list.map((c) => ({ tenantId: c.tenantId, colour: colour.get(c.tenantId), count: c.count })),
      )
    const opened = await api.call('design:new', { name: 'Another customer' })
    expect(opened.ok).toBe(true)
    await vi.waitFor(() => expect(placement.result).toBeUndefined())
    expect(placement.byHost.size).toBe(0)
    expect(placement.placedByTenant.size).toBe(0)
    await vi.waitFor(() => expect(overlay.hosts.value.size).toBe(0))
    const last = await api.call('scheduler:last', {})
    expect(last).toMatchObject({ ok: true, value: null })
  })
})
