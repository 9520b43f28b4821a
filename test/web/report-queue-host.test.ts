/**
 * The report queue through a real web host (review s7b #1): a tenant link starts two reports,
 * which take both report threads; the provider's reports wait behind them. The provider
 * learns each waiting job's id from its `queued` progress event and can cancel it while it
 * waits; when the tenant's socket is terminated (its jobs aborted, their threads ended), the
 * provider's waiting report starts at once with nothing else submitted (before the fix it
 * waited for the next submission: 0 progress events in 120 s), and a cancel of it running
 * ends it and its thread. A real host in its own process, real sockets, the report worker from
 * source; counted in jobs, threads and events, with liveness bounds only.
 */
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { statsUntil, writeSlowDesign } from './slow-reports'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-report-queue-')
const api = (token: string) =>
  `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

interface Progress {
  jobId: string
  stage: string
  fraction: number
}

/** Every `reports:progress` event `ws` receives from now on, and a wait for one. */
function progressOf(ws: WebSocket) {
  const seen: Progress[] = []
  const waiting: Array<{ test: (p: Progress) => boolean; resolve: (p: Progress) => void }> = []
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { event?: string; payload?: Progress }
    if (m.event !== 'reports:progress' || !m.payload) return
    const p = m.payload
    seen.push(p)
    for (const w of waiting.filter((x) => x.test(p))) {
      waiting.splice(waiting.indexOf(w), 1)
      w.resolve(p)
    }
  })
  const next = (test: (p: Progress) => boolean, ms: number): Promise<Progress | 'none'> => {
    const already = seen.find(test)
    if (already) return Promise.resolve(already)
    return Promise.race([
      new Promise<Progress>((resolve) => waiting.push({ test, resolve })),
      new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), ms)),
    ])
  }
  return { seen, next }
}

/** Liveness bound: a freed thread starts within seconds (from source, at load ~15). */
const LIVENESS_MS = 90_000

describe('waiting reports when a tenant socket closes mid-report', () => {
  it(
    'a waiting report can be cancelled; the other starts when the tenant\u2019s jobs end',
    { timeout: 600_000 },
    async () => {
      // A month of 400 hosts: its reports run far longer than this test waits.
      const { design, path } = writeSlowDesign(ctx.dir)
      const { provider } = ctx
      const opened = await wsCall(provider, 'open', 'files:open', { path, discardChanges: true })
      expect(opened.ok).toBe(true)
      const minted = await wsCall(provider, 'mint', 'tenancy:mint-token', {
        tenantId: design.tenants[0]?.id,
      })
      const token = new URL((minted.value as { url: string }).url).searchParams.get('token') ?? ''
      const tenant = await wsConnect(api(token))
      const tenantProgress = progressOf(tenant)
      const providerProgress = progressOf(provider)
      void wsCall(tenant, 't1', 'reports:export', { format: 'csv' })
      void wsCall(tenant, 't2', 'reports:export', { format: 'csv' })
      const simulatingJobs = new Set<string>()
      await tenantProgress.next((p) => {
        if (p.stage === 'simulation') simulatingJobs.add(p.jobId)
        return simulatingJobs.size === 2
      }, 300_000)
      expect((await ctx.host.stats()).reportThreads).toBe(2)

      // Two provider reports wait; each says so with its id.
      const first = wsCall(provider, 'p1', 'reports:export', { format: 'csv' })
      const firstQueued = await providerProgress.next((p) => p.stage === 'queued', LIVENESS_MS)
      const second = wsCall(provider, 'p2', 'reports:export', { format: 'csv' })
      const secondQueued = await providerProgress.next(
        (p) => p.stage === 'queued' && p !== firstQueued,
        LIVENESS_MS,
      )
      if (firstQueued === 'none' || secondQueued === 'none') throw new Error('no queued event')
      expect((await ctx.host.stats()).reportJobs).toBe(4)

      // A waiting job cancelled leaves the queue.
      const cancelWaiting = await wsCall(provider, 'c2', 'reports:cancel', {
        jobId: secondQueued.jobId,
      })
      expect(cancelWaiting).toMatchObject({ ok: true, value: { cancelled: true } })
      expect((await second).error?.code).toBe('cancelled')
      expect((await ctx.host.stats()).reportJobs).toBe(3)

      // The tenant's socket goes: its two jobs end, and the provider's waiting job starts.
      tenant.terminate()
      const started = await providerProgress.next(
        (p) => p.jobId === firstQueued.jobId && p.stage !== 'queued',
        LIVENESS_MS,
      )
      expect(started).not.toBe('none')
      const alone = await statsUntil(ctx.host, (s) => s.reportJobs === 1 && s.reportThreads === 1)
      expect({ jobs: alone.reportJobs, threads: alone.reportThreads }).toEqual({
        jobs: 1,
        threads: 1,
      })

      // A running job cancelled ends, and so does its thread.
      const cancelRunning = await wsCall(provider, 'c1', 'reports:cancel', {
        jobId: firstQueued.jobId,
      })
      expect(cancelRunning).toMatchObject({ ok: true, value: { cancelled: true } })
      expect((await first).error?.code).toBe('cancelled')
      const empty = await statsUntil(ctx.host, (s) => s.reportJobs === 0 && s.reportThreads === 0)
      expect({ jobs: empty.reportJobs, threads: empty.reportThreads }).toEqual({
        jobs: 0,
        threads: 0,
      })
      expect(tenantProgress.seen.every((p) => p.jobId !== firstQueued.jobId)).toBe(true)
      expect(ctx.host.exited()).toBeUndefined()
    },
  )
})
