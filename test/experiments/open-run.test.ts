/**
 * "Open this run" (issue 16): `experiments:open-run` puts one run's resolved design in the
 * app as a new unsaved design, refuses while the open design has unsaved edits (which it
 * leaves untouched) and replaces them only with consent. Real services and worker threads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExperimentResults, Result } from '../../src/shared/contract'
import type { Services } from '../../src/main/services'
import { openSimulation, SimulationDriver } from '../../src/main/services/simulation/driver'
import { testServices } from '../support/services/test-services'
import { FIXTURES } from './helpers'

const provider = { role: 'provider' } as const
let services: Services | undefined

afterEach(async () => {
  await services?.dispose()
  services = undefined
})

async function must<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('experiments:open-run and experiments:series', () => {
  it('opens a run as a new unsaved design, never over unsaved edits without consent', async () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'two-hall.strata.json'), 'utf8'))
    const s = testServices({ document })
    services = s
    const baseName = s.ctx.design.design.meta.name
    const info = await must<{ experimentId: string }>(
      s.dispatch(provider, 'experiments:start', {
        vary: { 'simulation.policy': ['dvfs', 'thr-mmt-0.8'], 'racks[*].cpuAllocationRatio': [3] },
        workers: 1,
      }),
    )
    await expect
      .poll(
        async () => {
          const r = await s.dispatch(provider, 'experiments:list', {})
          return r.ok
            ? (r.value as Array<{ progress: { status: string } }>)[0]?.progress.status
            : ''
        },
        { timeout: 120_000 },
      )
      .toBe('done')
    const results = await must<ExperimentResults>(
      s.dispatch(provider, 'experiments:results', { experimentId: info.experimentId }),
    )
    const run = results.runs[1]!
    expect(run.factors['simulation.policy']).toBe('thr-mmt-0.8')

    // runs side by side: each run's series, simulated again on the pool
    const series = await must<
      Array<{
        runId: string
        timesS: number[]
        activeHosts: number[]
        slaViolationPercent: number[]
      }>
    >(
      s.dispatch(provider, 'experiments:series', {
        experimentId: info.experimentId,
        runIds: [results.runs[1]!.runId, results.runs[0]!.runId],
      }),
    )
    expect(series.map((x) => x.runId)).toEqual([results.runs[1]!.runId, results.runs[0]!.runId])
    const horizonS = s.ctx.design.design.simulation.horizonS
    const hosts = s.ctx.design.design.hosts.length
    for (const x of series) {
      expect(x.timesS.at(-1)).toBe(horizonS)
      expect(Math.max(...x.activeHosts)).toBeLessThanOrEqual(hosts)
      for (const v of x.slaViolationPercent) expect(v >= 0 && v <= 100).toBe(true)
    }
    const one = await s.dispatch(provider, 'experiments:series', {
      experimentId: info.experimentId,
      runIds: [run.runId],
    })
    expect(one.ok ? 'ok' : one.error.code).toBe('bad-request')

    // an unsaved edit: the call is refused and the edit is still there
    await must(
      s.dispatch(provider, 'design:apply', {
        command: { type: 'set-meta', patch: { name: 'my edit' } },
      }),
    )
    const before = s.ctx.design.state.revision
    const refused = await s.dispatch(provider, 'experiments:open-run', {
      experimentId: info.experimentId,
      runId: run.runId,
    })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('conflict')
    expect(s.ctx.design.design.meta.name).toBe('my edit')
    expect(s.ctx.design.state.revision).toBe(before)

    // with consent: the run's resolved design, unsaved and without a file
    const opened = await must<{ designName: string; index: number }>(
      s.dispatch(provider, 'experiments:open-run', {
        experimentId: info.experimentId,
        runId: run.runId,
        discardChanges: true,
      }),
    )
    const d = s.ctx.design.design
    expect(opened.index).toBe(1)
    expect(d.meta.name).toBe(`${baseName} · run 2 (thr-mmt-0.8 · 3)`)
    expect(opened.designName).toBe(d.meta.name)
    expect(s.ctx.design.state).toMatchObject({ dirty: true, canUndo: false })
    expect(s.ctx.design.state.filePath).toBeUndefined()
    expect(d.simulation.policy).toBe('thr-mmt-0.8')
    expect(d.simulation.seed).toBe(run.seed)
    expect(d.racks.length).toBeGreaterThan(0)
    for (const rack of d.racks) expect(rack.cpuAllocationRatio).toBe(3)
    // same design + seed = same result: simulating what was opened gives the run's figures
    const again = new SimulationDriver(openSimulation(d, { hostSeries: false })).complete()
    expect(again.summary.energyKWh).toBe(run.summary.energyKWh)
    expect(again.summary.migrations).toBe(run.summary.migrations)

    const missing = await s.dispatch(provider, 'experiments:open-run', {
      experimentId: info.experimentId,
      runId: 'no-such-run',
      discardChanges: true,
    })
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found')
  }, 180_000)
})
