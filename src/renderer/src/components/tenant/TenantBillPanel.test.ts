// @vitest-environment happy-dom
/**
 * The bill's heading says when the run was cancelled and how much virtual time it bills
 * (review s4, finding 18: "Bill (simulated, 1 h, USD)" after a run cancelled at 0 %).
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { TenantView } from '../../../../shared/contract'
import TenantBillPanel from './TenantBillPanel.vue'

const view = (bill: Partial<TenantView['bill']>): TenantView =>
  ({
    bill: {
      source: 'simulation',
      periodS: 3600,
      currency: 'USD',
      basis: 'used',
      lines: [],
      total: 0,
      ...bill,
    },
  }) as unknown as TenantView

describe('TenantBillPanel heading', () => {
  it('names a cancelled run and the time it reached', () => {
    const text = mount(TenantBillPanel, {
      props: { view: view({ stopped: 'cancelled', periodS: 1800 }) },
    })
      .find('h3')
      .text()
      .replace(/\s+/g, ' ')
    expect(text).toBe('Bill (simulation cancelled: billed for the 0.5 h simulated, USD)')
  })

  it('reads as before for a finished run', () => {
    const text = mount(TenantBillPanel, { props: { view: view({}) } })
      .find('h3')
      .text()
      .replace(/\s+/g, ' ')
    expect(text).toBe('Bill (simulated, 1 h, USD)')
  })
})
