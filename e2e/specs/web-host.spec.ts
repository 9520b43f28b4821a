/** The web host's guard, seen from a real browser: no token, no app; a wrong token, no data. */
import { test, expect } from '../fixtures/app'

test('without the token the page and the API are refused', async ({ page, app }) => {
  const response = await page.goto(app.origin + '/')
  expect(response?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('needs the token')
  const asset = await page.request.get(app.origin + '/index.html')
  expect(asset.status()).toBe(401)
})

test('a wrong token cannot open the WebSocket', async ({ page, app }) => {
  await page.goto(app.providerUrl)
  const refused = await page.evaluate(async (origin) => {
    return new Promise<boolean>((resolve) => {
      const ws = new WebSocket(origin.replace('http', 'ws') + '/api?token=wrong')
      ws.onopen = () => resolve(false)
      ws.onerror = () => resolve(true)
    })
  }, app.origin)
  expect(refused).toBe(true)
})

test('the app loads with the token and answers typed errors to bad calls', async ({ app }) => {
  const unknown = await app.api.call('no:such-call' as never, {} as never)
  expect(unknown.ok).toBe(false)
  if (!unknown.ok) expect(unknown.error.code).toBe('unknown-call')
  const bad = await app.api.call('design:apply', {
    command: { type: 'remove', ids: 'kvm-1' },
  } as never)
  expect(bad.ok).toBe(false)
  if (!bad.ok) {
    expect(bad.error.code).toBe('bad-request')
    expect(bad.error.problems?.[0]?.path).toContain('request.command')
  }
  const info = await app.api.must('app:info', {})
  expect(info.shell).toBe('web')
  expect(info.session.role).toBe('provider')
})
