/**
 * Cross-site WebSocket hijacking, tried from a real Chromium (issue 11): the user has the app
 * open (so the browser holds its cookie), then visits a page served from another port of
 * 127.0.0.1, which is same-site to the browser. That page must get nothing: no WebSocket
 * (with or without the token), no page or asset through the ambient cookie. The app's own
 * page, in the same browser, still connects.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import type WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '../../src/main/services/reports/pdf'
import { startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let attacker: Server
let attackerOrigin: string
let browser: Browser

const ATTACK_PAGE = `<!doctype html><title>evil</title><script>
window.attempt = (url) => new Promise((resolve) => {
  const ws = new WebSocket(url)
  ws.onopen = () => { ws.send(JSON.stringify({ id: 1, name: 'design:get', request: {} })) }
  ws.onmessage = (m) => { resolve('read: ' + String(m.data).slice(0, 40)); ws.close() }
  ws.onerror = () => resolve('refused')
  setTimeout(() => resolve('timeout'), 5000)
})
window.fetchWithCookie = (url) =>
  fetch(url, { credentials: 'include', mode: 'no-cors' }).then((r) => r.type + ':' + r.status, () => 'failed')
window.scriptLoads = (url) => new Promise((resolve) => {
  const s = document.createElement('script')
  s.src = url
  s.onload = () => resolve('loaded')
  s.onerror = () => resolve('refused')
  document.head.appendChild(s)
})
</script>`

beforeAll(async () => {
  host = await startChildHost()
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(ATTACK_PAGE)
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
})
afterAll(async () => {
  await browser?.close()
  attacker?.close()
  await host?.stop()
})

describe('a page on another port of 127.0.0.1', () => {
  it('cannot ride the app: no WebSocket, no page, no script, even knowing the token', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    // The user opens the app: the browser now holds its cookie.
    const app = await page.goto(`${host.origin}/?token=${host.providerToken}`)
    expect(app?.status()).toBe(200)
    expect((await context.cookies(host.origin)).length).toBe(1)
    const before = (await host.stats()).stats.originsRefused as number

    await page.goto(attackerOrigin)
    const wsBase = host.origin.replace('http', 'ws')
    expect(
      await page.evaluate((u) => (globalThis as unknown as Attack).attempt(u), `${wsBase}/api`),
    ).toBe('refused')
    expect(
      await page.evaluate(
        (u) => (globalThis as unknown as Attack).attempt(u),
        `${wsBase}/api?token=${host.providerToken}`,
      ),
    ).toBe('refused')
    expect(
      await page.evaluate(
        (u) => (globalThis as unknown as Attack).attempt(u),
        `${wsBase}/api?token=${host.tenantToken}`,
      ),
    ).toBe('refused')
    expect(
      await page.evaluate(
        (u) => (globalThis as unknown as Attack).scriptLoads(u),
        `${host.origin}/assets/app.js`,
      ),
    ).toBe('refused')
    // A no-cors fetch is opaque to the page anyway; the server must still refuse it.
    const served: number[] = []
    page.on('response', (r) => {
      if (r.url().startsWith(host.origin)) served.push(r.status())
    })
    await page.evaluate(
      (u) => (globalThis as unknown as Attack).fetchWithCookie(u),
      `${host.origin}/index.html`,
    )
    expect(served.length).toBeGreaterThan(0)
    expect(served.every((s) => s === 401)).toBe(true)
    const after = (await host.stats()).stats.originsRefused as number
    expect(after - before).toBe(3)
    await context.close()
  })

  it("the app's own page in the same browser still connects", async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${host.origin}/?token=${host.providerToken}`)
    const result = await page.evaluate(
      (u) =>
        new Promise<string>((resolve) => {
          const ws = new (globalThis as unknown as { WebSocket: typeof WebSocket }).WebSocket(u)
          ws.onopen = () => ws.send(JSON.stringify({ id: 7, name: 'app:info', request: {} }))
          ws.onmessage = (m) => resolve(String(m.data))
          ws.onerror = () => resolve('refused')
        }),
      `${host.origin.replace('http', 'ws')}/api?token=${host.providerToken}`,
    )
    expect(JSON.parse(result)).toMatchObject({ id: 7, result: { ok: true } })
    // Its assets load through the cookie (same-origin).
    const asset = await page.evaluate(
      (u) => fetch(u).then((r) => r.status),
      `${host.origin}/assets/app.js`,
    )
    expect(asset).toBe(200)
    await context.close()
    const ws = await wsConnect(
      `${host.origin.replace('http', 'ws')}/api?token=${host.providerToken}`,
    )
    expect(await wsCall(ws, 1, 'app:info', {})).toMatchObject({ ok: true })
    ws.close()
  })
})

/** What the attacker's page defines on its window. */
interface Attack {
  attempt: (url: string) => Promise<string>
  fetchWithCookie: (url: string) => Promise<string>
  scriptLoads: (url: string) => Promise<string>
}
