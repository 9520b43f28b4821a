/**
 * Review s6 #3, #5: after the provider runs the sample and another client opens another
 * design whose tenant and host ids are the sample's, no old figure is left anywhere: the
 * Simulation tab has no run, the canvas colours no host by the old utilization, and the old
 * tenant link's page says why it was closed instead of showing either design's tenant.
 */
import { test, expect } from '../fixtures/app'
import { runSample, openSimulationTab } from '../pages/simulation-tab'

test('opening another design leaves no old run on the tab, the canvas or a tenant page', async ({
  page,
  context,
  app,
}, testInfo) => {
  const tenantPage = await context.newPage()
  await tenantPage.goto(await app.tenantUrl('t-acme'))
  await expect(tenantPage.locator('[data-field="tenant-name"]')).toBeVisible({ timeout: 30_000 })
  const acmeName = await tenantPage.locator('[data-field="tenant-name"]').innerText()

  const { designer, sim } = await runSample(page, app, 8)
  const utilized = async (): Promise<number> =>
    (await designer.facts()).nodes.filter((n) => n.kind === 'host' && n.utilization !== undefined)
      .length
  await expect.poll(utilized).toBe(13)

  // Another provider client opens the sample with t-acme renamed (same ids everywhere).
  const got = (await app.api.must('design:get', {})) as {
    design: { meta: { name: string }; tenants: Array<{ id: string; name: string }> }
  }
  const other = got.design
  other.meta.name = 'Other customer'
  for (const t of other.tenants) if (t.id === 't-acme') t.name = 'Contoso Bank'
  await app.api.must('files:open', {
    contents: JSON.stringify(other),
    name: 'other-customer.strata.json',
    discardChanges: true,
  } as never)

  await expect(sim.status).toHaveCount(0)
  await expect(sim.root.locator('[data-testid="sim-energy-split"]')).toHaveCount(0)
  await expect.poll(utilized).toBe(0)
  await designer.screenshot(testInfo, 'design-replaced-provider')

  const closed = tenantPage.locator('[data-testid="link-closed"]')
  await expect(closed).toContainText('the provider opened another design')
  await expect(tenantPage.locator('[data-field="tenant-name"]')).toHaveCount(0)
  const text = await tenantPage.locator('body').innerText()
  expect(text).not.toContain('Contoso')
  expect(text).not.toContain(acmeName)
  await tenantPage.screenshot({ path: testInfo.outputPath('design-replaced-tenant.png') })
  await tenantPage.screenshot({ path: 'artifacts/screenshots/design-replaced-tenant.png' })
})

test('opening another design during a run says the run was stopped, with its progress', async ({
  page,
  app,
}, testInfo) => {
  const { designer, sim } = await openSimulationTab(page, app)
  // a month of virtual time: still running when the other design is opened (review s7u #6)
  await sim.run(720)
  await expect(sim.status).toContainText('running', { timeout: 60_000 })
  const got = (await app.api.must('design:get', {})) as { design: { meta: { name: string } } }
  got.design.meta.name = 'Other customer'
  await app.api.must('files:open', {
    contents: JSON.stringify(got.design),
    name: 'other-customer.strata.json',
    discardChanges: true,
  } as never)
  const notice = sim.root.locator('[data-testid="sim-stopped-notice"]')
  await expect(notice).toHaveText(
    /^The running simulation \(\d+ %\) was stopped because another design was opened\.$/,
  )
  await expect(sim.status).toHaveCount(0)
  await designer.screenshot(testInfo, 'design-replaced-run-stopped')
})
