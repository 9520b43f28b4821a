/**
 * Report jobs end when nobody wants them (review s6 #1): a tenant link that closes its last
 * socket mid-report has its job cancelled, and the pool thread running it terminated, while
 * the provider's own report on the other thread runs on; when the provider's socket closes,
 * its job ends the same way. Before, the orphaned job
 * ran on for 17 minutes holding 1.7 GB. A real web host in its own process, real sockets, the
 * report worker loaded from source; counted in the host's jobs and threads, never timed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { statsUntil, writeSlowDesign } from './slow-reports'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let provider: WebSocket
let dir: string
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-report-pool-'))
  host = await startChildHost()
  provider = await wsConnect(api(host.providerToken))
})
afterAll(async () => {
  provider?.close()
  await host?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Resolves when `ws` receives a `reports:progress` event of the simulation stage. */
function simulating(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const m = JSON.parse(String(data)) as { event?: string; payload?: { stage?: string } }
      if (m.event === 'reports:progress' && m.payload?.stage === 'simulation') {
        ws.off('message', onMessage)
        resolve()
      }
    }
    ws.on('message', onMessage)
  })
}

describe('a report whose caller has gone', () => {
  it(
    'is cancelled and its thread terminated; the other caller\u2019s report runs on',
    { timeout: 600_000 },
    async () => {
      // A month of 400 hosts: its reports run far longer than this test waits.
      const { design, path } = writeSlowDesign(dir)
      const opened = await wsCall(provider, 'open', 'files:open', { path, discardChanges: true })
      expect(opened.ok).toBe(true)
      const minted = await wsCall(provider, 'mint', 'tenancy:mint-token', {
        tenantId: design.tenants[0]?.id,
      })
      const token = new URL((minted.value as { url: string }).url).searchParams.get('token') ?? ''
      const tenant = await wsConnect(api(token))
      const tenantInSimulation = simulating(tenant)
      void wsCall(tenant, 'export', 'reports:export', { format: 'csv' })
      const providerInSimulation = simulating(provider)
      const providerReport = wsCall(provider, 'own', 'reports:export', { format: 'csv' })
      await Promise.all([tenantInSimulation, providerInSimulation])
      expect((await host.stats()).reportThreads).toBe(2)

      tenant.close()
      const after = await statsUntil(host, (s) => s.reportJobs === 1 && s.reportThreads === 1)
      expect({ jobs: after.reportJobs, threads: after.reportThreads }).toEqual({
        jobs: 1,
        threads: 1,
      })
      // The provider's job was not touched; its socket closing ends it the same way.
      provider.close()
      const empty = await statsUntil(host, (s) => s.reportJobs === 0 && s.reportThreads === 0)
      expect({ jobs: empty.reportJobs, threads: empty.reportThreads }).toEqual({
        jobs: 0,
        threads: 0,
      })
      void providerReport
      expect(host.exited()).toBeUndefined()
    },
  )
})
