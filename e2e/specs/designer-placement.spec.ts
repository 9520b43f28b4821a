/**
 * Tenants and placement (issue 5): add a tenant with workload groups, run placement with a
 * preset, see the instances inside their hosts on the canvas, explain an unplaced instance.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { TenantsPanelPage } from '../pages/tenants-panel-page'

test('a new tenant workload is placed on the canvas; an unplaced one is explained', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  const tenants = new TenantsPanelPage(page)
  await designer.open(app)
  await tenants.show()

  await tenants.addTenant()
  await expect(tenants.tenant('tenant-1')).toBeVisible()
  await tenants.setField('isolation', 'shared')
  await tenants.addVmGroup()
  await expect(tenants.workload('wl-1')).toContainText('4 × vm')
  await tenants.addVmGroup()
  await expect(tenants.workload('wl-2')).toBeVisible()
  // the second group asks for more memory than any host has
  await tenants.setField('memoryMiB', '4000000')
  await expect(tenants.workload('wl-2')).toContainText('4000000 MiB')

  await tenants.place('pack')
  await expect(tenants.summary).toContainText('pack')
  const onCanvas = async (tenantId: string): Promise<number> =>
    (await designer.facts()).nodes.reduce((n, f) => n + (f.instancesByTenant?.[tenantId] ?? 0), 0)
  await expect.poll(() => onCanvas('tenant-1')).toBe(4)
  // the sample's tenants are on the canvas too, each instance once
  const placed = (await app.api.must('scheduler:last', {}))?.placed ?? []
  await expect
    .poll(() => onCanvas('t-acme'))
    .toBe(placed.filter((p) => p.tenantId === 't-acme').length)
  await designer.screenshot(testInfo, 'placement-1-instances-on-canvas')

  await tenants.unplaced('wl-2#0').click()
  // instances read as their group's name and a number from 1, not as ids
  const groups = (await app.api.must('design:get', {})).design.workloads
  const wl2 = groups.find((w) => w.id === 'wl-2')?.name ?? ''
  await expect(tenants.explanation).toContainText(`Why ${wl2} #1`)
  await expect(tenants.explanation).not.toContainText('wl-2#0')
  await expect(tenants.explanation).toContainText('fits nowhere')
  await expect(tenants.explanation).toContainText(/memory/i)
  await designer.screenshot(testInfo, 'placement-2-explanation')

  // a placed instance: pick its host on the canvas, then ask why it runs there
  const host = (await designer.facts()).nodes.find(
    (n) => (n.instancesByTenant?.['tenant-1'] ?? 0) > 0,
  )
  expect(host).toBeDefined()
  await designer.clickNode(host!.id)
  await designer.tab('inspector').click()
  await page.locator('[data-testid="host-instances"] [data-instance^="wl-1#"]').first().click()
  await expect(tenants.explanation).toContainText(`runs on ${host!.label.split('\n')[0]}`)
  await designer.screenshot(testInfo, 'placement-3-placed-instance-explained')
})
