/**
 * A tenant's `scheduler:explain` never places and never changes what others see (review s7a
 * #1), through the real web host: the host runs in a child process and every party is a real
 * WebSocket client. Before the fix, Acme's explain on the unplaced sample placed the whole
 * design on main's thread, pushed `tenancy:changed` to Globex (whose view went from "unknown"
 * to "placed") and gave the provider a `scheduler:last` it never made. A meta-only edit (the
 * description) does not make the provider's placement stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let provider: WebSocket
let acme: WebSocket
let globex: WebSocket
let callId = 1
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`
const call = (ws: WebSocket, name: string, request: unknown = {}) =>
  wsCall(ws, callId++, name, request)

/** Every event (not call answer) a client receives, by name. */
function events(ws: WebSocket): string[] {
  const seen: string[] = []
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; event?: string }
    if (m.type !== 'strata:call') seen.push(String(m.event))
  })
  return seen
}

async function tenant(tenantId: string): Promise<WebSocket> {
  const minted = await call(provider, 'tenancy:mint-token', { tenantId })
  expect(minted.ok).toBe(true)
  const token = new URL((minted.value as { url: string }).url).searchParams.get('token')
  return wsConnect(api(token as string))
}

const placements = async (ws: WebSocket): Promise<string[]> => {
  const view = await call(ws, 'tenancy:view', {})
  return (view.value as { instances: Array<{ placement: string }> }).instances.map(
    (i) => i.placement,
  )
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

beforeAll(async () => {
  host = await startChildHost()
  provider = await wsConnect(api(host.providerToken))
  acme = await tenant('t-acme')
  globex = await tenant('t-globex')
}, 60_000)
afterAll(async () => {
  for (const ws of [provider, acme, globex]) ws?.close()
  await host?.stop()
})

describe("a tenant's explain through the web host", () => {
  it('on an unplaced design answers "not placed yet" and changes nothing anyone sees', async () => {
    const before = await placements(globex)
    expect(new Set(before)).toEqual(new Set(['unknown']))
    expect(await call(provider, 'scheduler:last')).toEqual({ ok: true, value: null })
    const toGlobex = events(globex)
    const toProvider = events(provider)
    const answer = await call(acme, 'scheduler:explain', { instanceId: 'w-acme-db#0' })
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('unavailable')
    expect(answer.error?.message).toMatch(/not been placed/)
    await settle()
    expect(toGlobex).toEqual([])
    expect(toProvider).toEqual([])
    expect(await placements(globex)).toEqual(before)
    expect(await call(provider, 'scheduler:last')).toEqual({ ok: true, value: null })
    const stats = await host.stats()
    expect(stats.internals).toEqual([])
  })

  it("is answered from the provider's placement, which a description edit keeps", async () => {
    const placed = await call(provider, 'scheduler:place', {})
    expect(placed.ok).toBe(true)
    const edited = await call(provider, 'design:apply', {
      command: { type: 'set-meta', patch: { description: 'edited by the test' } },
    })
    expect(edited.ok ? 'ok' : edited.error?.message).toBe('ok')
    // The same placement, not a new one: placing again would be a new object with the same
    // content, so compare the whole result with the one `place` answered.
    expect(await call(provider, 'scheduler:last')).toEqual({ ok: true, value: placed.value })
    const toGlobex = events(globex)
    const answer = await call(acme, 'scheduler:explain', { instanceId: 'w-acme-db#0' })
    expect(answer.ok ? 'ok' : answer.error?.message).toBe('ok')
    await settle()
    expect(toGlobex).toEqual([])
  })

  it("after a real edit: the tenant is told to wait, the provider's own explain shows nobody", async () => {
    const design = await call(provider, 'design:get', {})
    const hosts = (design.value as { design: { hosts: Array<{ id: string }> } }).design.hosts
    const edited = await call(provider, 'design:apply', {
      command: { type: 'remove', ids: [hosts[0]!.id] },
    })
    expect(edited.ok ? 'ok' : edited.error?.message).toBe('ok')
    await settle()
    const toGlobex = events(globex)
    const toProvider = events(provider)
    const stale = await call(acme, 'scheduler:explain', { instanceId: 'w-acme-db#0' })
    expect(stale.error?.code).toBe('unavailable')
    expect(stale.error?.message).toMatch(/changed since/)
    // The provider may ask: it is placed for that answer only, and published to nobody.
    const own = await call(provider, 'scheduler:explain', { instanceId: 'w-acme-db#0' })
    expect(own.ok ? 'ok' : own.error?.message).toBe('ok')
    await settle()
    expect(toGlobex).toEqual([])
    expect(toProvider).toEqual([])
    expect(await call(provider, 'scheduler:last')).toEqual({ ok: true, value: null })
    expect(host.exited()).toBeUndefined()
  })
})
