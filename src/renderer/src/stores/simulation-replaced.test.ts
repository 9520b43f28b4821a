// @vitest-environment happy-dom
/**
 * Review s6 #5: after another design is opened (by this window or another client), the
 * Simulation tab and the canvas showed the old design's run. Against the real services: a
 * finished run, then another design opened through the contract: the store holds no run,
 * no result and no frame, and the canvas overlay paints no utilization.
 */
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { api } from '../api'
import { useCanvasOverlay } from './canvas-overlay'
import { useSimulationStore } from './simulation'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'

useRealServicesPerTest({ sample: 'two-hall', beforeDispose: () => useSimulationStore().stop() })

describe('simulation store, another design opened', () => {
  it('forgets the old run: no result, no frame, no utilization on the canvas', async () => {
    const sim = useSimulationStore()
    const scope = effectScope()
    const overlay = scope.run(() => useCanvasOverlay())
    if (!overlay) throw new Error('no overlay')
    await sim.runSimulation({ horizonS: 3600 })
    await vi.waitFor(() => expect(sim.result).toBeDefined(), { timeout: 60_000 })
    expect(sim.frame?.hosts.size).toBeGreaterThan(0)
    const painted = [...overlay.hosts.value.values()].filter((h) => h.utilization !== undefined)
    expect(painted.length).toBeGreaterThan(0)

    const opened = await api.call('design:open-sample', { name: 'two-hall' })
    expect(opened.ok).toBe(true)
    await vi.waitFor(() => expect(sim.result).toBeUndefined())
    expect(sim.run).toBeUndefined()
    expect(sim.live).toBeUndefined()
    expect(sim.frame).toBeUndefined()
    expect(sim.onDemand.size).toBe(0)
    expect([...overlay.hosts.value.values()].filter((h) => h.utilization !== undefined)).toEqual([])
    scope.stop()
  })
})

describe('simulation store, a window opened after a run', () => {
  it('shows main’s latest run and its result (review s6u #5: the tab was empty after a reload)', async () => {
    // The run is started through the contract, not through this store: another window's run.
    const started = await api.call('simulation:start', { horizonS: 3600 })
    if (!started.ok) throw new Error(started.error.message)
    await vi.waitFor(
      async () => {
        const got = await api.call('simulation:get', { runId: started.value.runId, lean: true })
        expect(got.ok && got.value.status).toBe('done')
      },
      { timeout: 60_000 },
    )
    const sim = useSimulationStore()
    sim.start()
    await vi.waitFor(() => expect(sim.result).toBeDefined(), { timeout: 10_000 })
    expect(sim.run?.runId).toBe(started.value.runId)
    expect(sim.run?.status).toBe('done')
    // one hour at the sample's step: the result covers the whole horizon
    expect(sim.result?.series.timesS.at(-1)).toBe(3600)
  })
})
