// @vitest-environment happy-dom
/**
 * The tenant view against the real services, in a tenant-bound session: it shows its own
 * instances only and follows provider edits live; the provider's switcher shows any tenant.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { setTransport } from '../../api'
import TenantView from './TenantView.vue'
import ViewSwitcher from './ViewSwitcher.vue'
import { useDesignStore } from '../../stores/design'
import type { SimulationResult, SimulationRunInfo } from '../../../../shared/contract'
import {
  PROVIDER,
  startRealServices,
  type RealServices,
} from '../../../../../test/support/renderer/real-services'

let real: RealServices
const provider = PROVIDER

beforeEach(async () => {
  real = startRealServices()
  await real.services.dispatch(provider, 'scheduler:place', {})
  setActivePinia(createPinia())
})
afterEach(async () => {
  await real.dispose()
})

const chips = (wrapper: ReturnType<typeof mount>): string[] =>
  wrapper.findAll('[data-instance-id]').map((c) => c.attributes('data-instance-id') ?? '')

describe('TenantView', () => {
  it('shows a tenant session its own instances only, and follows edits live', async () => {
    setTransport(real.transportFor({ role: 'tenant', tenantId: 't-acme' }))
    const wrapper = mount(TenantView)
    await vi.waitFor(() => expect(chips(wrapper).length).toBe(10))
    expect(chips(wrapper).every((id) => id.startsWith('w-acme-'))).toBe(true)
    expect(wrapper.text()).toContain('Acme Retail')
    for (const foreign of ['Globex', 'Initech', 'kvm-1', 'rack-1', 'R01'])
      expect(wrapper.text()).not.toContain(foreign)

    await real.services.dispatch(provider, 'design:apply', {
      command: { type: 'update', id: 'w-acme-db', patch: { count: 5 } },
    })
    await vi.waitFor(() => expect(chips(wrapper).length).toBe(13))
    wrapper.unmount()
  })

  it('says its zones are as placed, and how many instances a run moved since (s9u A2)', async () => {
    setTransport(real.transportFor({ role: 'tenant', tenantId: 't-globex' }))
    const wrapper = mount(TenantView)
    const note = () => wrapper.find('[data-testid="zones-as-placed"]')
    await vi.waitFor(() => expect(note().exists()).toBe(true))
    expect(wrapper.text()).toContain('Hosts as placed')
    expect(note().text()).toBe('Where the scheduler placed your instances.')
    const started = await real.services.dispatch(provider, 'simulation:start', {
      horizonS: 86_400,
      policy: 'thr-mmt-0.8',
    })
    if (!started.ok) throw new Error(started.error.message)
    const { runId } = started.value as SimulationRunInfo
    // the oracle: the engine's own instance records of the run
    let moved = 0
    await vi.waitFor(
      async () => {
        const got = await real.services.dispatch(provider, 'simulation:get', { runId })
        const result = got.ok ? (got.value as { result?: SimulationResult }).result : undefined
        if (!result) throw new Error('not done')
        moved = result.instances.filter((i) => i.tenantId === 't-globex' && i.migrations > 0).length
      },
      { timeout: 60_000 },
    )
    expect(moved).toBeGreaterThan(0)
    await vi.waitFor(() =>
      expect(note().text()).toContain(`The latest run moved ${moved} instances of these since`),
    )
    wrapper.unmount()
  })

  it('lets the provider switch to any tenant’s view', async () => {
    setTransport(real.transportFor(provider))
    // the provider's shell has the design open (the switcher lists its tenants)
    await useDesignStore().start()
    const wrapper = mount(ViewSwitcher, { attachTo: document.body })
    await flushPromises()
    const select = wrapper.get('[data-testid="view-switcher"]')
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual([
      'provider',
      't-acme',
      't-globex',
      't-initech',
    ])
    await select.setValue('t-globex')
    await vi.waitFor(() =>
      expect(
        document.querySelector('[data-testid="tenant-view"]')?.getAttribute('data-tenant-id'),
      ).toBe('t-globex'),
    )
    const ids = [...document.querySelectorAll('[data-instance-id]')].map((e) =>
      e.getAttribute('data-instance-id'),
    )
    // exactly Globex's instances: the sum of its workloads' counts in the open design
    const globexInstances = (useDesignStore().design?.workloads ?? [])
      .filter((w) => w.tenantId === 't-globex')
      .reduce((n, w) => n + w.count, 0)
    expect(ids.length).toBe(globexInstances)
    expect(ids.every((id) => id?.startsWith('w-globex-'))).toBe(true)
    wrapper.unmount()
  })
})
