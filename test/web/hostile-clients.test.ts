/**
 * Hostile clients against a real web host in its own process (issue 11): raw upgrade
 * requests, broken cookies, wrong hosts and origins, garbage messages, malformed frames,
 * oversize and deeply nested messages, from provider and tenant sessions. After each case the
 * process is still running and answers a normal call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import {
  closeCodeOf,
  frame,
  nextAnswer,
  rawExchange,
  sendFrames,
  startChildHost,
  statusOf,
  upgradeRequest,
  wsCall,
  wsConnect,
  type ChildHost,
} from './helpers'

const MAX_BYTES = 1024 * 1024
let host: ChildHost
let provider: WebSocket
let callId = 1000

beforeAll(async () => {
  host = await startChildHost({ STRATA_TEST_MAX_MESSAGE_BYTES: String(MAX_BYTES) })
  provider = await wsConnect(`${host.origin.replace('http', 'ws')}/api?token=${host.providerToken}`)
})
afterAll(async () => {
  provider?.close()
  await host?.stop()
})

const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`
const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` })

/** The host process is alive and a fresh provider client gets `app:info` answered. */
async function stillServing(): Promise<void> {
  expect(host.exited()).toBeUndefined()
  const ws = await wsConnect(api(host.providerToken))
  const info = await wsCall(ws, ++callId, 'app:info', {})
  ws.close()
  expect(info).toMatchObject({ ok: true, value: { session: { role: 'provider' } } })
}

describe('upgrade and HTTP requests that used to end the process', () => {
  it.each([
    ['a path that is not a URL path', '//[/api'],
    ['an absolute-form target', 'http://127.0.0.1/api'],
    ['an asterisk', '*'],
    ['a broken escape in the path', '/%E0%A4%A?token=x'],
  ])('upgrade with %s is refused', async (_what, path) => {
    const answer = await rawExchange(host.port, upgradeRequest(path, hostHeader()))
    expect([400, 401]).toContain(statusOf(answer))
    await stillServing()
  })

  it('a cookie holding a broken percent-escape is refused, on upgrade and on GET', async () => {
    for (const name of ['strata_token', `strata_asset_${host.port}`]) {
      const cookie = `${name}=%E0%A4%A`
      const up = await rawExchange(
        host.port,
        upgradeRequest('/api', { ...hostHeader(), Cookie: cookie }),
      )
      expect(statusOf(up)).toBe(401)
      const get = await rawExchange(
        host.port,
        `GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n`,
      )
      expect(statusOf(get)).toBe(401)
    }
    await stillServing()
  })

  it('malformed HTTP ends only that connection', async () => {
    const answers = await Promise.all([
      rawExchange(host.port, 'GARBAGE\r\n\r\n'),
      rawExchange(
        host.port,
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX: ${'a'.repeat(70_000)}\r\n\r\n`,
      ),
      rawExchange(host.port, Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])),
    ])
    for (const a of answers) expect(statusOf(a) === 0 || statusOf(a) >= 400).toBe(true)
    await stillServing()
  })
})

describe('only the app itself may connect', () => {
  it('refuses a Host that is not this server, on GET and upgrade', async () => {
    for (const hostName of ['evil.example', `evil.example:${host.port}`, '127.0.0.1:1', '']) {
      const headers: Record<string, string> = hostName ? { Host: hostName } : {}
      const get = await rawExchange(
        host.port,
        `GET /?token=${host.providerToken} HTTP/1.1\r\n${hostName ? `Host: ${hostName}\r\n` : ''}Connection: close\r\n\r\n`,
      )
      expect([400, 403]).toContain(statusOf(get))
      const up = await rawExchange(
        host.port,
        upgradeRequest(`/api?token=${host.providerToken}`, headers),
      )
      expect([400, 403]).toContain(statusOf(up))
    }
    await stillServing()
  })

  it('refuses a WebSocket from another origin, even with the token', async () => {
    const before = (await host.stats()).stats.originsRefused as number
    const others = [
      `http://127.0.0.1:${host.port + 1}`,
      `http://localhost:${host.port + 1}`,
      'http://evil.example',
      'null',
      `https://127.0.0.1:${host.port}`,
    ]
    for (const origin of others)
      await expect(wsConnect(api(host.providerToken), {}, { origin })).rejects.toThrow(
        /refused 403/,
      )
    const after = (await host.stats()).stats.originsRefused as number
    expect(after - before).toBe(others.length)
    // The app's own page, and a non-browser client without Origin, both with the token, get in.
    const own = await wsConnect(api(host.providerToken), {}, { origin: host.origin })
    own.close()
    await stillServing()
  })

  it('never opens the API on a cookie alone', async () => {
    const page = await fetch(`${host.origin}/?token=${host.providerToken}`)
    expect(page.status).toBe(200)
    const setCookie = page.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly; SameSite=Strict/)
    expect(setCookie).not.toContain(host.providerToken)
    const cookie = setCookie.split(';')[0] as string
    // Without Origin (not a browser) and without the token in the URL: refused.
    await expect(
      wsConnect(`${host.origin.replace('http', 'ws')}/api`, { Cookie: cookie }),
    ).rejects.toThrow(/401/)
    // Even with our own Origin, the cookie is no API credential.
    await expect(
      wsConnect(
        `${host.origin.replace('http', 'ws')}/api`,
        { Cookie: cookie },
        { origin: host.origin },
      ),
    ).rejects.toThrow(/401/)
    // The asset cookie opens static files for the app's own page only.
    const own = await fetch(`${host.origin}/assets/app.js`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    })
    expect(own.status).toBe(200)
    for (const site of ['same-site', 'cross-site', 'none']) {
      const r = await fetch(`${host.origin}/assets/app.js`, {
        headers: { cookie, 'sec-fetch-site': site },
      })
      expect(r.status).toBe(401)
    }
    expect((await fetch(`${host.origin}/assets/app.js`, { headers: { cookie } })).status).toBe(401)
  })
})

