/**
 * Step: the driver advances a run by exactly one scheduling step (one series sample, `stepS`
 * of virtual time later), stepping changes nothing in the outcome, and `simulation:step`
 * holds a paused run again after one sample, in a worker thread and on this thread.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SimulationRunInfo } from '../../../shared/contract'
import { checkIntegrity } from '../../engine'
import { simulate } from '../../engine'
import { EventHub } from '../event-hub'
import { testServices } from '../../../../test/support/services/test-services'
import { openSimulation, SimulationDriver } from './driver'
import { SimulationRuns } from './runs'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design
if (!sample) throw new Error('the built-in sample does not load')
const stepS = sample.simulation.stepS
const horizonS = 6 * 3600

describe('the simulation driver', () => {
  it('steps one series sample at a time, stepS apart, and the run ends as an unstepped one', () => {
    const driver = new SimulationDriver(openSimulation(sample, { policy: 'dvfs', horizonS }))
    for (let k = 1; k <= 5; k++) {
      expect(driver.step()).toBe(false)
      expect(driver.sim.seriesLength).toBe(k)
      // general mode samples at 0, stepS, 2·stepS, … (arithmetic, not a recorded value)
      expect(driver.sim.virtualTimeS).toBe((k - 1) * stepS)
    }
    const stepped = driver.complete()
    const direct = simulate(sample, { policy: 'dvfs', horizonS })
    expect(stepped.series.timesS).toHaveLength(horizonS / stepS + 1)
    expect({ ...stepped.summary, elapsedMs: 0 }).toEqual({ ...direct.summary, elapsedMs: 0 })
    expect(stepped.series).toEqual(direct.series)
  })
})

function progressOf(hub: EventHub) {
  const progress: SimulationRunInfo[] = []
  hub.subscribe({ role: 'provider' }, (event, payload) => {
    if (event === 'simulation:progress') progress.push(payload as SimulationRunInfo)
  })
  /** The first progress event from index `from` on that `accept`s, waiting up to 5 s. */
  const next = async (
    from: number,
    accept: (info: SimulationRunInfo) => boolean,
  ): Promise<SimulationRunInfo> => {
    for (let i = 0; i < 500; i++) {
      const found = progress.slice(from).find(accept)
      if (found) return found
      await new Promise((r) => setTimeout(r, 10))
    }
    throw new Error('no such progress event')
  }
  return { progress, next }
}

describe.each([
  ['on this thread', false],
  ['in a worker thread', true],
])('simulation:step %s', (_where, useWorker) => {
  it('advances a paused run by one sample and holds it again', async () => {
    const hub = new EventHub()
    const { progress, next } = progressOf(hub)
    const runs = new SimulationRuns(hub, useWorker)
    try {
      const { runId } = runs.start(sample, { policy: 'dvfs', horizonS })
      runs.pause(runId)
      await next(0, (p) => p.status === 'paused')
      await new Promise((r) => setTimeout(r, 30))
      const before = progress.length
      const heldPoints = progress.reduce((n, p) => n + (p.live?.timesS.length ?? 0), 0)
      expect(runs.step(runId).status).toBe('paused')
      const stepped = await next(before, () => true)
      expect(stepped.status).toBe('paused')
      expect(stepped.live?.fromIndex).toBe(heldPoints)
      expect(stepped.live?.timesS).toEqual([heldPoints * stepS])
      expect(stepped.virtualTimeS).toBe(heldPoints * stepS)
      expect(runs.get(runId).status).toBe('paused')
      runs.resume(runId)
      expect(() => runs.step(runId)).toThrow(/is running: only a paused run steps/)
    } finally {
      runs.dispose()
    }
  })
})

describe('the simulation:step call', () => {
  it('answers not-found for an unknown run', async () => {
    const services = testServices()
    try {
      const answer = await services.dispatch({ role: 'provider' }, 'simulation:step', {
        runId: 'run-404',
      })
      expect(answer.ok ? 'ok' : answer.error.code).toBe('not-found')
      const tenant = await services.dispatch(
        { role: 'tenant', tenantId: 't-acme' },
        'simulation:step',
        { runId: 'run-404' },
      )
      expect(tenant.ok ? 'ok' : tenant.error.code).toBe('forbidden')
    } finally {
      await services.dispose()
    }
  })
})
