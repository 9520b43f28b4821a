// @vitest-environment happy-dom
/**
 * The Simulation tab's settings form against the real engine: a settings change that arrives
 * while the user is typing in another field (another checkbox's save, undo, another window)
 * leaves the typed text alone, and Run's flush then saves it.
 */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { useDesignStore } from '../../stores/design'
import { useRealServicesPerTest } from '../../../../../test/support/renderer/component-services'
import SimulationSettings from './SimulationSettings.vue'

useRealServicesPerTest()

describe('SimulationSettings', () => {
  it('keeps a typed horizon when another setting changes, and flush saves it', async () => {
    const design = useDesignStore()
    const wrapper = mount(SimulationSettings)
    const horizon = wrapper.get<HTMLInputElement>('#sim-horizon')
    const before = design.design?.simulation
    expect(before).toBeDefined()
    expect(horizon.element.value).toBe(String((before?.horizonS ?? 0) / 3600))

    // typed, not committed: an input event only (setValue would also fire change)
    horizon.element.value = '2'
    await horizon.trigger('input')
    const r = await design.apply({
      type: 'set-simulation',
      patch: { interference: !before?.interference },
    })
    expect(r.ok).toBe(true)
    await vi.waitFor(() =>
      expect(design.design?.simulation.interference).toBe(!before?.interference),
    )
    await flushPromises()
    expect(horizon.element.value).toBe('2')

    await (wrapper.vm as unknown as { flush: () => Promise<void> }).flush()
    await vi.waitFor(() => expect(design.design?.simulation.horizonS).toBe(2 * 3600))
  })

  it('shows a change made elsewhere in the field it changed', async () => {
    const design = useDesignStore()
    const wrapper = mount(SimulationSettings)
    const r = await design.apply({ type: 'set-simulation', patch: { seed: 42 } })
    expect(r.ok).toBe(true)
    await vi.waitFor(() =>
      expect(wrapper.get<HTMLInputElement>('#sim-seed').element.value).toBe('42'),
    )
  })
})
