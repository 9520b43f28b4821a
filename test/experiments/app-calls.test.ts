/**
 * Experiments in the app (issue 16): the `experiments:` calls on real services, the local
 * pool and real worker threads; progress events; the comparison checked by arithmetic.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExperimentProgressEvent, ExperimentResults, Result } from '../../src/shared/contract'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'
import { FIXTURES } from './helpers'

const provider = { role: 'provider' } as const
let services: Services | undefined

afterEach(async () => {
  await services?.dispose()
  services = undefined
})

function open(): { s: Services; events: ExperimentProgressEvent[] } {
  const document = JSON.parse(readFileSync(join(FIXTURES, 'two-hall.strata.json'), 'utf8'))
  const s = testServices({ document })
  services = s
  const events: ExperimentProgressEvent[] = []
  s.ctx.hub.subscribe(provider, (event, payload) => {
    if (event === 'experiments:progress') events.push(payload as ExperimentProgressEvent)
  })
  return { s, events }
}

async function must<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

describe('experiments in the app', () => {
  it('runs two factors x 2 repetitions of the open design, with progress and a comparison', async () => {
    const { s, events } = open()
    const info = await must<{ experimentId: string; runs: number; combinations: number }>(
      s.dispatch(provider, 'experiments:start', {
        vary: {
          'simulation.policy': ['thr-mmt-0.8', 'dvfs'],
          'racks[*].cpuAllocationRatio': [1, 4],
        },
        repeat: 2,
        workers: 2,
      }),
    )
    expect(info.runs).toBe(8)
    expect(info.combinations).toBe(4)
    await expect.poll(() => events.at(-1)?.status, { timeout: 120_000 }).toBe('done')
    const last = events.at(-1) as ExperimentProgressEvent
    expect(last).toMatchObject({ total: 8, done: 8, failed: 0, running: 0, etaMs: 0 })
    // progress counts only grow
    for (let i = 1; i < events.length; i++)
      expect((events[i] as ExperimentProgressEvent).done).toBeGreaterThanOrEqual(
        (events[i - 1] as ExperimentProgressEvent).done,
      )

    const results = await must<ExperimentResults>(
      s.dispatch(provider, 'experiments:results', { experimentId: info.experimentId }),
    )
    expect(results.runs).toHaveLength(8)
    expect(results.combinations).toHaveLength(4)
    for (const combo of results.combinations) {
      expect(combo.runs).toBe(2)
      const mine = results.runs.filter(
        (r) => JSON.stringify(r.factors) === JSON.stringify(combo.factors),
      )
      expect(mine).toHaveLength(2)
      // the mean by hand; the CI stays inside the metric's range
      expect(combo.estimates.energyKWh?.mean).toBeCloseTo(
        mean(mine.map((r) => r.summary.energyKWh)),
        9,
      )
      const availability = combo.estimates.meanAvailabilityPercent
      expect(availability?.ci95High ?? 0).toBeLessThanOrEqual(100)
      expect(combo.estimates.migrations?.ci95Low ?? 0).toBeGreaterThanOrEqual(0)
    }
    // the policy factor reached the engine
    expect(new Set(results.runs.map((r) => r.summary.policy))).toEqual(
      new Set(['thr-mmt-0.8', 'dvfs']),
    )
    const one = results.runs[3]!
    const detail = await must<{ runId: string; tenants: unknown[] }>(
      s.dispatch(provider, 'experiments:run', {
        experimentId: info.experimentId,
        runId: one.runId,
      }),
    )
    expect(detail.runId).toBe(one.runId)
    expect(detail.tenants.length).toBeGreaterThan(0)
    const list = await must<Array<{ experimentId: string }>>(
      s.dispatch(provider, 'experiments:list', {}),
    )
    expect(list.map((e) => e.experimentId)).toEqual([info.experimentId])
  }, 180_000)

  it('names a bad factor path and value where the request gives them', async () => {
    const { s } = open()
    const r = await s.dispatch(provider, 'experiments:start', {
      vary: { 'racks[*].noSuchField': [1] },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('bad-request')
    expect(JSON.stringify(r.error.problems)).toContain('vary')
    const neither = await s.dispatch(provider, 'experiments:start', {})
    expect(neither.ok).toBe(false)
  })

  it('cancels a running experiment; tenants may not call it', async () => {
    const { s, events } = open()
    const info = await must<{ experimentId: string }>(
      s.dispatch(provider, 'experiments:start', {
        vary: { 'simulation.seed': Array.from({ length: 40 }, (_, i) => i + 1) },
        workers: 1,
      }),
    )
    const busy = await s.dispatch(provider, 'experiments:start', {
      vary: { 'simulation.seed': [1] },
    })
    expect(busy.ok ? 'ok' : busy.error.code).toBe('unavailable')
    const cancelled = await must<{ cancelled: boolean }>(
      s.dispatch(provider, 'experiments:cancel', { experimentId: info.experimentId }),
    )
    expect(cancelled.cancelled).toBe(true)
    await expect.poll(() => events.at(-1)?.status, { timeout: 60_000 }).toBe('cancelled')
    expect(events.at(-1)!.done).toBeLessThan(40)
    const tenant = await s.dispatch({ role: 'tenant', tenantId: 't-acme' }, 'experiments:list', {})
    expect(tenant.ok ? 'ok' : tenant.error.code).toBe('forbidden')
  }, 120_000)
})
