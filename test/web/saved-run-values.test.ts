/**
 * A saved `lastRun` of the right shape and fingerprint but impossible values (review s7b #2)
 * is dropped on open with a warning naming the file and the JSON path, and the design still
 * opens; its report is made from a fresh run. Before, each of these opened silently and fed
 * the reports: "-1e+308 hosts" 136 times in the provider report, ghost hosts and instances,
 * and a 3,000,000-sample series on a 13-host design that kept a report busy 168 s. The
 * saved run the app itself wrote opens whole (no false alarm). Real web host, real files; the
 * expected paths follow from each edit, the sample's 1-day run in 300 s steps having
 * 86,400 / 300 + 1 = 289 step instants.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_HORIZON_S } from '../../src/shared/design/simulation-limits'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

let callId = 1
const ctx = useProviderHost('strata-saved-run-values-')
const call = (name: string, request: unknown = {}) =>
  wsCall(ctx.provider, callId++, name, request) as Promise<{
    ok: boolean
    value?: {
      warnings?: Array<{ path: string; message: string }>
      hasResults?: boolean
      contents?: string
      notes?: string[]
    }
    error?: { code: string; message: string }
  }>

interface SavedRun {
  designFingerprint: string
  placement: { placed: Array<Record<string, unknown>> }
  simulation: {
    summary: Record<string, number>
    series: Record<string, unknown>
  }
}

/** Every number above 1 made −1e308, as the review's `negative` file. */
const negative = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'number' && x > 1 ? -1e308 : x))

describe('a saved run of the right shape with impossible values', () => {
  it(
    'is dropped with a warning naming the file and path; the design opens; reports rerun',
    { timeout: 300_000 },
    async () => {
      expect((await call('reports:export', { format: 'csv' })).ok).toBe(true)
      const saved = join(ctx.dir, 'with-run.strata.json')
      expect((await call('files:save-as', { path: saved })).ok).toBe(true)
      const doc = JSON.parse(readFileSync(saved, 'utf8')) as { lastRun: SavedRun }
      const whole = await call('files:open', { path: saved, discardChanges: true })
      expect(whole.value?.hasResults).toBe(true)
      expect(whole.value?.warnings).toEqual([])
      const run = doc.lastRun
      expect(run.simulation.summary).toMatchObject({ horizonS: 86_400, stepS: 300 })
      expect((run.simulation.series.timesS as number[]).length).toBe(86_400 / 300 + 1)

      const edit = (change: (r: SavedRun) => void): SavedRun => {
        const copy = structuredClone(run)
        change(copy)
        return copy
      }
      const variants: Record<string, { lastRun: SavedRun; path: string }> = {
        negative: {
          lastRun: { ...run, simulation: negative(run.simulation) as SavedRun['simulation'] },
          // Counts come first: "-1e+308 hosts" was the review's headline.
          path: 'lastRun.simulation.summary.hosts',
        },
        foreignHost: {
          lastRun: edit(
            (r) => ((r.placement.placed[0] as Record<string, unknown>).hostId = 'no-such-host'),
          ),
          path: 'lastRun.placement.placed.0.hostId',
        },
        foreignInstance: {
          lastRun: edit((r) => {
            const p = r.placement.placed[0] as Record<string, unknown>
            p.instanceId = `${String(p.workloadId)}#999`
          }),
          path: 'lastRun.placement.placed.0.instanceId',
        },
        seriesCut: {
          lastRun: edit((r) => (r.simulation.series.totalPowerW = [1, 2, 3])),
          path: 'lastRun.simulation.series.totalPowerW',
        },
        bigArrays: {
          lastRun: edit((r) => {
            r.simulation.series.timesS = Array.from({ length: 300_000 }, (_, i) => i)
          }),
          path: 'lastRun.simulation.series.timesS',
        },
        overHorizon: {
          lastRun: edit((r) => (r.simulation.summary.horizonS = MAX_HORIZON_S + 1)),
          path: 'lastRun.simulation.summary.horizonS',
        },
      }
      for (const [name, { lastRun, path }] of Object.entries(variants)) {
        const file = join(ctx.dir, `${name}.strata.json`)
        const { lastRun: _drop, ...design } = doc
        const text = JSON.stringify(design).replace(/}$/, `,"lastRun":${JSON.stringify(lastRun)}}`)
        writeFileSync(file, text)
        const opened = await call('files:open', { path: file, discardChanges: true })
        expect(opened.ok ? 'ok' : JSON.stringify(opened.error), name).toBe('ok')
        expect(opened.value?.hasResults, name).toBe(false)
        const warning = opened.value?.warnings?.[0]
        expect(warning?.path, name).toBe(path)
        expect(warning?.message, name).toContain(`${name}.strata.json: saved results hold values`)
        if (name === 'negative' || name === 'bigArrays') {
          const report = await call('reports:export', { format: 'html' })
          expect(report.ok ? 'ok' : report.error?.message, name).toBe('ok')
          expect(report.value?.contents ?? '', name).not.toContain('-1e+308')
          expect(report.value?.contents ?? '', name).toContain('13 hosts')
        }
      }
      expect((await ctx.host.stats()).internals).toEqual([])
    },
  )
})
