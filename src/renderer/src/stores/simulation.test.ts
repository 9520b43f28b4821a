// @vitest-environment happy-dom
/**
 * The simulation store against the real services: while a run is held mid-way, its live
 * series (from the progress events' deltas) has points, energy and a canvas frame for every
 * host; once the run ends, the full result replaces it.
 */
import { describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { useDesignStore } from './design'
import { useSimulationStore } from './simulation'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'

useRealServicesPerTest({ sample: 'two-hall', beforeDispose: () => useSimulationStore().stop() })

describe('simulation store, live', () => {
  it('holds a run mid-way with its series so far, then switches to the result', async () => {
    const sim = useSimulationStore()
    const design = useDesignStore()
    await sim.runSimulation({ horizonS: 365 * 86_400 })
    await vi.waitFor(() => expect(sim.run?.progress ?? 0).toBeGreaterThan(0), { timeout: 30_000 })
    await sim.pause()
    await vi.waitFor(() => expect(sim.run?.status).toBe('paused'))
    // a held run publishes its latest state at once
    await vi.waitFor(() => expect(sim.live?.timesS.length ?? 0).toBeGreaterThan(0))
    const live = sim.live
    if (!live) throw new Error('no live series')
    expect(sim.result).toBeUndefined()
    expect(live.energyKWh).toBeGreaterThan(0)
    expect(live.totalPowerW).toHaveLength(live.timesS.length)
    expect(live.tenantAllocMips).toHaveLength(design.design?.tenants.length ?? -1)
    for (const xs of live.tenantCost) expect(xs).toHaveLength(live.timesS.length)
    expect(sim.frame?.hosts.size).toBe(design.design?.hosts.length)
    expect(sim.frame?.timeS).toBe(live.timesS[live.timesS.length - 1])
    // the last point is no later than where the run stands
    expect(sim.frame?.timeS).toBeLessThanOrEqual(sim.run?.virtualTimeS ?? 0)

    await sim.cancel()
    await vi.waitFor(() => expect(sim.result).toBeDefined(), { timeout: 30_000 })
    expect(sim.run?.status).toBe('cancelled')
    expect(sim.live).toBeUndefined()
    // the partial result holds at least the points the live series had
    expect(sim.result?.series.timesS.slice(0, live.timesS.length)).toEqual(live.timesS)
  })

  it("builds the canvas frame once at a run's end, from the result (no live snapshot after)", async () => {
    const sim = useSimulationStore()
    // every frame the canvas overlay is rebuilt from (issue 19; watched as the canvas
    // component watches it), with what the store knew then
    const seen: Array<{ status?: string; result: boolean }> = []
    const stop = watch(
      () => sim.frame,
      () => seen.push({ status: sim.run?.status, result: sim.result !== undefined }),
    )
    await sim.runSimulation({ horizonS: 30 * 86_400 })
    // a 30-day run takes about 24 s of wall time at load 30 on 2 cores: room for more
    await vi.waitFor(() => expect(sim.result).toBeDefined(), { timeout: 100_000 })
    await new Promise((resolve) => setTimeout(resolve, 400))
    stop()
    const afterEnd = seen.filter((f) => f.status === 'done')
    expect(afterEnd).toEqual([{ status: 'done', result: true }])
  })
})
