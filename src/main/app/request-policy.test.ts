import { describe, expect, it } from 'vitest'
import { APP_CSP, devOrigin, requestAllowed } from './request-policy'

describe('Electron request policy', () => {
  it('allows the app itself and nothing of other localhost ports or the network', () => {
    for (const url of [
      'file:///opt/strata/out/renderer/index.html',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html;charset=utf-8,%3Cp%3Ereport',
      'blob:file:///0d1e',
    ])
      expect(requestAllowed(url), url).toBe(true)
    for (const url of [
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:4173/api?token=x',
      'http://localhost:5173/',
      'https://example.com/',
      'ftp://127.0.0.1/',
      'not a url',
    ])
      expect(requestAllowed(url), url).toBe(false)
  })

  it('in development allows exactly the dev server (page and hot-reload socket)', () => {
    const dev = devOrigin('http://localhost:5173/index.html')
    expect(dev).toBe('http://localhost:5173')
    expect(requestAllowed('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(requestAllowed('ws://localhost:5173/', dev)).toBe(true)
    expect(requestAllowed('http://localhost:5174/', dev)).toBe(false)
    expect(requestAllowed('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(requestAllowed('ws://127.0.0.1:47111/api', dev)).toBe(false)
    expect(devOrigin('::nonsense')).toBeUndefined()
  })

  it('sends the same CSP as the web host: nothing remote, no plugins, no framing', () => {
    expect(APP_CSP).toContain("default-src 'self'")
    expect(APP_CSP).toContain("connect-src 'self'")
    expect(APP_CSP).toContain("object-src 'none'")
    expect(APP_CSP).toContain("frame-ancestors 'none'")
  })
})
