/**
 * A saved `lastRun` with the right fingerprint but a broken shape (review s7a #7) is dropped on
 * open with a warning naming the file and the JSON path, the design opens, and reports work
 * (before: `hasResults: true`, no warning, then every report failed "p.unplaced is not
 * iterable"). A whole saved run still opens with its results. Real web host, real files.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

let callId = 1
const ctx = useProviderHost('strata-saved-run-')
const dir = ctx.dir
const call = (name: string, request: unknown = {}) =>
  wsCall(ctx.provider, callId++, name, request) as Promise<{
    ok: boolean
    value?: { warnings?: Array<{ path: string; message: string }>; hasResults?: boolean }
    error?: { code: string; message: string }
  }>

describe('a saved run of the wrong shape', () => {
  it(
    'is dropped with a warning naming the file and path; the design opens and reports work',
    { timeout: 180_000 },
    async () => {
      // A real saved run: the report runs the design and keeps its results for the next save.
      expect((await call('reports:export', { format: 'csv' })).ok).toBe(true)
      const saved = join(dir, 'with-run.strata.json')
      expect((await call('files:save-as', { path: saved })).ok).toBe(true)
      const doc = JSON.parse(readFileSync(saved, 'utf8')) as { lastRun: Record<string, unknown> }
      expect(doc.lastRun.placement).toBeDefined()
      const whole = await call('files:open', { path: saved, discardChanges: true })
      expect(whole.value?.hasResults).toBe(true)
      expect(whole.value?.warnings).toEqual([])

      const variants = {
        empty: { placement: {}, simulation: {} },
        badTypes: { placement: { ...(doc.lastRun.placement as object), unplaced: 5 } },
      }
      for (const [name, broken] of Object.entries(variants)) {
        const file = join(dir, `${name}.strata.json`)
        const lastRun = { designFingerprint: doc.lastRun.designFingerprint, ...broken }
        writeFileSync(file, JSON.stringify({ ...doc, lastRun }))
        const opened = await call('files:open', { path: file, discardChanges: true })
        expect(opened.ok, name).toBe(true)
        expect(opened.value?.hasResults, name).toBe(false)
        const warning = opened.value?.warnings?.[0]
        expect(warning?.path, name).toMatch(/^lastRun\.placement\./)
        expect(warning?.message, name).toContain(`${name}.strata.json: saved results are malformed`)
        const report = await call('reports:export', { format: 'csv' })
        expect(report.ok ? 'ok' : report.error?.message, name).toBe('ok')
      }
      expect((await ctx.host.stats()).internals).toEqual([])
    },
  )
})
