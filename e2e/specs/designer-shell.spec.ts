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
