/**
 * Charts that read at a glance (issue 12): every chart has units on its axes, a formatted
 * tooltip inside the viewport, the time-slider marker on every time chart, a scale on the
 * heatmap, unpaged legends, one cost chart per currency, active hosts on their own axis.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage, type ChartName } from '../pages/simulation-panel-page'

const TIME_CHARTS: ChartName[] = ['heatmap', 'power', 'hosts', 'tenants', 'cost']

test('each chart has units, a formatted tooltip inside the viewport and the slider marker', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await sim.show()
  await sim.run(3)
  await expect(sim.status).toContainText('done', { timeout: 60_000 })

  // units on every axis: a unit in brackets, or a count/category axis named for what it counts
  for (const name of [...TIME_CHARTS, 'cost-EUR', 'sla'] as ChartName[]) {
    // charts get their options one per frame after the run ends: wait for each
    await expect.poll(() => sim.chartFact(name), { message: name }).toBeDefined()
    const fact = await sim.chartFact(name)
    for (const a of [...fact!.xAxes, ...fact!.yAxes])
      expect(a.name, `${name} axis`).toMatch(/\(.+\)|^Host$|^Hosts on$|^Tenant$/)
    expect(fact!.tooltipConfined, name).toBe(true)
    if (fact!.legend) expect(fact!.legend, name).toBe('plain')
  }
  // the sample bills in USD and EUR: one cost chart each, never summed
  expect((await sim.chartFact('cost'))!.yAxes[0]!.name).toBe('Cost (USD)')
  expect((await sim.chartFact('cost-EUR'))!.yAxes[0]!.name).toBe('Cost (EUR)')
  // the heatmap's colour bar has a scale
  expect((await sim.chartFact('heatmap'))!.visualMap).toMatchObject({ min: 0, max: 100 })
  expect((await sim.chartFact('heatmap'))!.visualMap!.text.join(' ')).toContain('%')
  // active hosts stand on their own count axis, not on the power axis
  const hosts = await sim.chartFact('hosts')
  expect(hosts!.series.map((s) => s.name)).toEqual(['Active hosts'])
  expect((await sim.chartFact('power'))!.series.map((s) => s.name)).not.toContain('Active hosts')

  // every time chart marks the slider, and follows it
  await sim.slideTo(10)
  for (const name of TIME_CHARTS)
    await expect.poll(async () => (await sim.chartFact(name))?.marker, name).toBe('10')

  // tooltips: formatted numbers with units, inside the viewport, also at the right edge
  // (hovered just inside each plot's right edge: the grid's right margin plus a few pixels)
  for (const [name, unit, fromRight] of [
    ['power', / W/, 70],
    ['hosts', /hosts?/, 30],
    ['tenants', / [MGTP]IPS/, 30],
    ['cost', /\$/, 30],
    ['heatmap', / %/, 22],
  ] as Array<[ChartName, RegExp, number]>) {
    const tip = await sim.hoverChart(name, fromRight, 0.45)
    await expect(tip, name).toBeVisible()
    await expect(tip, name).toContainText(unit)
    expect(await tip.textContent(), name).not.toMatch(/\d\.\d{4,}/)
    const box = await tip.boundingBox()
    expect(box!.x, name).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(1600)
    expect(box!.y + box!.height, name).toBeLessThanOrEqual(1000)
  }
})
