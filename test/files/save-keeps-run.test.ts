/**
 * Saving after a run keeps the run (review s9u C1: only a report export recorded it, so a save
 * after Run lost both the placement and the results): the real services run the sample, save
 * it, open the file again, and the placement and the Simulation tab's run are those saved.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

/** Round-trips through JSON, as a file does. */
const asSaved = (v: unknown): unknown => JSON.parse(JSON.stringify(v))
/** A run's result as saved: its per-host series too (review s10u A1: the file had none). */
const noHostSeries = (r: unknown): unknown => asSaved(r)

async function call(name: string, request: unknown = {}): Promise<unknown> {
  const r = await (services as Services).dispatch(provider, name as never, request as never)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value
}

async function finishedRun(runId: string): Promise<{ result: unknown; status: string }> {
  for (;;) {
    const info = (await call('simulation:get', { runId })) as { status: string; result?: unknown }
    if (info.status !== 'running' && info.status !== 'paused')
      return info as { result: unknown; status: string }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('save after a run', () => {
  it(
    'keeps the placement and the run; opening the file shows both',
    { timeout: 180_000 },
    async () => {
      services = testServices()
      const started = (await call('simulation:start', { horizonS: 3600 })) as { runId: string }
      const done = await finishedRun(started.runId)
      expect(done.status).toBe('done')
      const placement = await call('scheduler:last')
      expect(placement).toBeTruthy()

      const path = join(mkdtempSync(join(tmpdir(), 'strata-save-run-')), 'run.strata.json')
      await call('files:save-as', { path })
      const doc = JSON.parse(readFileSync(path, 'utf8')) as {
        lastRun?: { placement?: unknown; simulation?: unknown }
      }
      expect(doc.lastRun?.placement).toEqual(asSaved(placement))
      expect(doc.lastRun?.simulation).toEqual(noHostSeries(done.result))

      const opened = (await call('files:open', { path, discardChanges: true })) as {
        hasResults: boolean
        warnings: unknown[]
      }
      expect(opened.hasResults).toBe(true)
      expect(opened.warnings).toEqual([])
      // the views read the placement and the latest run as after a run of their own
      expect(asSaved(await call('scheduler:last'))).toEqual(asSaved(placement))
      const runs = (await call('simulation:list')) as Array<{ runId: string; status: string }>
      expect(runs).toHaveLength(1)
      expect(runs[0]?.status).toBe('done')
      const reopened = (await call('simulation:get', { runId: runs[0]?.runId })) as {
        result: unknown
      }
      expect(asSaved(reopened.result)).toEqual(noHostSeries(done.result))
    },
  )

  it('a placement alone is kept too', { timeout: 60_000 }, async () => {
    services = testServices()
    const placement = await call('scheduler:place')
    const path = join(mkdtempSync(join(tmpdir(), 'strata-save-place-')), 'placed.strata.json')
    await call('files:save-as', { path })
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { lastRun?: Record<string, unknown> }
    expect(doc.lastRun?.placement).toEqual(asSaved(placement))
    expect(doc.lastRun?.simulation).toBeUndefined()
  })
})
