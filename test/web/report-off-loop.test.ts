/**
 * A big report does not hold the web host (review s5, finding 1): while a tenant link exports
 * the report of a 2,000-host design (placed and simulated by the report itself, as no run was
 * saved), another session's `app:info` calls keep being answered while it places and while it
 * simulates. Counted in answers, not in times: with the report made on main's event loop the
 * placement was one synchronous call, so at most one answer came back during it.
 * A real web host in its own process, real sockets, the report worker loaded from source.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let provider: WebSocket
let probe: WebSocket
let dir: string
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-big-report-'))
  host = await startChildHost()
  provider = await wsConnect(api(host.providerToken))
  probe = await wsConnect(api(host.providerToken))
})
afterAll(async () => {
  provider?.close()
  probe?.close()
  await host?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a tenant report of a big design', () => {
  it('is made while another session is answered', { timeout: 600_000 }, async () => {
    const design = generateDesign({
      hosts: 2000,
      racks: 50,
      tenants: 1,
      instances: 16_000,
      seed: 1,
      horizonH: 24,
    })
    const path = join(dir, 'big.strata.json')
    writeFileSync(path, JSON.stringify(design))
    const opened = await wsCall(provider, 'open', 'files:open', { path, discardChanges: true })
    expect(opened.ok).toBe(true)
    const minted = await wsCall(provider, 'mint', 'tenancy:mint-token', {
      tenantId: design.tenants[0]?.id,
    })
    expect(minted.ok).toBe(true)
    const token = new URL((minted.value as { url: string }).url).searchParams.get('token') ?? ''
    const tenant = await wsConnect(api(token))
    try {
      // What arrives, in order: the report's stages (on the tenant's socket) and the other
      // session's answers (on its own); both sockets are loopback TCP from one process.
      const arrivals: string[] = []
      tenant.on('message', (data) => {
        const m = JSON.parse(String(data)) as { event?: string; payload?: { stage: string } }
        if (m.event === 'reports:progress' && m.payload && arrivals.at(-1) !== m.payload.stage)
          arrivals.push(m.payload.stage)
      })
      let answer: Awaited<ReturnType<typeof wsCall>> | undefined
      const report = wsCall(tenant, 'report', 'reports:export', { format: 'html' }).then(
        (r) => (answer = r),
      )
      for (let k = 0; !answer; k++) {
        const info = await wsCall(probe, k, 'app:info', {})
        expect(info.ok).toBe(true)
        arrivals.push('answer')
      }
      await report
      /** Answers between the first `from` stage and the first `to` stage. */
      const answersBetween = (from: string, to: string): number => {
        const start = arrivals.indexOf(from)
        const end = arrivals.indexOf(to)
        expect(start).toBeGreaterThanOrEqual(0)
        expect(end).toBeGreaterThan(start)
        return arrivals.slice(start, end).filter((a) => a === 'answer').length
      }
      // On main's event loop the placement was one synchronous call: at most one answer got
      // between its stage and the next; a slice of 1,000 events held main about as long.
      const whilePlacing = answersBetween('placement', 'simulation')
      const whileSimulating = answersBetween('simulation', 'report')
      expect(whilePlacing).toBeGreaterThan(5)
      expect(whileSimulating).toBeGreaterThan(5)
      expect(answer).toMatchObject({ ok: true, value: { format: 'html' } })
      expect(String((answer.value as { contents: string }).contents)).toContain('<html')
    } finally {
      tenant.close()
    }
    expect(host.exited()).toBeUndefined()
  })
})
