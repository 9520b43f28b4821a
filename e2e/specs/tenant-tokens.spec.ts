/** Shared tenant links in the tenants panel: listed with their open views, and revoked. */
import { test, expect } from '../fixtures/app'
import { TenantsPanelPage } from '../pages/tenants-panel-page'

test('the provider sees a shared tenant link in use and revokes it; the tenant view is cut off', async ({
  page,
  context,
  app,
}) => {
  const url = await app.tenantUrl('t-acme')
  const token = new URL(url).searchParams.get('token') as string
  const tenantPage = await context.newPage()
  await tenantPage.goto(url)
  await expect(tenantPage.locator('#app')).not.toBeEmpty()

  await app.open(page)
  const panel = new TenantsPanelPage(page)
  await panel.show()
  const tokens = panel.root.locator('[data-testid="tenant-tokens"]')
  await tokens.locator('[data-testid="refresh-tokens"]').click()
  const rows = tokens.locator('[data-token-tenant="t-acme"]')
  // The newest link (this test's) is listed last, with the tenant page's connection.
  const row = rows.last()
  await expect(row).toContainText('Acme Retail')
  await expect(row).toContainText('1 open')
  const before = await rows.count()
  await page.screenshot({ path: 'test-results/tenant-tokens.png' })

  await row.locator('[data-testid="revoke-token"]').click()
  await expect(rows).toHaveCount(before - 1)
  // The tenant's link no longer opens anything.
  const again = await tenantPage.goto(url)
  expect(again?.status()).toBe(401)
  const refused = await page.evaluate(
    (u) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(u)
        ws.onopen = () => resolve(false)
        ws.onerror = () => resolve(true)
      }),
    `${app.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`,
  )
  expect(refused).toBe(true)
})
