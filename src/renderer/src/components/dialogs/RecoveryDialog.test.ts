// @vitest-environment happy-dom
/**
 * Crash recovery against the real services: an earlier run left an autosave of unsaved work;
 * the next start offers it; Recover opens it as unsaved, Discard removes it for good.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { api, setTransport } from '../../api'
import { useDesignStore } from '../../stores/design'
import {
  startRealServices,
  type RealServices,
} from '../../../../../test/support/renderer/real-services'
import { leaveCrashedAutosave } from '../../../../../test/support/renderer/crashed-run'
import RecoveryDialog from './RecoveryDialog.vue'
import ConfirmDialog from './ConfirmDialog.vue'

let services: RealServices
let folder = 0

beforeEach(async () => {
  const proc = (
    globalThis as unknown as { process: { env: Record<string, string | undefined>; cwd(): string } }
  ).process
  // a data folder of its own: no other test's autosaves
  proc.env.STRATA_DATA_DIR = `${proc.cwd()}/test-results/recovery-${String(proc.env.VITEST_POOL_ID)}-${Date.now()}-${folder++}`
  await leaveCrashedAutosave('Crashed work')
  services = await startRealServices()
  setTransport(services.transport)
  setActivePinia(createPinia())
  await useDesignStore().start()
})
afterEach(async () => {
  await services.dispose()
})

async function recoverable(): Promise<string[]> {
  const r = await api.call('files:recovery', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value.map((e) => e.designName)
}

describe('RecoveryDialog', () => {
  it("offers the crashed run's work and recovers it as unsaved", async () => {
    const design = useDesignStore()
    expect(design.name).not.toBe('Crashed work')
    const wrapper = mount(RecoveryDialog)
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="recovery-dialog"]').exists()).toBe(true),
    )
    expect(wrapper.text()).toContain('Crashed work')

    await wrapper.get('[data-testid="recover"]').trigger('click')
    await vi.waitFor(() => expect(design.name).toBe('Crashed work'))
    expect(design.state.dirty).toBe(true)
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="recovery-dialog"]').exists()).toBe(false),
    )
    // the old run's copy is gone (this run's own autosave now holds the work)
    expect(await recoverable()).toEqual([])
  })

  it('asks before a recovery replaces unsaved changes, and keeps them on "Keep editing"', async () => {
    const design = useDesignStore()
    await design.apply({ type: 'set-meta', patch: { name: 'Work in progress' } })
    await vi.waitFor(() => expect(design.state.dirty).toBe(true))
    const wrapper = mount({
      components: { RecoveryDialog, ConfirmDialog },
      template: '<div><RecoveryDialog /><ConfirmDialog /></div>',
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recover"]').exists()).toBe(true))
    await wrapper.get('[data-testid="recover"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(true),
    )
    await wrapper.get('[data-testid="confirm-cancel"]').trigger('click')
    await flushPromises()
    expect(design.name).toBe('Work in progress')
    expect(await recoverable()).toEqual(['Crashed work'])

    await wrapper.get('[data-testid="recover"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="confirm-ok"]').exists()).toBe(true))
    await wrapper.get('[data-testid="confirm-ok"]').trigger('click')
    await vi.waitFor(() => expect(design.name).toBe('Crashed work'))
  })

  it('discards the autosave for good', async () => {
    const wrapper = mount(RecoveryDialog)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="discard"]').exists()).toBe(true))
    await wrapper.get('[data-testid="discard"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="recovery-dialog"]').exists()).toBe(false),
    )
    expect(await recoverable()).toEqual([])
    expect(useDesignStore().name).not.toBe('Crashed work')
  })
})