describe('messages that used to end the process', () => {
  it.each([
    ['null', 'null'],
    ['a number', '5'],
    ['a string', '"app:info"'],
    ['an array', '[1,2]'],
    ['not JSON', '{"id":1,'],
    ['an object id', '{"id":{},"name":"app:info","request":{}}'],
    ['a name that is not a string', '{"id":1,"name":{"toString":1},"request":{}}'],
    ['a request that is an array', '{"id":1,"name":"app:info","request":[]}'],
    ['a request that is null', '{"id":1,"name":"app:info","request":null}'],
    ['an extra field', '{"id":1,"name":"app:info","request":{},"__proto__":{"x":1}}'],
    ['a prototype name', '{"id":1,"name":"__proto__","request":{}}'],
    ['a constructor name', '{"id":1,"name":"constructor","request":{}}'],
  ])('%s is answered bad-request (or unknown-call)', async (_what, text) => {
    const answer = nextAnswer(provider)
    provider.send(text)
    const { result } = await answer
    expect(result.ok).toBe(false)
    expect(['bad-request', 'unknown-call']).toContain(result.error?.code)
    await stillServing()
  })

  it('a design:apply batch nested 600 deep is refused before parsing', async () => {
    let command: unknown = { type: 'remove', ids: ['nothing'] }
    for (let i = 0; i < 600; i++) command = { type: 'batch', label: 'deep', commands: [command] }
    const answer = nextAnswer(provider)
    provider.send(JSON.stringify({ id: ++callId, name: 'design:apply', request: { command } }))
    const { result } = await answer
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(result.error?.message).toMatch(/nested more than 64/)
    await stillServing()
  })

  it.each([
    ['provider', () => host.providerToken, 100_000],
    ['tenant', () => host.tenantToken, 30_000], // under the tenant's 64 KiB message limit
  ])(
    'a %s message of JSON text nested %i deep is refused before parsing',
    async (_who, token, depth) => {
      const ws = await wsConnect(api(token()))
      const answer = nextAnswer(ws)
      ws.send(
        `{"id":7,"name":"design:apply","request":{"command":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
      )
      const { id, result } = await answer
      expect(id).toBeNull()
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(result.error?.message).toMatch(/nested more than 64/)
      // The same socket still works.
      expect(await wsCall(ws, 8, 'app:info', {})).toMatchObject({ ok: true })
      ws.close()
      await stillServing()
    },
  )

  it('a message over the size limit closes that socket only', async () => {
    const ws = await wsConnect(api(host.providerToken))
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.on('error', () => undefined)
    ws.send(
      JSON.stringify({ id: 1, name: 'files:open', request: { contents: 'x'.repeat(MAX_BYTES) } }),
    )
    expect(await closed).toBe(1009)
    expect(await wsCall(provider, ++callId, 'app:info', {})).toMatchObject({ ok: true })
    await stillServing()
  })

  it('a binary message closes that socket only', async () => {
    const ws = await wsConnect(api(host.providerToken))
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send(Buffer.from(JSON.stringify({ id: 1, name: 'app:info', request: {} })))
    expect(await closed).toBe(1003)
    await stillServing()
  })
})

describe('malformed frames close that one socket', () => {
  const text = Buffer.from(JSON.stringify({ id: 1, name: 'app:info', request: {} }))
  it.each([
    ['an unmasked frame', () => [frame(1, text, { masked: false })], 1002],
    ['opcode 3 (reserved)', () => [frame(3, text)], 1002],
    [
      'invalid UTF-8 in a text frame',
      () => [frame(1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
      1007,
    ],
    [
      'a declared length of 2^40',
      () => [frame(1, Buffer.alloc(16), { declaredLength: 2n ** 40n })],
      1009,
    ],
    [
      'a declared length of 2^63',
      () => [frame(1, Buffer.alloc(16), { declaredLength: 2n ** 63n })],
      1009,
    ],
    ['a continuation without a start', () => [frame(0, text)], 1002],
    [
      'fragments adding up past the limit',
      () => [
        frame(1, Buffer.alloc(MAX_BYTES / 2 + 1, 0x20), { fin: false }),
        frame(0, Buffer.alloc(MAX_BYTES / 2 + 1, 0x20)),
      ],
      1009,
    ],
    ['a fragmented control frame', () => [frame(9, Buffer.alloc(4), { fin: false })], 1002],
  ])('%s', async (_what, frames, code) => {
    const answer = await sendFrames(host.port, host.providerToken, frames())
    expect(closeCodeOf(answer)).toBe(code)
    await stillServing()
  })
})

describe('tenant sessions', () => {
  it('a tenant sending garbage and provider calls gets refusals, and everyone stays connected', async () => {
    const tenant = await wsConnect(api(host.tenantToken))
    for (const text of [
      'null',
      '[]',
      '{"id":1}',
      '{"id":2,"name":"files:save-as","request":{"path":"/tmp/x"}}',
    ]) {
      const answer = nextAnswer(tenant)
      tenant.send(text)
      const { result } = await answer
      expect(result.ok).toBe(false)
      expect(['bad-request', 'forbidden']).toContain(result.error?.code)
    }
    expect(await wsCall(tenant, 3, 'app:info', {})).toMatchObject({
      ok: true,
      value: { session: { role: 'tenant', tenantId: 't-globex' } },
    })
    expect(tenant.readyState).toBe(tenant.OPEN)
    tenant.close()
    await stillServing()
  })

  it("a tenant's attempts at other tenants and at the server's jobs are refused, naming nothing", async () => {
    // The tenant is t-globex; t-acme and t-initech are others, w-acme-web is another's workload.
    const tenant = await wsConnect(api(host.tenantToken))
    const attempts: Array<[string, unknown, string[]]> = [
      ['tenancy:view', { tenantId: 't-acme' }, ['forbidden']],
      ['scheduler:explain', { instanceId: 'w-acme-web#0' }, ['not-found', 'unavailable']],
      ['reports:export', { format: 'csv', tenantId: 't-initech' }, ['forbidden']],
      ['reports:export', { format: 'csv', jobId: 'report-1' }, ['bad-request']],
      ['tenancy:mint-token', { tenantId: 't-globex' }, ['forbidden']],
      ['tenancy:tokens', {}, ['forbidden']],
      ['design:get', {}, ['forbidden']],
      ['files:open', { path: '/etc/passwd', discardChanges: true }, ['forbidden']],
      ['simulation:list', {}, ['forbidden']],
    ]
    let lastId = 100
    const id = () => ++lastId
    for (const [name, request, codes] of attempts) {
      const answer = await wsCall(tenant, id(), name, request)
      expect(answer.ok, name).toBe(false)
      expect(codes, `${name} ${JSON.stringify(answer.error)}`).toContain(answer.error?.code)
      // Nothing of another tenant beyond what the tenant typed itself.
      const text = JSON.stringify(answer).replace(JSON.stringify(request).slice(1, -1), '')
      for (const foreign of ['Acme', 'Initech', 'w-acme-db', 't-initech-'])
        expect(text, name).not.toContain(foreign)
    }
    // Guessed job ids cancel nothing.
    for (const jobId of ['report-1', 'report-x', 'report-AAAAAAAAAAAAAAAA'])
      expect(await wsCall(tenant, id(), 'reports:cancel', { jobId })).toMatchObject({
        ok: true,
        value: { cancelled: false },
      })
    // And the tenant's own questions are answered from its projection (an explain once the
    // provider has placed: a tenant never starts a placement).
    expect(await wsCall(tenant, id(), 'tenancy:view', {})).toMatchObject({ ok: true })
    const provider = await wsConnect(api(host.providerToken))
    expect(await wsCall(provider, id(), 'scheduler:place', {})).toMatchObject({ ok: true })
    provider.close()
    expect(
      await wsCall(tenant, id(), 'scheduler:explain', { instanceId: 'w-globex-hpc#0' }),
    ).toMatchObject({
      ok: true,
    })
    tenant.close()
    await stillServing()
  })
})
