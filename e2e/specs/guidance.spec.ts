/**
 * Problems and guidance (issue 12): unplaced instances, unlinked hosts and storage no host
 * reaches are warnings in the Problems tab and the status bar; the canvas has a legend for
 * its colours after a run; an empty design shows a first-run hint that opens the sample; the
 * theme menu shows the current choice.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'

test('unplaced instances, unlinked hosts and unreachable storage are warnings', async ({
  page,
  app,
}) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  await expect(designer.problemCount()).toHaveText(/0 errors, 0 warnings/)
  // before any placement the 0 says nothing about fit, and the status bar says so (s11u #13)
  await expect(designer.notPlacedYet()).toHaveText('instances not placed yet')

  const { design } = await app.api.must('design:get', {})
  const touching = (id: string): string[] =>
    design.links.filter((l) => l.sourceId === id || l.targetId === id).map((l) => l.id)
  await app.api.must('design:apply', {
    command: { type: 'remove', ids: [...touching('kvm-4'), ...touching('nas-1')] },
  })
  await designer.tab('problems').click()
  await expect(designer.problem('kvm-4')).toContainText('host kvm-4: not connected')
  await expect(designer.problem('nas-1')).toContainText('no host reaches this storage')
  await expect(designer.problemCount()).toHaveText(/0 errors, 2 warnings/)

  // a workload no host can hold: its unplaced instances are a warning after placement
  await app.api.must('design:apply', {
    command: { type: 'update', id: 'w-acme-db', patch: { memoryMiB: 4_000_000 } },
  })
  const placed = await app.api.must('scheduler:place', {})
  await expect(designer.notPlacedYet()).toHaveCount(0)
  await expect(designer.problem('w-acme-db')).toContainText(
    'workload group acme db: none of its 2 instances could be placed',
  )
  // one warning per workload group with unplaced instances, plus the host and the storage
  const groups = new Set(placed.unplaced.map((u) => u.workloadId)).size
  expect(groups).toBeGreaterThanOrEqual(1)
  await expect(designer.problemCount()).toHaveText(`0 errors, ${groups + 2} warnings`)
  await expect(designer.tab('problems')).toContainText(String(groups + 2))
})

test('a legend explains the canvas colours after a run', async ({ page, app }) => {
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await expect(designer.legendItem('utilization')).toHaveCount(0)
  // placed instances are drawn in their tenants' colours
  await app.api.must('scheduler:place', {})
  await expect(designer.legendItem('tenant-t-acme')).toContainText('Acme Retail')
  await sim.show()
  await sim.run(1)
  await expect(sim.status).toContainText('done', { timeout: 60_000 })
  for (const key of ['utilization', 'off', 'failed', 'migration', 'warning', 'error'])
    await expect(designer.legendItem(key), key).toBeVisible()
  await expect(designer.legendItem('utilization')).toContainText('100 %')
})

test('an empty design offers the sample; the theme menu shows the current choice', async ({
  page,
  app,
}) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  await expect(designer.emptyHint()).toHaveCount(0)
  await designer.menu('File', 'new')
  await expect(designer.emptyHint()).toBeVisible()
  await designer.emptyHint().locator('[data-testid="open-sample"]').click()
  await expect(designer.emptyHint()).toHaveCount(0)
  await expect.poll(async () => (await designer.nodeIds()).length).toBeGreaterThan(20)

  await designer.menuButton('View').click()
  await expect(page.locator('[data-action="theme-system"]')).toHaveAttribute(
    'role',
    'menuitemradio',
  )
  await expect(page.locator('[data-action="theme-system"] .check')).toHaveText('✓')
  await expect(page.locator('[data-action="theme-dark"] .check')).toHaveText('')
  await page.locator('[data-action="theme-dark"]').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await designer.menuButton('View').click()
  await expect(page.locator('[data-action="theme-dark"] .check')).toHaveText('✓')
  await expect(page.locator('[data-action="theme-system"] .check')).toHaveText('')
})
