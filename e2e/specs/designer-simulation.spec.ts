/**
 * Simulation panel (issue 5): run a short simulation of the sample, watch it finish, see the
 * charts fill and the canvas colour hosts by utilization at the chosen time.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'

test('a short run fills the charts and colours the hosts', async ({ page, app }, testInfo) => {
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await sim.show()
  await sim.run(6)
  await expect(sim.status).toContainText('done', { timeout: 60_000 })
  for (const chart of ['heatmap', 'power', 'tenants', 'sla'] as const)
    await expect.poll(() => sim.points(chart)).toBeGreaterThan(0)
  // every chart drew on its canvas
  await expect(sim.chart('power').locator('canvas')).toHaveCount(1)
  const utilized = async (): Promise<number> =>
    (await designer.facts()).nodes.filter((n) => n.kind === 'host' && n.utilization !== undefined)
      .length
  await expect.poll(utilized).toBe(13)
  await designer.screenshot(testInfo, 'simulation-1-done')

  // scrub back to the first sample: the canvas follows the time cursor
  await sim.timeSlider.fill('0')
  await expect.poll(utilized).toBe(13)
  await designer.screenshot(testInfo, 'simulation-2-first-sample')
})
