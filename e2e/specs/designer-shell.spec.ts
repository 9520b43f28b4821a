/** The renderer shell shows every element of the sample on the canvas (issue 2). */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

test('the sample opens with every topology element on the canvas', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const sample = (await app.api.must('design:get', {})).design
  const expectedNodes = [
    ...sample.zones,
    ...sample.racks,
    ...sample.hosts,
    ...sample.switches,
    ...sample.storage,
  ]
    .map((e) => e.id)
    .sort()
  await expect.poll(() => designer.nodeIds()).toEqual(expectedNodes)
  await expect.poll(() => designer.edgeIds()).toEqual(sample.links.map((l) => l.id).sort())
  // racks are compound nodes holding their hosts; hosts sit where the design puts them
  for (const host of sample.hosts) {
    const fact = await designer.node(host.id)
    expect(fact?.parent).toBe(host.rackId)
    expect(fact?.position).toEqual(host.position)
  }
  // the side panel lists the tenants and the design's problems
  await designer.tab('tenants').click()
  for (const t of sample.tenants)
    await expect(page.locator(`[data-tenant="${t.id}"]`)).toContainText(t.name)
  await designer.tab('problems').click()
  await expect(page.locator('[data-testid="problems"]')).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(sample.meta.name))
  await designer.screenshot(testInfo, 'shell-sample')
})

test('dark theme follows the OS; the context menu duplicates a host; Delete removes it', async ({
  page,
  app,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const designer = new DesignerPage(page)
  await designer.open(app)
  await expect(page.locator('.app-root')).toHaveAttribute('data-theme', 'dark')
  const at = await designer.clientPosition('kvm-2')
  await page.mouse.click(at.x, at.y, { button: 'right' })
  await page.locator('.context-menu li', { hasText: 'Duplicate' }).click()
  await expect.poll(() => designer.selection()).toEqual(['host-1'])
  expect(await designer.parentOf('host-1')).toBe('rack-1')
  await designer.screenshot(testInfo, 'shell-dark-duplicated')
  await designer.shortcut('Delete')
  await expect.poll(async () => (await designer.nodeIds()).includes('host-1')).toBe(false)
})

test('File menu: the HTML report downloads', async ({ page, app }) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await page.locator('[data-menu="File"]').click()
  await page.locator('[data-action="export"]').click()
  expect((await download).suggestedFilename()).toMatch(/\.html$/)
})
