// @vitest-environment happy-dom
/** The inspector against the real engine: units, inline validation, edits, bulk edit, undo. */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { api } from '../../api'
import { useDesignStore } from '../../stores/design'
import { useRealServicesPerTest } from '../../../../../test/support/renderer/component-services'
import ElementInspector from './ElementInspector.vue'

useRealServicesPerTest()

async function host(id: string) {
  const r = await api.call('design:get', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value.design.hosts.find((h) => h.id === id)
}

function field(wrapper: ReturnType<typeof mount>, path: string) {
  return wrapper.get(`[data-field="${path}"]`)
}

describe('ElementInspector', () => {
  it('shows a host with units and commits an edit through the engine', async () => {
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1'] } })
    expect(wrapper.text()).toContain('kvm-1')
    const memory = field(wrapper, 'memoryMiB')
    expect(memory.get('input').element.value).toBe('262144')
    expect(memory.get('.unit').text()).toBe('MiB')
    expect(field(wrapper, 'mipsPerCore').get('.unit').text()).toBe('MIPS')
    await memory.get('input').setValue('131072')
    await vi.waitFor(async () => expect((await host('kvm-1'))?.memoryMiB).toBe(131072))
  })

  it('refuses a bad value inline without sending it', async () => {
    const design = useDesignStore()
    const before = design.state.revision
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1'] } })
    await field(wrapper, 'memoryMiB').get('input').setValue('-5')
    await flushPromises()
    expect(field(wrapper, 'memoryMiB').get('.field-error').text()).toBe(
      'Memory must be at least 0 MiB',
    )
    await field(wrapper, 'sockets').get('input').setValue('1.5')
    await flushPromises()
    expect(field(wrapper, 'sockets').get('.field-error').text()).toContain('whole number')
    expect(design.state.revision).toBe(before)
    expect((await host('kvm-1'))?.memoryMiB).toBe(262144)
  })

  it('changing the virtualization layer picks a product of that kind', async () => {
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1'] } })
    await field(wrapper, 'virtualization.kind').get('select').setValue('os')
    await vi.waitFor(async () =>
      expect((await host('kvm-1'))?.virtualization).toMatchObject({ kind: 'os', product: 'lxc' }),
    )
    await flushPromises()
    const products = field(wrapper, 'virtualization.product')
      .findAll('option')
      .map((o) => o.element.value)
    expect(products).toContain('lxc')
    expect(products).not.toContain('kvm')
  })

  it('bulk-edits several hosts in one undoable step', async () => {
    const design = useDesignStore()
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1', 'kvm-2'] } })
    expect(wrapper.text()).toContain('2 host elements (bulk edit)')
    expect(wrapper.find('[data-field="name"]').exists()).toBe(false)
    await field(wrapper, 'mipsPerCore').get('input').setValue('3100')
    await vi.waitFor(async () => {
      expect((await host('kvm-1'))?.mipsPerCore).toBe(3100)
      expect((await host('kvm-2'))?.mipsPerCore).toBe(3100)
    })
    expect(design.state.undoLabel).toBe('Edit 2 elements')
    await design.undo()
    await vi.waitFor(async () => {
      expect((await host('kvm-1'))?.mipsPerCore).toBe(2600)
      expect((await host('kvm-2'))?.mipsPerCore).toBe(2600)
    })
  })

  it('shows mixed values in a multi-selection', async () => {
    const wrapper = mount(ElementInspector, { props: { ids: ['kvm-1', 'esxi-1'] } })
    await flushPromises()
    const product = field(wrapper, 'virtualization.product').get('select')
    expect((product.element as HTMLSelectElement).value).toBe('')
    expect(product.text()).toContain('(mixed)')
  })
})
