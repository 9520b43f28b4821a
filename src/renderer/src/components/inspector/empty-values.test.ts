// @vitest-environment happy-dom
/**
 * Review s9u C13: an empty optional field shows what the engine uses instead, not "(none)".
 * Oracles: Nova's documented `initial_cpu_allocation_ratio` 4.0 and
 * `initial_ram_allocation_ratio` 1.0; the sample's racks set 4 and 1.2 (resources/samples).
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { useDesignStore } from '../../stores/design'
import { useRealServicesPerTest } from '../../../../../test/support/renderer/component-services'
import ElementInspector from './ElementInspector.vue'

useRealServicesPerTest()

function placeholder(wrapper: ReturnType<typeof mount>, path: string): string | undefined {
  return wrapper.get(`[data-field="${path}"] input`).attributes('placeholder')
}

describe('inspector empty values', () => {
  it("a host in a rack with ratios shows the rack's", async () => {
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1'] } })
    expect(placeholder(wrapper, 'cpuAllocationRatio')).toBe("4 (rack's)")
    expect(placeholder(wrapper, 'memoryAllocationRatio')).toBe("1.2 (rack's)")
    expect(placeholder(wrapper, 'mtbfHours')).toBe('(never fails)')
    expect(placeholder(wrapper, 'mttrHours')).toBe('1 (default)')
  })

  it("a host with no rack shows Nova's defaults; a native host is never overcommitted", async () => {
    const moved = await useDesignStore().apply({
      type: 'update',
      id: 'kvm-1',
      patch: { rackId: null },
    })
    expect(moved.ok).toBe(true)
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1'] } })
    await flushPromises()
    expect(placeholder(wrapper, 'cpuAllocationRatio')).toBe('4 (default)')
    expect(placeholder(wrapper, 'memoryAllocationRatio')).toBe('1 (default)')
    const metal = mount(ElementInspector, { props: { ids: ['metal-1'] } })
    expect(placeholder(metal, 'cpuAllocationRatio')).toBe('1 (native: not overcommitted)')
  })

  it('a rack names its empty zone; a bulk selection with different fallbacks says so', () => {
    const rack = mount(ElementInspector, { props: { ids: ['rack-1'] } })
    expect(rack.get('[data-field="zoneId"] option[value=""]').text()).toBe('(no zone)')
    const hosts = mount(ElementInspector, { props: { ids: ['kvm-1', 'metal-1'] } })
    expect(placeholder(hosts, 'cpuAllocationRatio')).toBe('(each its own default)')
  })
})
