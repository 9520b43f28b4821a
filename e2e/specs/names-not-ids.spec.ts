/**
 * Names, not ids (issue 12): a renamed host and tenant read by their new names everywhere
 * they are shown (inspector title, canvas, dropdowns, instance lists, problems, view list,
 * chart axis); the id shows only in the inspector's Id field.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'
import { TenantsPanelPage } from '../pages/tenants-panel-page'
import { TenantSwitcherPage } from '../pages/tenant-switcher-page'

test('a renamed host and tenant show their names everywhere, the id only in its field', async ({
  page,
  app,
}) => {
  const designer = new DesignerPage(page)
  const tenants = new TenantsPanelPage(page)
  await designer.open(app)

  await designer.clickNode('kvm-1')
  await designer.tab('inspector').click()
  await designer.field('name').fill('web-01')
  await designer.field('name').press('Enter')
  const title = page.locator('[data-testid="inspector-title"]')
  await expect(title).toHaveText('host web-01')
  await expect(page.locator('[data-testid="inspector-id"]')).toHaveText('kvm-1')
  await expect.poll(async () => (await designer.node('kvm-1'))?.label ?? '').toContain('web-01')
  // the rack dropdown names racks by name only
  const racks = await designer.field('rackId').locator('option').allTextContents()
  expect(racks).toContain('R01')
  expect(racks.some((r) => r.includes('rack-'))).toBe(false)

  // a problem about the host names it
  await designer.field('sockets').fill('0')
  await designer.field('sockets').press('Enter')
  await designer.tab('problems').click()
  await expect(page.locator('[data-testid="problems"] [data-element="kvm-1"]')).toContainText(
    'host web-01: host has zero CPU cores',
  )
  await designer.shortcut('Control+z')
  await expect(page.locator('[data-testid="problems"] [data-element="kvm-1"]')).toHaveCount(0)

  // rename a tenant; its name reaches the view list at once
  await tenants.show()
  await tenants.tenant('t-acme').click()
  await tenants.setField('name', 'Tenant 4')
  await expect(tenants.tenant('t-acme')).toContainText('Tenant 4')
  const switcher = new TenantSwitcherPage(page)
  await expect
    .poll(() => switcher.select.locator('option').allTextContents())
    .toContainEqual(expect.stringContaining('Tenant 4'))

  // instances on the renamed host read as group names with numbers, tenants by name
  await tenants.place('spread')
  await expect(tenants.summary).toContainText('spread')
  await designer.clickNode('kvm-1')
  await designer.tab('inspector').click()
  const list = page.locator('[data-testid="host-instances"]')
  await expect(list).toBeVisible()
  const text = (await list.textContent()) ?? ''
  expect(text).not.toMatch(/w-[a-z-]+#\d/)
  expect(text).not.toMatch(/\bt-(acme|globex|initech)\b/)
  expect(text).toMatch(/(acme web|acme db|globex \w+|initech \w+) #\d+/)

  // the heatmap's host axis names the host
  const sim = new SimulationPanelPage(page)
  await sim.show()
  await sim.run(2)
  await expect(sim.status).toContainText('done')
  await expect
    .poll(async () => (await sim.chartFact('heatmap'))?.yAxes[0]?.categories ?? [])
    .toContain('web-01')
  // charts get their options one per frame, those off screen when the window is idle
  const tenantSeries = async (): Promise<string> =>
    JSON.stringify((await sim.chartFact('tenants'))?.series.map((s) => s.name) ?? [])
  await expect.poll(tenantSeries).toContain('Tenant 4')
  expect(await tenantSeries()).not.toContain('t-acme')
})
