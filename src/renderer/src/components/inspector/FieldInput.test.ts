// @vitest-environment happy-dom
/**
 * A select with a long list (a rack among hundreds, a link's ends among thousands of nodes)
 * renders only its value until it is used, so selecting an element does not render the whole
 * design; short lists render whole.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FieldInput from './FieldInput.vue'
import type { FieldDef } from './fields'

const field: FieldDef = { path: 'rackId', label: 'Rack', type: 'select', optional: true }
const racks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `rack-${i}`, label: `Rack ${i}` }))

describe('FieldInput select', () => {
  it('lists only its value (and "none") until focused, then every option', async () => {
    const wrapper = mount(FieldInput, {
      props: { field, value: 'rack-7', mixed: false, options: racks(250), problems: [] },
    })
    const select = wrapper.get('select')
    expect(select.findAll('option').map((o) => o.element.value)).toEqual(['', 'rack-7'])
    expect((select.element as HTMLSelectElement).value).toBe('rack-7')
    await select.trigger('focus')
    expect(select.findAll('option')).toHaveLength(251)
    expect((select.element as HTMLSelectElement).value).toBe('rack-7')
  })

  it('opens on a press too, and renders a short list whole at once', async () => {
    const long = mount(FieldInput, {
      props: { field, value: 'rack-3', mixed: false, options: racks(60), problems: [] },
    })
    await long.get('select').trigger('pointerdown')
    expect(long.findAll('option')).toHaveLength(61)
    const short = mount(FieldInput, {
      props: { field, value: 'rack-3', mixed: false, options: racks(50), problems: [] },
    })
    expect(short.findAll('option')).toHaveLength(51)
  })
})
