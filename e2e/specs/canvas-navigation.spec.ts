/**
 * Canvas navigation (issue 12 item 5, issue 19): a wheel notch moves a useful step; fit shows
 * every node with a margin and none under the minimap or the legend, which lies over the
 * canvas's bottom edge (opening or closing it moves the minimap, never resizes the canvas:
 * a resize redraws everything); the minimap can be hidden; and on a
 * generated 2,000-host design (no stored positions) undo of a drag puts the node back on the
 * canvas, redo moves it again.
 */
import { syntheticDatacenter } from '../../src/main/engine/scheduler/synthetic-datacenter'
import { expect, test } from '../fixtures/app'
import { CanvasScalePage } from '../pages/canvas-scale-page'
import { DesignerPage } from '../pages/designer-page'

test('wheel steps, fit clear of the minimap, minimap toggle', async ({ page, app }, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const canvas = new CanvasScalePage(page)
  await canvas.fit()
  const box = await canvas.canvasBox()
  const minimap = page.locator('.minimap')
  const mini = await minimap.boundingBox()
  const legend = await page.locator('[data-testid="canvas-legend"]').boundingBox()
  if (!mini || !legend) throw new Error('the minimap or the legend is not shown')
  // the legend lies over the canvas's bottom edge, the minimap above it
  expect(legend.y + legend.height).toBeCloseTo(box.y + box.height, 0)
  expect(mini.y + mini.height).toBeLessThanOrEqual(legend.y)
  // every node (with half its size, 22 px at most) inside the canvas and off the minimap
  const facts = await designer.facts()
  for (const n of facts.nodes.filter((x) => x.kind !== 'zone' && x.kind !== 'rack')) {
    expect(n.client.x, n.id).toBeGreaterThan(box.x + 22)
    expect(n.client.y, n.id).toBeGreaterThan(box.y + 22)
    expect(n.client.x, n.id).toBeLessThan(box.x + box.width - 22)
    expect(n.client.y, n.id).toBeLessThan(box.y + box.height - 22)
    const under =
      n.client.x + 22 > mini.x &&
      n.client.x - 22 < mini.x + mini.width &&
      n.client.y + 22 > mini.y &&
      n.client.y - 60 < mini.y + mini.height
    expect(under, `${n.id} under the minimap`).toBe(false)
    expect(n.client.y + 22, `${n.id} under the legend`).toBeLessThan(legend.y)
  }
  await designer.screenshot(testInfo, 'navigation-fit')

  // ten notches out: 1.2^-10 ≈ 1/6.2 (Cytoscape's own: ~1/1.1); ten in come back (zoom in
  // first would hit the 4× ceiling on this small design)
  const zoom = (): Promise<number> => designer.facts().then((f) => f.zoom)
  const before = await zoom()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 100)
  await expect.poll(async () => before / (await zoom())).toBeGreaterThan(3.5)
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100)
  await expect.poll(async () => Math.abs((await zoom()) / before - 1)).toBeLessThan(0.05)

  // closing and opening the legend moves the minimap, not the canvas's edges
  const toggle = page.locator('[data-testid="legend-toggle"]')
  for (const open of ['false', 'true']) {
    await toggle.click()
    await expect(page.locator('[data-testid="canvas-legend"]')).toHaveAttribute('data-open', open)
    expect(await canvas.canvasBox()).toEqual(box)
    const [m, l] = await Promise.all([
      minimap.boundingBox(),
      page.locator('[data-testid="canvas-legend"]').boundingBox(),
    ])
    expect((m?.y ?? 0) + (m?.height ?? 0)).toBeLessThanOrEqual(l?.y ?? 0)
  }

  // the minimap can be hidden and shown again
  await page.locator('[data-testid="minimap-toggle"]').click()
  await expect(minimap).toBeHidden()
  await page.locator('[data-testid="minimap-toggle"]').click()
  await expect(minimap).toBeVisible()
})

test('undo of a drag puts the node back on a 2,000-host design', async ({ page, app }) => {
  test.setTimeout(180_000)
  const design = syntheticDatacenter({ hosts: 2000, instances: 10, tenants: 2, seed: 0 })
  await app.api.must('design:load', {
    document: design,
    fileName: 'undo-2k.strata.json',
    discardChanges: true,
  })
  const designer = new DesignerPage(page)
  await app.open(page, 'test=1')
  await expect.poll(() => designer.ready(), { timeout: 90_000 }).toBe(true)
  const canvas = new CanvasScalePage(page)
  const id = 'host-001234'
  await canvas.view(1, id)
  const start = (await designer.node(id))?.position
  if (!start) throw new Error(`${id} is not on the canvas`)
  const revision = (await designer.facts()).revision
  await designer.dragNode(id, { dx: 60, dy: 35 })
  await expect.poll(async () => (await designer.facts()).revision).toBeGreaterThan(revision)
  const moved = (await designer.node(id))?.position
  expect(moved).not.toEqual(start)
  await designer.shortcut('Control+z')
  await expect.poll(async () => (await designer.node(id))?.position).toEqual(start)
  await designer.shortcut('Control+Shift+z')
  await expect.poll(async () => (await designer.node(id))?.position).toEqual(moved)
})
