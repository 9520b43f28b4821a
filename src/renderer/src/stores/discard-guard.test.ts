// @vitest-environment happy-dom
/**
 * The unsaved-changes prompt against the real services (review s11 #2): New and Open sample
 * used to ask yes/no and main replaced a dirty design whatever the caller said. Now main
 * refuses them with `conflict`, and the prompt offers Save / Discard changes / Cancel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { api, setTransport } from '../api'
import { useConfirmStore, type Choice } from './confirm'
import { useDesignStore } from './design'
import { setSaveBeforeReplace } from './discard-guard'
import { useFilesStore } from './files'
import {
  startRealServices,
  type RealServices,
} from '../../../../test/support/renderer/real-services'

let services: RealServices
let folder = 0
let saves = 0

beforeEach(async () => {
  const proc = (
    globalThis as unknown as { process: { env: Record<string, string | undefined>; cwd(): string } }
  ).process
  proc.env.STRATA_DATA_DIR = `${proc.cwd()}/test-results/discard-${String(proc.env.VITEST_POOL_ID)}-${Date.now()}-${folder++}`
  services = await startRealServices()
  setTransport(services.transport)
  setActivePinia(createPinia())
  await useDesignStore().start()
  saves = 0
  // the browser's Save As: main answers with the contents to download, and marks them saved
  setSaveBeforeReplace(async () => {
    saves++
    return api.call('files:save-as', {})
  })
  const design = useDesignStore()
  await design.apply({ type: 'set-meta', patch: { name: 'Work in progress' } })
  await vi.waitFor(() => expect(design.state.dirty).toBe(true))
})
afterEach(async () => {
  setSaveBeforeReplace(undefined)
  await services.dispose()
})

/** Starts `action`, answers the prompt with `choice`, and returns the action's outcome. */
async function answered<T>(action: () => Promise<T>, choice: Choice): Promise<T> {
  const confirm = useConfirmStore()
  const running = action()
  await vi.waitFor(() => expect(confirm.pending).toBeDefined())
  expect(confirm.pending).toMatchObject({
    altLabel: 'Save',
    confirmLabel: 'Discard changes',
    cancelLabel: 'Cancel',
  })
  confirm.answer(choice)
  return running
}

const openName = async (): Promise<string> => {
  const r = await api.call('design:get', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value.design.meta.name
}

describe('replacing a design with unsaved changes', () => {
  it.each([['newDesign'], ['openSample']] as const)('%s: Cancel keeps the work', async (fn) => {
    expect(await answered(() => useFilesStore()[fn](), 'cancel')).toBeUndefined()
    expect(await openName()).toBe('Work in progress')
    expect(saves).toBe(0)
  })

  it.each([['newDesign'], ['openSample']] as const)(
    '%s: Save saves first, then replaces',
    async (fn) => {
      const r = await answered(() => useFilesStore()[fn](), 'alt')
      expect(r?.ok).toBe(true)
      expect(saves).toBe(1)
      expect(await openName()).not.toBe('Work in progress')
      // saved, so nothing unsaved was replaced: nothing set aside for recovery
      expect(await api.call('files:recovery', {})).toEqual({ ok: true, value: [] })
    },
  )

  it.each([['newDesign'], ['openSample']] as const)(
    '%s: Discard replaces, and leaves nothing to offer as crash recovery',
    async (fn) => {
      const r = await answered(() => useFilesStore()[fn](), 'confirm')
      expect(r?.ok).toBe(true)
      expect(await openName()).not.toBe('Work in progress')
      expect(await api.call('files:recovery', {})).toEqual({ ok: true, value: [] })
    },
  )
})
