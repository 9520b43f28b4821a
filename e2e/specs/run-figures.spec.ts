/**
 * Review s5 #6 and #9 in the real app: after a day's run of the sample, the Simulation tab's
 * Network and Storage section shows the run's own figures (read back through the API) and an
 * energy split that sums to the total; Globex's own tab counts its VMs, not the pods inside
 * them, in its quotas (5 instances, 4 x 100 + 20 = 420 GiB of disk) and says its lost CPU in
 * vCPU-hours.
 */
import { test, expect } from '../fixtures/app'
import { runSample } from '../pages/simulation-tab'
import { TenantViewPage } from '../pages/tenant-view-page'

test('the run’s network, storage and energy split; a node pool counted once', async ({
  page,
  app,
  browser,
}, testInfo) => {
  test.setTimeout(240_000)
  const { designer, sim } = await runSample(page, app, 24, 180_000)
  const result = (await app.api.must('simulation:get', {})).result!
  const net = result.network!
  const storage = result.storage!

  const section = sim.root.locator('[data-testid="sim-network-storage"]')
  await expect(section).toBeVisible()
  const value = async (selector: string): Promise<number> =>
    Number(await section.locator(selector).getAttribute('data-value'))
  const delivered = net.tenants.reduce((s, t) => s + t.gbSent + t.gbReceived, 0)
  expect(await value('[data-figure="traffic-delivered"]')).toBeCloseTo(delivered, 6)
  expect(await value('[data-figure="switch-energy"]')).toBe(net.switchEnergyKWh)
  expect(await value('[data-figure="migration-gb"]')).toBe(net.migrationGB)
  expect(await value('[data-figure="storage-energy"]')).toBe(storage.energyKWh)
  const saturatedH = storage.systems.reduce((s, x) => s + x.saturatedS / 3600, 0)
  expect(await value('[data-figure="storage-saturated"]')).toBeCloseTo(saturatedH, 9)
  // links and external uplinks named apart (the status bar counts the design's links alone)
  const uplinks = net.links.filter((l) => l.kind === 'uplink').length
  await expect(section.locator('[data-figure="links-saturated"]')).toContainText(
    `of ${net.links.length - uplinks} links and ${uplinks} uplink`,
  )
  // the split: hosts + storage + switches = the run's total
  const split = ['hosts', 'storage', 'switches']
  const parts = await Promise.all(split.map((k) => value(`[data-kind="${k}"]`)))
  expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(result.summary.energyKWh, 9)
  expect(parts[2]).toBe(net.switchEnergyKWh)
  await section.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'run-figures-1-network-storage')

  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } })
  const globex = new TenantViewPage(await context.newPage())
  await globex.open(await app.tenantUrl('t-globex'))
  const quota = (resource: string) => globex.root.locator(`[data-quota="${resource}"] .figures`)
  await expect(quota('instances')).toHaveText('5 / 20')
  await expect(quota('diskGiB')).toHaveText('420 / ∞')
  await expect(globex.root.locator('[data-testid="quota-inside-vms"]')).toContainText(
    '8 instances run inside your own VMs',
  )
  await expect(globex.root.locator('[data-field="steal"]')).toContainText('vCPU-hours')
  await expect(globex.root.locator('[data-field="steal"]')).toContainText('of the CPU asked for')
  await expect(globex.root.locator('[data-field="lost-parts"]')).toContainText(
    /contention \d+\.\d\d % · interference \d+\.\d\d %/,
  )
  await globex.root.locator('[data-field="steal"]').scrollIntoViewIfNeeded()
  await globex.screenshot(testInfo, 'run-figures-2-globex-quotas')
  await context.close()
})
