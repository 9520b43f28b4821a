/**
 * Tenant tokens through the real contract (issue 11): the provider lists and revokes them;
 * revoking closes the tenant's open sockets (a socket still closing is served nothing) and
 * refuses the token from then on; tenants can neither list nor revoke; the provider's own
 * token is not revocable this way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import {
  closeCodeOf,
  frame,
  rawWebSocket,
  startChildHost,
  wsCall,
  wsConnect,
  type ChildHost,
} from './helpers'

let host: ChildHost
let provider: WebSocket
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

beforeAll(async () => {
  host = await startChildHost()
  provider = await wsConnect(api(host.providerToken))
})
afterAll(async () => {
  provider?.close()
  await host?.stop()
})

interface Listed {
  id: string
  tenantId: string
  createdAt: string
  connections: number
}

describe('tenant tokens', () => {
  it('are listed without their secrets, and revoking one closes its sockets', async () => {
    const minted = await wsCall(provider, 1, 'tenancy:mint-token', { tenantId: 't-acme' })
    expect(minted.ok).toBe(true)
    const url = new URL((minted.value as { url: string }).url)
    const token = url.searchParams.get('token') as string
    const a = await wsConnect(api(token))
    const b = await wsConnect(api(token))
    const closed = Promise.all(
      [a, b].map((ws) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))),
    )

    const list = await wsCall(provider, 2, 'tenancy:tokens', {})
    expect(list.ok).toBe(true)
    const tokens = list.value as Listed[]
    expect(JSON.stringify(tokens)).not.toContain(token)
    expect(JSON.stringify(tokens)).not.toContain(host.providerToken)
    expect(tokens.map((t) => t.tenantId).sort()).toEqual(['t-acme', 't-globex'])
    const acme = tokens.find((t) => t.tenantId === 't-acme') as Listed
    expect(acme.connections).toBe(2)

    // A tenant may neither list nor revoke.
    expect(await wsCall(a, 3, 'tenancy:tokens', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await wsCall(a, 4, 'tenancy:revoke-token', { id: acme.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })

    expect(await wsCall(provider, 5, 'tenancy:revoke-token', { id: acme.id })).toMatchObject({
      ok: true,
      value: { revoked: true },
    })
    expect(await closed).toEqual([1008, 1008])
    await expect(wsConnect(api(token))).rejects.toThrow(/401/)
    expect((await fetch(url)).status).toBe(401)
    const after = (await wsCall(provider, 6, 'tenancy:tokens', {})).value as Listed[]
    expect(after.map((t) => t.tenantId)).toEqual(['t-globex'])
    expect(await wsCall(provider, 7, 'tenancy:revoke-token', { id: acme.id })).toMatchObject({
      ok: true,
      value: { revoked: false },
    })
  })

  it('the provider token is not revocable by the contract, and the provider stays connected', async () => {
    for (const id of [host.providerToken, 'tok-nothing'])
      expect(await wsCall(provider, 10, 'tenancy:revoke-token', { id })).toMatchObject({
        ok: true,
        value: { revoked: false },
      })
    expect(await wsCall(provider, 11, 'app:info', {})).toMatchObject({ ok: true })
  })

  const mintTenant = async (id: number): Promise<string> => {
    const minted = await wsCall(provider, id, 'tenancy:mint-token', { tenantId: 't-acme' })
    return new URL((minted.value as { url: string }).url).searchParams.get('token') as string
  }
  const closeCode = (ws: WebSocket) =>
    new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))

  it('a tenant message over 64 KiB closes that socket (1009); the server still answers', async () => {
    const tenant = await wsConnect(api(await mintTenant(20)))
    const closed = closeCode(tenant)
    tenant.send(
      JSON.stringify({ id: 1, name: 'tenancy:view', request: { pad: 'x'.repeat(70_000) } }),
    )
    expect(await closed).toBe(1009)
    expect(await wsCall(provider, 21, 'app:info', {})).toMatchObject({ ok: true })
  })

  it('at most 32 sockets per token: the 33rd is closed with 1013', async () => {
    const token = await mintTenant(30)
    const open = await Promise.all(Array.from({ length: 32 }, () => wsConnect(api(token))))
    const extra = await wsConnect(api(token))
    expect(await closeCode(extra)).toBe(1013)
    for (const ws of open) ws.close()
  })

  it('a revoked socket that ignores the close frame is served nothing until it is cut', async () => {
    const listed = async (id: number) =>
      ((await wsCall(provider, id, 'tenancy:tokens', {})).value as Listed[]).map((t) => t.id)
    const known = new Set(await listed(39))
    const token = await mintTenant(40)
    const id = (await listed(41)).find((t) => !known.has(t))
    const socket = await rawWebSocket(host.port, token)
    const received: Buffer[] = []
    const closeFrame = new Promise<void>((resolve) =>
      socket.on('data', (c: Buffer) => {
        received.push(c)
        if (closeCodeOf(Buffer.concat(received)) !== undefined) resolve()
      }),
    )
    const cut = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.on('error', () => undefined)
    const handledBefore = (await host.stats()).handled['tenant:tenancy:view'] ?? 0

    expect(await wsCall(provider, 42, 'tenancy:revoke-token', { id })).toMatchObject({
      ok: true,
      value: { revoked: true },
    })
    await closeFrame
    expect(closeCodeOf(Buffer.concat(received))).toBe(1008)
    // The client does not answer the close frame and keeps calling (the server is CLOSING).
    const calls = Array.from({ length: 5 }, (_, i) =>
      frame(0x1, Buffer.from(JSON.stringify({ id: i, name: 'tenancy:view', request: {} }))),
    )
    const bytesBefore = Buffer.concat(received).length
    for (const f of calls) socket.write(f)
    await cut
    // None of them reached a handler, and nothing more came back.
    expect((await host.stats()).handled['tenant:tenancy:view'] ?? 0).toBe(handledBefore)
    expect(Buffer.concat(received).length).toBe(bytesBefore)
    expect(await wsCall(provider, 43, 'app:info', {})).toMatchObject({ ok: true })
  })
  // Review s5 #4: links were bound to a tenant id only, so after another design with a
  // tenant of the same id was opened, an old link (its open socket, or a new one) saw it.
  it('opening another design revokes every tenant link: the old one cannot see its namesake', async () => {
    const token = await mintTenant(50)
    const tenant = await wsConnect(api(token))
    const closed = new Promise<number>((resolve) => tenant.on('close', (code) => resolve(code)))
    const before = await wsCall(tenant, 51, 'tenancy:view', {})
    expect(before).toMatchObject({ ok: true, value: { tenant: { id: 't-acme' } } })
    const name = (before.value as { tenant: { name: string } }).tenant.name
    expect(name).not.toBe('Contoso Bank')

    const got = await wsCall(provider, 52, 'design:get', {})
    const design = (got.value as { design: { tenants: Array<{ id: string; name: string }> } })
      .design
    for (const t of design.tenants) if (t.id === 't-acme') t.name = 'Contoso Bank'
    const opened = await wsCall(provider, 53, 'files:open', {
      contents: JSON.stringify(design),
      name: 'other-customer.strata.json',
      discardChanges: true,
    })
    expect(opened.ok).toBe(true)

    expect(await closed).toBe(1008)
    await expect(wsConnect(api(token))).rejects.toThrow(/401/)
    expect((await wsCall(provider, 54, 'tenancy:tokens', {})).value).toEqual([])
    // A link minted for the open design sees its own tenant.
    const fresh = await wsConnect(api(await mintTenant(55)))
    expect(await wsCall(fresh, 56, 'tenancy:view', {})).toMatchObject({
      ok: true,
      value: { tenant: { id: 't-acme', name: 'Contoso Bank' } },
    })
    fresh.close()
  })
})
