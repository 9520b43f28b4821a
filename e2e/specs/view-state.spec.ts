/**
 * One source of truth for view state (issue 12): the menu-bar title, the window title and the
 * status bar's save status agree after an edit, after Ctrl+S and after a further edit; a
 * tenant added in the session is in the View list at once.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { TenantsPanelPage } from '../pages/tenants-panel-page'
import { TenantSwitcherPage } from '../pages/tenant-switcher-page'

test('title, dirty mark and save status agree after an edit, a save and another edit', async ({
  page,
  app,
}) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const agree = async (saved: boolean): Promise<void> => {
    await expect(designer.saveStatus()).toHaveAttribute('data-status', saved ? 'saved' : 'unsaved')
    await expect(designer.saveStatus()).toHaveText(saved ? 'Saved' : 'Unsaved changes')
    if (saved) await expect(designer.docTitle()).not.toContainText('(unsaved)')
    else await expect(designer.docTitle()).toContainText('(unsaved)')
    await expect.poll(() => page.title()).toContain(saved ? 'datacenter —' : '(unsaved) —')
  }
  await agree(true)

  await designer.dragNode('kvm-1', { dx: 40, dy: 30 })
  await agree(false)

  // Ctrl+S in the browser downloads the design: that copy is the saved one
  const downloaded = page.waitForEvent('download')
  await designer.shortcut('Control+s')
  expect((await downloaded).suggestedFilename()).toMatch(/\.strata\.json$/)
  await agree(true)
  await expect(page.locator('[data-testid="notice"]')).toHaveCount(0)

  await designer.dragNode('kvm-1', { dx: -40, dy: -30 })
  await agree(false)
})

test('a tenant added in the session is in the View list at once', async ({ page, app }) => {
  const designer = new DesignerPage(page)
  const tenants = new TenantsPanelPage(page)
  const switcher = new TenantSwitcherPage(page)
  await designer.open(app)
  await tenants.show()
  await tenants.addTenant()
  await expect(tenants.tenant('tenant-1')).toBeVisible()
  await expect(switcher.select.locator('option[data-view-tenant="tenant-1"]')).toHaveCount(1)
  await tenants.setField('name', 'Umbrella')
  await expect(switcher.select.locator('option[data-view-tenant="tenant-1"]')).toContainText(
    'Umbrella',
  )
  // and it can be viewed
  await switcher.choose('tenant-1')
  await expect(switcher.overlay().root).toHaveAttribute('data-tenant-id', 'tenant-1')
})
