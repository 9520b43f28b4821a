/**
 * Fuzzing the web host through real WebSockets (issue 11): 10,000 seeded messages (about half
 * well-formed, a third mutated, the rest wrong names and garbage) from provider and tenant
 * sessions at once, against a host in its own process. Goals: the process never exits, no
 * promise rejection goes unhandled, every message is answered with a typed result and none
 * `internal` (a handler throwing on client input, or the tenancy guard withholding an answer
 * it should project: each one a bug), and resident memory grows by less than 100 MiB
 * (reported). Prints the answers per call, outcome and message kind, and how many messages
 * reached each call's handler. Nothing outside the host's own temp folder is touched: the
 * machine's /dev/null and /dev/zero are checked to still be devices afterwards.
 */
import { statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { CALL_NAMES } from '../../src/shared/contract'
import { nextMessage, seeded, validRequests } from './fuzz-corpus'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

const MESSAGES = Number(process.env.STRATA_FUZZ_MESSAGES) || 10_000
const SEED = Number(process.env.STRATA_FUZZ_SEED) || 11
const CLIENTS = 6 // 4 provider, 2 tenant
const CODES = new Set([
  'bad-request',
  'unknown-call',
  'unauthorized',
  'forbidden',
  'not-found',
  'invalid-design',
  'conflict',
  'cancelled',
  'unavailable',
  'io',
  'internal',
])

let host: ChildHost
beforeAll(async () => {
  host = await startChildHost()
})
afterAll(async () => {
  await host?.stop()
})

interface Answer {
  type: string
  id: unknown
  result?: { ok: boolean; error?: { code: string; message: string } }
}

/** Sends `text` and waits for the next call answer (or the socket's close). */
function exchange(ws: WebSocket, text: string): Promise<Answer | 'closed'> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as Answer
      if (m.type !== 'strata:call') return
      done(m)
    }
    const onClose = () => done('closed')
    const done = (a: Answer | 'closed') => {
      ws.off('message', onMessage)
      ws.off('close', onClose)
      resolve(a)
    }
    ws.on('message', onMessage)
    ws.on('close', onClose)
    ws.send(text)
  })
}

