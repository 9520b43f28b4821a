/**
 * The canvas at 10,000 hosts (issue 19): at fit every rack and row label is drawn at least
 * 10 px on screen and inside the canvas; zooming into one rack shows its hosts with their
 * names, and on the way there (zoom 0.25: racks too narrow for their hosts to be created, wide
 * enough to show them) every rack in view draws its hosts as a mosaic, never an empty box
 * (s6 review #13) and the row labels, the rows beginning left of the view, are pinned whole
 * inside it; after a placement and a one-hour run every rack's glyph has a utilization and every
 * host in view is coloured by it.
 */
import { syntheticDatacenter } from '../../src/main/engine/scheduler/synthetic-datacenter'
import { expect, test } from '../fixtures/app'
import { CanvasScalePage } from '../pages/canvas-scale-page'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'

const HOSTS = 10_000

test('10,000 hosts: readable at fit, hosts named in a rack, every rack and host coloured after a run', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(420_000)
  const design = syntheticDatacenter({ hosts: HOSTS, instances: 10 * HOSTS, tenants: 20, seed: 0 })
  await app.api.must('design:load', {
    document: design,
    fileName: 'scale-10k.strata.json',
    discardChanges: true,
  })
  await page.setViewportSize({ width: 1600, height: 1000 })
  const designer = new DesignerPage(page)
  // a 10,000-host first frame takes seconds on a loaded 2-core runner
  await app.open(page, 'test=1')
  await expect.poll(() => designer.ready(), { timeout: 120_000 }).toBe(true)
  const canvas = new CanvasScalePage(page)

  // at fit: every rack and row labelled, >= 10 px, inside the canvas; the view says it shows totals
  await canvas.fit()
  expect(await canvas.detail()).toBe('racks')
  await expect(page.locator('[data-testid="canvas-detail-note"]')).toBeVisible()
  const box = await canvas.canvasBox()
  const labels = await canvas.labels()
  const racks = labels.filter((l) => l.kind === 'rack')
  const rows = labels.filter((l) => l.kind === 'row')
  expect(new Set(racks.map((l) => l.id)).size).toBe(design.racks.length)
  expect(rows.length).toBeGreaterThan(5)
  for (const l of [...racks, ...rows]) {
    expect(l.fontPx, `${l.kind} ${l.id}`).toBeGreaterThanOrEqual(10)
    expect(l.x).toBeGreaterThanOrEqual(0)
    expect(l.y).toBeGreaterThanOrEqual(0)
    expect(l.x + l.width).toBeLessThanOrEqual(box.width)
    expect(l.y + l.height).toBeLessThanOrEqual(box.height)
  }
  // every rack's links to the switch tier above, one bundle per rack and switch, counted from
  // the design's links (the top-of-rack switch is in its rack)
  const rackOf = new Map(
    [...design.hosts, ...design.switches].map((e) => [e.id, e.rackId ?? undefined]),
  )
  const pairs = new Set<string>()
  for (const l of design.links) {
    const [a, b] = [rackOf.get(l.sourceId), rackOf.get(l.targetId)]
    if (a !== b) pairs.add([a ?? l.sourceId, b ?? l.targetId].sort().join('|'))
  }
  await expect.poll(() => canvas.bundles()).toBe(pairs.size)
  await designer.screenshot(testInfo, 'canvas-scale-10k-fit')

  // into one rack: its hosts in view, each with its name drawn at >= 10 px
  const rackId = 'rack-0125'
  const members = design.hosts.filter((h) => h.rackId === rackId).map((h) => h.id)
  // at a quarter: every rack in view (each has its label drawn) shows its hosts, as a mosaic
  // unless they are on the canvas (the rack of the host centred on is created)
  await canvas.view(0.25, members[20] as string)
  expect(await canvas.detail()).toBe('racks')
  const quarter = new Set((await canvas.labels()).filter((l) => l.kind === 'rack').map((l) => l.id))
  const created = new Set(
    (await canvas.nodesInView()).filter((n) => n.kind === 'host').map((n) => n.parent),
  )
  expect(created).toEqual(new Set([rackId]))
  expect(quarter.size).toBeGreaterThan(4)
  expect(await canvas.mosaics()).toBe(quarter.size - created.size)
  // the rows begin left of the view: their labels are pinned whole inside it, not cut ("4")
  const quarterRows = (await canvas.labels()).filter((l) => l.kind === 'row')
  expect(quarterRows.length).toBeGreaterThan(2)
  for (const l of quarterRows) {
    expect(l.x, l.text).toBeGreaterThanOrEqual(0)
    expect(l.x + l.width, l.text).toBeLessThanOrEqual(box.width)
  }
  await designer.screenshot(testInfo, 'canvas-scale-10k-quarter')
  // at half size the racks in view are wide enough to draw their hosts and links: the
  // zoomed-out note ("small racks show totals … zoom in for single links") is gone (s5 review #11)
  await canvas.view(0.5, members[20] as string)
  expect(await canvas.detail()).toBe('racks')
  await expect(page.locator('[data-testid="canvas-detail-note"]')).toBeHidden()
  await canvas.view(1, members[20] as string)
  expect(await canvas.detail()).toBe('hosts')
  const inView = new Map((await canvas.nodesInView()).map((n) => [n.id, n]))
  const shown = members.filter((id) => inView.has(id))
  expect(shown.length).toBeGreaterThanOrEqual(20)
  for (const id of shown) {
    const n = inView.get(id)
    expect(n?.label).toContain(id)
    expect(n?.labelShown, id).toBe(true)
    expect(n?.labelPx).toBeGreaterThanOrEqual(10)
  }
  await designer.screenshot(testInfo, 'canvas-scale-10k-rack')

  // place everything, run an hour: every rack has a utilization, every host in view a colour
  await app.api.must('scheduler:place', { preset: 'spread' })
  const sim = new SimulationPanelPage(page)
  await sim.show()
  await sim.run(1)
  await expect(sim.status).toContainText('done', { timeout: 300_000 })
  await expect
    .poll(
      async () =>
        Object.values(await canvas.rackTotals()).filter((t) => t.utilization !== undefined).length,
      {
        timeout: 30_000,
      },
    )
    .toBe(design.racks.length)
  const totals = await canvas.rackTotals()
  expect(Object.values(totals).every((t) => t.instances > 0)).toBe(true)
  const hosts = (await canvas.nodesInView()).filter((n) => n.kind === 'host')
  expect(hosts.length).toBeGreaterThanOrEqual(20)
  for (const h of hosts) {
    expect(h.utilization, h.id).toBeDefined()
    // mapData(utilization, 0, 1, green, red): never the unplaced blue
    expect(h.colour, h.id).not.toBe('rgb(91,141,239)')
  }
  await designer.screenshot(testInfo, 'canvas-scale-10k-rack-after-run')
  await canvas.fit()
  await designer.screenshot(testInfo, 'canvas-scale-10k-fit-after-run')
})
