/**
 * Simulation panel (issue 5): run a short simulation of the sample, watch it finish, see the
 * charts fill and the canvas colour hosts by utilization at the chosen time.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'

test('a short run fills the charts, colours the hosts and marks the failed one', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await sim.show()
  // the sample fails kvm-2 at 6 h for 2 h
  await sim.run(8)
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

  // at 7 h (sample 84 of 300 s steps) kvm-2 is down: the canvas marks it failed
  await sim.timeSlider.fill('84')
  await expect.poll(async () => (await designer.node('kvm-2'))?.classes ?? []).toContain('failed')
  await designer.screenshot(testInfo, 'simulation-3-failed-host')

  // a sample during which a live migration ran shows it as an arrow between the two hosts
  const run = await app.api.must('simulation:get', {})
  const times = run.result?.series.timesS ?? []
  const migration = run.result?.migrations[0]
  expect(migration).toBeDefined()
  const index = times.findIndex((t) => t >= migration!.startS)
  await sim.timeSlider.fill(String(index))
  await expect
    .poll(async () =>
      (await designer.facts()).edges.some(
        (e) =>
          e.kind === 'migration' &&
          e.source === migration!.fromHostId &&
          e.target === migration!.toHostId,
      ),
    )
    .toBe(true)
  await designer.screenshot(testInfo, 'simulation-4-migration')
})

test('a long run charts and colours live: power points and energy while it is held', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  await designer.open(app)
  await sim.show()
  // a year of the sample (the whole run takes seconds): hold it once the first progress arrives
  await sim.run(8760)
  await expect.poll(() => sim.progress()).toBeGreaterThan(0)
  await sim.pause()
  await expect(sim.status).toContainText('paused')
  // held mid-run: the charts and counters show the series so far, not a result
  await expect.poll(() => sim.points('power')).toBeGreaterThan(0)
  await expect.poll(() => sim.points('tenants')).toBeGreaterThan(0)
  await expect.poll(() => sim.liveEnergyKWh()).toBeGreaterThan(0)
  await expect.poll(() => sim.liveMigrations()).toBeGreaterThanOrEqual(0)
  await expect(sim.chart('power').locator('canvas')).toHaveCount(1)
  await expect(sim.chart('heatmap')).toHaveCount(0)
  expect(await sim.progress()).toBeLessThan(1)
  // the canvas colours every host by its utilization at the latest instant
  await expect
    .poll(async () =>
      (await designer.facts()).nodes.filter(
        (n) => n.kind === 'host' && n.utilization !== undefined,
      ),
    )
    .toHaveLength(13)
  await expect(sim.status).toContainText('paused')
  await designer.screenshot(testInfo, 'simulation-live')

  // one step further (simulation:step: one scheduling step in main, then held again): the
  // series grows by one sample; cancelled, the panel switches to the (partial) result
  const held = await sim.points('power')
  await sim.step()
  await expect.poll(() => sim.points('power')).toBe(held + 1)
  await expect(sim.status).toContainText('paused')
  await sim.cancel()
  await expect(sim.status).toContainText('cancelled')
  await expect.poll(() => sim.points('heatmap')).toBeGreaterThan(0)
  await expect.poll(() => sim.liveEnergyKWh()).toBe(0)
})
