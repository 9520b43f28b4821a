// @vitest-environment happy-dom
/**
 * The design store against the real services (issue 19): saving a setting (the horizon, the
 * design's name) patches the design in place from the `design:changed` event, with no
 * `design:get` (a 10,000-host design is 4.9 MB to fetch again), and the patched design
 * equals what main then reports. Element collections keep their identity, so views of hosts
 * and tenants do not recompute. A design asked for early (`prefetch`, before the session is
 * known) is shown by `start`, unless a newer one was shown meanwhile.
 */
import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { api } from '../api'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'
import { useDesignStore } from './design'

useRealServicesPerTest()

describe('design store', () => {
  it('patches a saved horizon and name from the event, without fetching the design', async () => {
    const design = useDesignStore()
    const before = design.design
    if (!before) throw new Error('no design')
    const calls = vi.spyOn(api, 'call')
    const horizonS = before.simulation.horizonS + 3600
    const applied = await design.apply({ type: 'set-simulation', patch: { horizonS } })
    expect(applied.ok).toBe(true)
    expect((await design.apply({ type: 'set-meta', patch: { name: 'Renamed hall' } })).ok).toBe(
      true,
    )
    await vi.waitFor(() => expect(design.name).toBe('Renamed hall'))
    expect(design.design?.simulation.horizonS).toBe(horizonS)
    expect(calls.mock.calls.map(([name]) => name)).not.toContain('design:get')
    // nothing else moved: the same host and tenant arrays
    expect(design.design?.hosts).toBe(before.hosts)
    expect(design.design?.tenants).toBe(before.tenants)
    calls.mockRestore()
    const fetched = await api.call('design:get', {})
    if (!fetched.ok) throw new Error(fetched.error.message)
    expect(design.design).toEqual(fetched.value.design)
    expect(design.state.revision).toBe(fetched.value.revision)
  })

  it('patches an undone setting back from the event too', async () => {
    const design = useDesignStore()
    const horizonS = design.design?.simulation.horizonS
    await design.apply({ type: 'set-simulation', patch: { horizonS: 7200 } })
    await vi.waitFor(() => expect(design.design?.simulation.horizonS).toBe(7200))
    const calls = vi.spyOn(api, 'call')
    await design.undo()
    await vi.waitFor(() => expect(design.design?.simulation.horizonS).toBe(horizonS))
    expect(calls.mock.calls.map(([name]) => name)).not.toContain('design:get')
    calls.mockRestore()
  })

  it('shows the prefetched design at start, but never over a newer one', async () => {
    useDesignStore().stop() // the set-up's page; this test is a page that has not started yet
    setActivePinia(createPinia())
    const design = useDesignStore()
    const calls = vi.spyOn(api, 'call')
    design.prefetch()
    // another window opens a new design before this page knows its session: the event fetches it
    const named = 'Opened meanwhile'
    expect((await api.call('design:new', { name: named })).ok).toBe(true)
    await vi.waitFor(() => expect(design.name).toBe(named))
    const shown = design.state.revision
    expect(await design.start()).toBe(true)
    expect(design.name).toBe(named)
    expect(design.state.revision).toBe(shown)
    // the prefetched answer and the event's: start asked for none of its own
    expect(calls.mock.calls.filter(([name]) => name === 'design:get')).toHaveLength(2)
    calls.mockRestore()
  })
})
