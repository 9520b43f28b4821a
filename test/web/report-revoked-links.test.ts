/**
 * Report jobs of revoked tenant links end and free the tenants' cap (review s7a #10 A): two
 * links of one tenant start two reports each (the cap of four tenant reports: two run, two
 * wait); the provider opens another design, which revokes every link and closes its sockets.
 * Their four jobs are aborted (running and waiting alike) and a fresh link of the new design
 * gets its report, where before it was refused "too many reports are in progress" for 15.7 s
 * (minutes on a large design) and nobody could cancel the orphans. A real host in its own
 * process, real sockets; counted in the host's jobs and threads, with liveness bounds only.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { statsUntil, writeSlowDesign } from './slow-reports'
import { MAX_TENANT_REPORTS } from '../../src/main/services/reports/report-jobs'
import { ROOT, wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-report-revoked-')
const api = (token: string) =>
  `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

async function link(tenantId: string): Promise<WebSocket> {
  const minted = await wsCall(
    ctx.provider,
    `m-${tenantId}-${Math.random()}`,
    'tenancy:mint-token',
    {
      tenantId,
    },
  )
  const token = new URL((minted.value as { url: string }).url).searchParams.get('token') ?? ''
  return wsConnect(api(token))
}

describe('report jobs of links revoked by an open', () => {
  it(
    'are aborted, running and waiting alike; a new link of the new design gets its report',
    { timeout: 600_000 },
    async () => {
      // A month of 400 hosts: its reports run far longer than this test waits.
      const { design: slow, path } = writeSlowDesign(ctx.dir)
      const { provider } = ctx
      expect((await wsCall(provider, 'o1', 'files:open', { path, discardChanges: true })).ok).toBe(
        true,
      )
      const tenantId = slow.tenants[0]?.id ?? ''
      const links = [await link(tenantId), await link(tenantId)]
      const answers = links.flatMap((ws, i) =>
        [0, 1].map((j) => wsCall(ws, `r${i}${j}`, 'reports:export', { format: 'csv' })),
      )
      const full = await statsUntil(
        ctx.host,
        (s) => s.reportJobs === MAX_TENANT_REPORTS && s.reportThreads === 2,
      )
      expect({ jobs: full.reportJobs, threads: full.reportThreads }).toEqual({
        jobs: MAX_TENANT_REPORTS,
        threads: 2,
      })
      // The tenants' cap is full: a third link of the tenant is refused.
      const third = await link(tenantId)
      const refused = await wsCall(third, 'r3', 'reports:export', { format: 'csv' })
      expect(refused.error?.code).toBe('unavailable')
      third.close()

      // Another design: every link is revoked and its sockets closed; their jobs end.
      const sample = join(ROOT, 'resources/samples/two-hall.strata.json')
      const other = await wsCall(provider, 'o2', 'files:open', {
        path: sample,
        discardChanges: true,
      })
      expect(other.ok, JSON.stringify(other.error)).toBe(true)
      const empty = await statsUntil(ctx.host, (s) => s.reportJobs === 0 && s.reportThreads === 0)
      expect({ jobs: empty.reportJobs, threads: empty.reportThreads }).toEqual({
        jobs: 0,
        threads: 0,
      })
      // Their calls get no answer: their sockets are closed.
      void answers

      // A fresh link of the new design is not held back by the old links' jobs.
      const fresh = await link('t-acme')
      const own = await wsCall(fresh, 'f', 'reports:export', { format: 'csv' })
      fresh.close()
      expect(own.ok ? 'ok' : own.error).toBe('ok')
      expect(ctx.host.exited()).toBeUndefined()
    },
  )
})
