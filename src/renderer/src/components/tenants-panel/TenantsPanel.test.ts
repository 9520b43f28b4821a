// @vitest-environment happy-dom
/** The tenants panel against the real engine and scheduler. */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { api } from '../../api'
import { useDesignStore } from '../../stores/design'
import { useRealServicesPerTest } from '../../../../../test/support/renderer/component-services'
import TenantsPanel from './TenantsPanel.vue'

useRealServicesPerTest()

async function design() {
  const r = await api.call('design:get', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value.design
}

describe('TenantsPanel', () => {
  it('lists the tenants; adds a tenant with quotas, isolation, a network and a workload', async () => {
    const wrapper = mount(TenantsPanel)
    await flushPromises()
    for (const name of ['Acme Retail']) expect(wrapper.text()).toContain(name)
    expect(wrapper.findAll('[data-tenant]').length).toBe(3)

    await wrapper.get('[data-testid="add-tenant"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-tenant]').length).toBe(4))
    await flushPromises()
    await wrapper.get('[data-field="isolation"] select').setValue('dedicated-hosts')
    await vi.waitFor(async () =>
      expect((await design()).tenants.find((t) => t.id === 'tenant-1')?.isolation).toBe(
        'dedicated-hosts',
      ),
    )
    await flushPromises()
    await wrapper.get('[data-field="quotas.instances"] input').setValue('12')
    await vi.waitFor(async () =>
      expect((await design()).tenants.find((t) => t.id === 'tenant-1')?.quotas).toEqual({
        instances: 12,
      }),
    )
    await flushPromises()
    // the engine refuses an empty currency; the message shows at the field
    await wrapper.get('[data-field="pricing.currency"] input').setValue('')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-field="pricing.currency"] .field-error').exists()).toBe(true),
    )

    await wrapper.get('[data-testid="add-network"]').trigger('click')
    await vi.waitFor(async () =>
      expect((await design()).networks.filter((n) => n.tenantId === 'tenant-1')).toHaveLength(1),
    )
    await flushPromises()
    // the new network is selected; pick the tenant again to add a workload group to it
    await wrapper.get('[data-tenant="tenant-1"]').trigger('click')
    await wrapper.get('[data-testid="add-vm-group"]').trigger('click')
    await vi.waitFor(async () =>
      expect((await design()).workloads.filter((w) => w.tenantId === 'tenant-1')).toHaveLength(1),
    )
    await flushPromises()
    expect(wrapper.find('[data-workload="wl-1"]').text()).toContain('4 × vm')
  })

  it('runs placement with a preset and explains an unplaced instance', async () => {
    // a workload too big for any host, so some instances stay unplaced
    await api.call('design:apply', {
      command: {
        type: 'add',
        kind: 'workload',
        entity: {
          id: 'w-huge',
          tenantId: 't-acme',
          name: 'huge',
          kind: 'vm',
          count: 2,
          vcpus: 8,
          mipsPerVcpu: 2000,
          memoryMiB: 4_000_000,
          diskGiB: 10,
          guestOs: 'linux',
        },
      },
    })
    const wrapper = mount(TenantsPanel)
    await flushPromises()
    // before any placement, a tenant's line says so instead of "0 of 12 instances placed"
    const acmeCount = (useDesignStore().design?.workloads ?? [])
      .filter((w) => w.tenantId === 't-acme')
      .reduce((n, w) => n + w.count, 0)
    expect(wrapper.get('[data-tenant="t-acme"]').text()).toContain(
      `${acmeCount} instances, not placed yet`,
    )
    await wrapper.get('[data-testid="placement-preset"]').setValue('pack')
    await wrapper.get('[data-testid="run-placement"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="placement-summary"]').exists()).toBe(true),
    )
    const summary = wrapper.get('[data-testid="placement-summary"]').text()
    const total = (useDesignStore().design?.workloads ?? []).reduce((n, w) => n + w.count, 0)
    // the shared sentence (review s7u #3): refusals counted, w-huge among them
    const m = new RegExp(
      `Placed (\\d+) of ${total} instances on \\d+ of \\d+ hosts; (\\d+) refused`,
    ).exec(summary)
    expect(Number(m?.[2])).toBe(total - Number(m?.[1]))
    expect(Number(m?.[2])).toBeGreaterThan(0)
    expect(summary).not.toContain('everything fitted')
    expect(wrapper.get('[data-tenant="t-acme"]').text()).toMatch(
      new RegExp(`\\d+ of ${acmeCount} instances placed`),
    )
    expect(summary).toContain('pack')
    const unplaced = wrapper.get('[data-instance="w-huge#0"]')
    await unplaced.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="explanation"]').exists()).toBe(true))
    const explanation = wrapper.get('[data-testid="explanation"]').text()
    expect(explanation).toContain('Why huge #1 fits nowhere')
    expect(explanation).toContain('fits nowhere')
    expect(explanation).toMatch(/memory/i)
  })
})
