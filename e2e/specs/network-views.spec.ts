/**
 * The network in the views (issue 17): after a day's run of the sample, each link's colour
 * follows the time slider (its utilization at the latest processing instant at or before the
 * shown time, read through the canvas test hook and the link inspector), and a tenant's own
 * tab shows its virtual network (its workloads, virtual links and traffic) with no physical
 * link, switch or other tenant on screen.
 */
import { test, expect } from '../fixtures/app'
import { runSample } from '../pages/simulation-tab'
import { TenantViewPage } from '../pages/tenant-view-page'

/** The value a series sampled at `timesS` holds at `t` (the latest instant at or before it). */
function heldAt(timesS: number[], values: number[], t: number): number {
  let i = -1
  for (let k = 0; k < timesS.length && (timesS[k] as number) <= t; k++) i = k
  return i < 0 ? 0 : (values[i] as number)
}

test('links follow the time slider; a tenant sees its virtual network', async ({
  page,
  app,
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const { designer, sim } = await runSample(page, app, 24, 120_000)
  const run = await app.api.must('simulation:get', {})
  const result = run.result!
  const net = result.network!
  expect(net).toBeDefined()
  const design = (await app.api.must('design:get', {})).design
  const sampleTimes = result.series.timesS

  // the link whose utilization varies most over the day, and two samples far apart on it
  const links = net.links.filter((l) => l.kind === 'link')
  const at = (l: (typeof links)[number], i: number) =>
    heldAt(net.timesS, l.utilizationSeries, sampleTimes[i] as number)
  let best = { link: links[0]!, low: 0, high: 0, spread: -1 }
  for (const l of links) {
    let low = 0
    let high = 0
    for (let i = 0; i < sampleTimes.length; i++) {
      if (at(l, i) < at(l, low)) low = i
      if (at(l, i) > at(l, high)) high = i
    }
    const spread = at(l, high) - at(l, low)
    if (spread > best.spread) best = { link: l, low, high, spread }
  }
  expect(best.spread).toBeGreaterThan(0.05)
  const linkId = best.link.id

  await sim.slideTo(best.high)
  const edgeLoad = async () =>
    (await designer.facts()).edges.find((e) => e.id === linkId)?.linkLoad ?? -1
  await expect.poll(edgeLoad).toBeCloseTo(at(best.link, best.high), 4)
  await expect(page.locator('[data-legend="link-load"]')).toBeVisible()
  // the link's inspector says the same at this time
  const edge = design.links.find((l) => l.id === linkId)!
  const a = await designer.clientPosition(edge.sourceId)
  const b = await designer.clientPosition(edge.targetId)
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2)
  await expect.poll(() => designer.selection()).toEqual([linkId])
  await designer.tab('inspector').click()
  const shown = page.locator('[data-testid="link-traffic"] [data-field="link-utilization"]')
  await expect(shown).toHaveText(`${(at(best.link, best.high) * 100).toFixed(1)} %`)
  await designer.screenshot(testInfo, 'network-1-busy')

  await sim.show()
  await sim.slideTo(best.low)
  await expect.poll(edgeLoad).toBeCloseTo(at(best.link, best.low), 4)
  await designer.tab('inspector').click()
  await expect(shown).toHaveText(`${(at(best.link, best.low) * 100).toFixed(1)} %`)
  await designer.screenshot(testInfo, 'network-2-calm')

  // Acme's own tab: its virtual network, with the run's traffic, and nothing physical
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } })
  const acme = new TenantViewPage(await context.newPage())
  await acme.open(await app.tenantUrl('t-acme'))
  const vnet = acme.root.locator('[data-testid="tenant-virtual-network"]')
  await expect(vnet).toBeVisible()
  const nodes = await vnet
    .locator('[data-virtual-node]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-virtual-node')))
  expect(nodes.sort()).toEqual(['internet', 'w-acme-db', 'w-acme-web'])
  await expect(vnet.locator('[data-virtual-link="east-west:w-acme-web:w-acme-db"]')).toHaveCount(1)
  const usage = net.tenants.find((t) => t.tenantId === 't-acme')!
  const web = usage.workloads.find((w) => w.workloadId === 'w-acme-web')!
  await expect(
    vnet.locator('[data-testid="virtual-traffic"] [data-workload-id="w-acme-web"]'),
  ).toContainText(Number(web.gbSent.toFixed(web.gbSent < 10 ? 2 : 1)).toLocaleString('en-US'))
  await vnet.scrollIntoViewIfNeeded()
  const text = await acme.text()
  const foreign = [
    ...design.links.map((l) => l.id),
    ...design.switches.flatMap((s) => [s.id, s.name]),
    ...(design.fabric?.externalUplinks ?? []).flatMap((u) => [u.id, u.name]),
    ...design.tenants.filter((t) => t.id !== 't-acme').flatMap((t) => [t.id, t.name]),
    ...design.workloads.filter((w) => w.tenantId !== 't-acme').flatMap((w) => [w.id, w.name]),
  ].filter((s) => s.length > 2)
  for (const s of foreign) expect(text.includes(s), `Acme's tab shows "${s}"`).toBe(false)
  await acme.screenshot(testInfo, 'network-3-tenant-virtual-network')
  await context.close()

  // Globex's compute talks among its own instances: one loop on its one workload
  const other = await browser.newContext({ viewport: { width: 1300, height: 1000 } })
  const globex = new TenantViewPage(await other.newPage())
  await globex.open(await app.tenantUrl('t-globex'))
  const loop = globex.root.locator('[data-virtual-link="east-west:w-globex-hpc:w-globex-hpc"]')
  await expect(loop).toHaveCount(1)
  await loop.scrollIntoViewIfNeeded()
  await globex.screenshot(testInfo, 'network-4-tenant-self-traffic')
  await other.close()
})
