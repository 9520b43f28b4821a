/**
 * Review finding 13: after a reload the Experiments panel was empty although main still held
 * the session's experiments. A fresh store (as after a reload) takes up the latest one.
 */
import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { api } from '../api'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'
import { useExperimentsStore } from './experiments'

useRealServicesPerTest()

describe('experiments store after a reload', () => {
  it('takes up the latest experiment main holds, with its progress and results', async () => {
    const started = await api.call('experiments:start', {
      vary: { 'simulation.seed': [1, 2] },
      repeat: 1,
    })
    if (!started.ok) throw new Error(started.error.message)
    setActivePinia(createPinia()) // the page reloaded: a new, empty store
    const ex = useExperimentsStore()
    expect(ex.current).toBeUndefined()
    await ex.resume()
    expect(ex.current?.experimentId).toBe(started.value.experimentId)
    await vi.waitFor(
      async () => {
        await ex.loadResults()
        expect(ex.results?.runs.length).toBe(2)
      },
      { timeout: 120_000, interval: 500 },
    )
    await api.call('experiments:cancel', { experimentId: started.value.experimentId })
  }, 180_000)
})