describe('web host fuzz', () => {
  it('has well-formed requests for every call of the contract (a new call is fuzzed too)', () => {
    const corpus = validRequests('/nowhere')
    expect(CALL_NAMES.filter((name) => (corpus[name] ?? []).length === 0)).toEqual([])
  })

  it(`survives ${MESSAGES} random and mutated contract messages from provider and tenant sessions`, async () => {
    const api = (token: string) => `${host.origin.replace('http', 'ws')}/api?token=${token}`
    const tokens = [
      ...Array.from({ length: CLIENTS - 2 }, () => host.providerToken),
      host.tenantToken,
      host.tenantToken,
    ]
    const devices = ['/dev/null', '/dev/zero']
    const areDevices = () => devices.map((d) => statSync(d).isCharacterDevice())
    expect(areDevices()).toEqual([true, true])
    // Warm up (first calls load modules), then take the memory baseline.
    const warm = await wsConnect(api(host.providerToken))
    await wsCall(warm, 0, 'reports:export', { format: 'csv' })
    await wsCall(warm, 1, 'scheduler:place', {})
    warm.close()
    const before = await host.stats()

    const rng = seeded(SEED)
    let sent = 0
    const outcomes = { ok: 0, typedErrors: 0, untyped: 0, closed: 0, revoked: 0 }
    const byCode: Record<string, number> = {}
    const byKind: Record<string, number> = {}
    /** Answers per call, then per outcome (`ok` or the error code), then per message kind. */
    const answers: Record<string, Record<string, Record<string, number>>> = {}
    const internalAnswers: Array<{ call: string; kind: string; text: string; message: string }> = []
    const count = (call: string, outcome: string, kind: string) => {
      const perCall = (answers[call || '(garbage)'] ??= {})
      const perOutcome = (perCall[outcome] ??= {})
      perOutcome[kind] = (perOutcome[kind] ?? 0) + 1
    }
    const timeByCall: Record<string, number> = {}
    /**
     * A tenant link again, after opening another design revoked the old one (review s5 #4):
     * the provider mints one for a tenant of the design now open; with no tenant, none.
     */
    async function remint(): Promise<string | undefined> {
      const provider = await wsConnect(api(host.providerToken))
      try {
        const got = await wsCall(provider, 'get', 'design:get', {})
        const tenants = (got.value as { design?: { tenants?: Array<{ id: string }> } }).design
          ?.tenants
        const tenantId = tenants?.find((t) => t.id === 't-globex')?.id ?? tenants?.[0]?.id
        if (tenantId === undefined) return undefined
        const minted = await wsCall(provider, 'mint', 'tenancy:mint-token', { tenantId })
        if (!minted.ok) return undefined
        return new URL((minted.value as { url: string }).url).searchParams.get('token') ?? undefined
      } finally {
        provider.close()
      }
    }
    async function client(first: string): Promise<void> {
      const tenant = first === host.tenantToken
      let token = first
      /**
       * Connects with `token`. Only a tenant link is ever refused (another client opened another
       * design, which revokes every tenant link, before this one connected, or again before it
       * reconnects): it gets a new one. `undefined`: no tenant to mint a link for.
       */
      async function connect(): Promise<WebSocket | undefined> {
        for (let attempt = 0; ; attempt++) {
          try {
            const socket = await wsConnect(api(token))
            socket.on('error', () => undefined)
            return socket
          } catch (error) {
            if (!tenant || !/401/.test(String(error)) || attempt >= 50) throw error
            outcomes.revoked++
            const again = await remint()
            if (again === undefined) return undefined
            token = again
          }
        }
      }
      const opened = await connect()
      if (!opened) return
      let ws = opened
      while (sent < MESSAGES) {
        const id = ++sent
        const message = nextMessage(rng, id, host.root, tenant)
        byKind[message.kind] = (byKind[message.kind] ?? 0) + 1
        const t0 = Date.now()
        const answer = await exchange(ws, message.text)
        const ms = Date.now() - t0
        timeByCall[message.call] = (timeByCall[message.call] ?? 0) + ms
        if (answer === 'closed') {
          outcomes.closed++
          count(message.call, 'closed', message.kind)
          const again = await connect()
          if (!again) return
          ws = again
          continue
        }
        const result = answer.result
        if (result?.ok === true) outcomes.ok++
        else if (result?.ok === false && CODES.has(result.error?.code ?? '')) {
          outcomes.typedErrors++
          byCode[result.error!.code] = (byCode[result.error!.code] ?? 0) + 1
          if (result.error!.code === 'internal')
            internalAnswers.push({
              call: message.call,
              kind: message.kind,
              text: message.text.slice(0, 400),
              message: result.error!.message.slice(0, 300),
            })
        } else outcomes.untyped++
        count(
          message.call,
          result?.ok === true ? 'ok' : (result?.error?.code ?? 'untyped'),
          message.kind,
        )
      }
      ws.close()
    }
    const started = Date.now()
    await Promise.all(tokens.map((t) => client(t)))
    const durationS = (Date.now() - started) / 1000
    // Wait until every run the fuzz started has ended (its worker thread gone).
    const watcher = await wsConnect(api(host.providerToken))
    for (let i = 0; i < 100; i++) {
      const runs = (await wsCall(watcher, `w${i}`, 'simulation:list', {})).value as Array<{
        runId: string
        status: string
      }>
      const active = runs.filter((r) => r.status === 'running' || r.status === 'paused')
      if (active.length === 0) break
      for (const run of active)
        await wsCall(watcher, `c${i}${run.runId}`, 'simulation:cancel', { runId: run.runId })
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    watcher.close()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const after = await host.stats()

    const reached = Object.entries(after.handled)
      .map(([k, v]) => [k, v - (before.handled[k] ?? 0)] as const)
      .filter(([, v]) => v > 0)
      .sort(([a], [b]) => a.localeCompare(b))
    const reachedTotal = reached.reduce((s, [, v]) => s + v, 0)
    const growthMiB = (after.rssBytes - before.rssBytes) / 2 ** 20
    console.log(
      JSON.stringify(
        {
          messages: sent,
          durationS,
          byKind,
          outcomes,
          byCode,
          reachedHandlers: reachedTotal,
          reachedByCall: Object.fromEntries(reached),
          rssBeforeMiB: Math.round(before.rssBytes / 2 ** 20),
          rssAfterMiB: Math.round(after.rssBytes / 2 ** 20),
          rssGrowthMiB: Math.round(growthMiB * 10) / 10,
          heapBeforeMiB: Math.round(before.heapUsedBytes / 2 ** 20),
          heapAfterMiB: Math.round(after.heapUsedBytes / 2 ** 20),
          hostStats: after.stats,
          // One line per call: outcome -> {message kind: count}.
          answersByCall: Object.fromEntries(
            Object.entries(answers)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([c, byOutcome]) => [c, JSON.stringify(byOutcome)]),
          ),
          unhandledRejections: after.unhandledRejections,
          internalAnswers: internalAnswers.slice(0, 20),
          internalsInHost: after.internals.slice(0, 20),
          timeByCall,
        },
        null,
        1,
      ),
    )
    expect(host.exited()).toBeUndefined()
    expect(after.unhandledRejections).toBe(0)
    expect(after.stats.caught).toBe(0)
    expect(internalAnswers, 'answers `internal` (each a bug)').toEqual([])
    expect(after.internals).toEqual([])
    expect(areDevices()).toEqual([true, true])
    expect(outcomes.untyped).toBe(0)
    expect(sent).toBeGreaterThanOrEqual(MESSAGES)
    // Most messages are well-formed enough to reach a handler.
    expect(reachedTotal).toBeGreaterThan(MESSAGES / 2)
    // The goal is under 100 MiB (reported above); this bound only catches a runaway leak, since
    // finished simulation runs are kept and a loaded machine collects garbage late.
    expect(growthMiB).toBeLessThan(400)
    // Still serving.
    const ws = await wsConnect(api(host.providerToken))
    expect(await wsCall(ws, 'last', 'app:info', {})).toMatchObject({ ok: true })
    ws.close()
  }, 600_000) // 10,000 messages take about a minute alone, several on a machine shared by 8
})
