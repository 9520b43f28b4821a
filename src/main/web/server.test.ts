import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServices, type Services } from '../services'
import { startWebHost, type WebHost } from './server'

let services: Services
let host: WebHost
const token = 'provider-token-for-tests'

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'strata-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="app"></div>')
  services = startServices({
    version: 'test',
    paths: { dataDir: join(rendererDir, 'data'), samplesDir: 'resources/samples' },
    shell: { kind: 'web' },
  })
  host = await startWebHost(services, { rendererDir, providerToken: token })
})
afterAll(async () => {
  await host.close()
  await services.dispose()
})

function connect(t: string | undefined): Promise<WebSocket> {
  const ws = new WebSocket(
    `${host.origin.replace('http', 'ws')}/api${t === undefined ? '' : `?token=${t}`}`,
  )
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function call(
  ws: WebSocket,
  id: number,
  name: unknown,
  request: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data) {
      const m = JSON.parse(String(data)) as { type: string; id: unknown; result: never }
      if (m.type === 'strata:call' && m.id === id) {
        ws.off('message', onMessage)
        resolve(m.result)
      }
    })
    ws.send(typeof request === 'string' ? request : JSON.stringify({ id, name, request }))
  })
}

describe('web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves nothing without the token, and the page with it', async () => {
    expect((await fetch(host.origin + '/')).status).toBe(401)
    expect((await fetch(host.origin + '/index.html?token=wrong')).status).toBe(401)
    const ok = await fetch(host.url)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
    expect((await fetch(`${host.origin}/../../package.json?token=${token}`)).status).toBe(404)
  })

  it('refuses a WebSocket without a valid token', async () => {
    await expect(connect(undefined)).rejects.toThrow(/401/)
    await expect(connect('nope')).rejects.toThrow(/401/)
  })

  it('answers calls, typed errors for garbage, and stays up', async () => {
    const ws = await connect(token)
    expect(await call(ws, 1, 'app:info', {})).toMatchObject({
      ok: true,
      value: { shell: 'web', session: { role: 'provider' } },
    })
    expect(await call(ws, 2, 'nope:nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    })
    expect(await call(ws, 3, 'design:apply', { command: 5 })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(await call(ws, null as never, '', '{not json')).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(await call(ws, 4, 'design:get', {})).toMatchObject({ ok: true })
    ws.close()
  })

  it('binds a minted tenant token to that tenant only', async () => {
    const minted = services.ctx.tokens?.mint({ role: 'tenant', tenantId: 't-globex' })
    expect(minted?.url).toContain(host.origin)
    const ws = await connect(minted?.token ?? '')
    expect(await call(ws, 1, 'app:info', {})).toMatchObject({
      ok: true,
      value: { session: { role: 'tenant', tenantId: 't-globex' } },
    })
    expect(await call(ws, 2, 'design:get', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    ws.close()
  })
})
