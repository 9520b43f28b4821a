/**
 * Simulation runs as the app starts them: in a worker thread (from source: worker.ts under
 * tsx) and in slices on this thread; pause, resume and cancel; progress and results pushed
 * as events to provider sessions only.
 */
import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import type { SimulationRunDetail } from '../../../shared/contract/calls/simulation'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkIntegrity } from '../../engine'
import { simulate } from '../../engine'
import { EventHub } from '../event-hub'
import { SimulationRuns } from './runs'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design
if (!sample) throw new Error('the built-in sample does not load')

function listen(hub: EventHub) {
  const events: Array<{ event: EventName; payload: unknown }> = []
  const tenantEvents: unknown[] = []
  hub.subscribe({ role: 'provider' }, (event, payload) => events.push({ event, payload }))
  hub.subscribe({ role: 'tenant', tenantId: 't-acme' }, (_e, p) => tenantEvents.push(p))
  const finished = () =>
    new Promise<SimulationRunDetail>((resolve) => {
      const timer = setInterval(() => {
        const done = events.find((e) => e.event === 'simulation:finished')
        if (done) {
          clearInterval(timer)
          resolve(done.payload as SimulationRunDetail)
        }
      }, 10)
    })
  return { events, tenantEvents, finished }
}

describe('simulation runs', () => {
  it('runs in a worker thread and pushes the same result as a direct run', async () => {
    const hub = new EventHub()
    const { tenantEvents, finished } = listen(hub)
    const runs = new SimulationRuns(hub, true)
    const info = runs.start(sample, { policy: 'thr-mmt-0.8', horizonS: 21_600 })
    expect(info.status).toBe('running')
    const event = await finished()
    expect(event).not.toHaveProperty('result') // the event is light: the result is read
    const done = runs.get(info.runId)
    expect(done.status).toBe('done')
    expect(done.progress).toBe(1)
    const direct = simulate(sample, { policy: 'thr-mmt-0.8', horizonS: 21_600, runId: info.runId })
    expect({ ...done.result?.summary, elapsedMs: 0 }).toEqual({ ...direct.summary, elapsedMs: 0 })
    expect(runs.get(info.runId).result?.summary.energyKWh).toBe(direct.summary.energyKWh)
    expect(tenantEvents).toEqual([])
    runs.dispose()
  })

  it('pauses, resumes and cancels in slices', async () => {
    const hub = new EventHub()
    const { events, finished } = listen(hub)
    const runs = new SimulationRuns(hub, false)
    const a = runs.start(sample, { policy: 'dvfs' })
    expect(runs.pause(a.runId).status).toBe('paused')
    await new Promise((r) => setTimeout(r, 30))
    expect(runs.get(a.runId).status).toBe('paused')
    expect(runs.get(a.runId).progress).toBeLessThan(1)
    expect(runs.resume(a.runId).status).toBe('running')
    await finished()
    const done = runs.get(a.runId)
    expect(done.status).toBe('done')
    const progress = events
      .filter((e) => e.event === 'simulation:progress')
      .map((e) => e.payload as SimulationRunDetail)
    expect(progress.length).toBeGreaterThan(0)
    // The live deltas, laid end to end, are a prefix of the finished run's series.
    const times: number[] = []
    const power: number[] = []
    for (const p of progress) {
      if (!p.live) continue
      expect(p.live.fromIndex).toBe(times.length)
      times.push(...p.live.timesS)
      power.push(...p.live.totalPowerW)
      if (times.length > 0) expect(p.live.hostUtilizationNow).toHaveLength(sample.hosts.length)
    }
    expect(times).toEqual(done.result?.series.timesS.slice(0, times.length))
    expect(power).toEqual(done.result?.series.totalPowerW.slice(0, power.length))
    expect(runs.get(a.runId).live).toBeUndefined()

    const b = runs.start(sample, { policy: 'mad-mmt-2.5' })
    const cancelled = runs.cancel(b.runId)
    expect(['cancelled', 'running']).toContain(cancelled.status)
    await new Promise((r) => setTimeout(r, 20))
    expect(runs.get(b.runId).status).toBe('cancelled')
    expect(runs.list().map((r) => r.runId)).toEqual([a.runId, b.runId])
    expect(() => runs.start(sample, { policy: 'nope' })).toThrow(/unknown policy/)
  })
})
