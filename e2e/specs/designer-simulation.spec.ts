/**
 * Simulation panel (issue 5): run a short simulation of the sample, watch it finish, see the
 * charts fill and the canvas colour hosts by utilization at the chosen time.
 */
import { test, expect } from '../fixtures/app'
import { runSample, openSimulationTab } from '../pages/simulation-tab'
import { DesignerPage } from '../pages/designer-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'
import { TenantSwitcherPage } from '../pages/tenant-switcher-page'
import { TenantsPanelPage } from '../pages/tenants-panel-page'

test('a short run fills the charts, colours the hosts and marks the failed one', async ({
  page,
  app,
}, testInfo) => {
  // the sample fails kvm-2 at 6 h for 2 h
  const { designer, sim } = await runSample(page, app, 8)
  for (const chart of ['heatmap', 'power', 'tenants', 'sla'] as const)
    await expect.poll(() => sim.points(chart)).toBeGreaterThan(0)
  // every chart drew on its canvas (a chart is drawn once it is on screen: issue 19)
  await sim.chart('power').scrollIntoViewIfNeeded()
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
  const { designer, sim } = await openSimulationTab(page, app)
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

test("Run alone shows the run's placement on the canvas, the Tenants tab and a tenant view", async ({
  page,
  app,
}, testInfo) => {
  // review s6u #5: Run without "Run placement" simulated a placement no view showed
  const designer = new DesignerPage(page)
  const sim = new SimulationPanelPage(page)
  const tenants = new TenantsPanelPage(page)
  await designer.open(app)
  expect(await app.api.must('scheduler:last-digest', {})).toBeNull()
  await sim.show()
  await sim.run(2)
  await expect(sim.status).toContainText('done', { timeout: 60_000 })
  const { design } = await app.api.must('design:get', {})
  const total = design.workloads.reduce((n, w) => n + w.count, 0)
  const run = await app.api.must('simulation:get', {})
  const started = (run.result?.instances ?? []).filter((i) => i.initialHostId !== undefined)
  const startedOf = (tenantId: string) => started.filter((i) => i.tenantId === tenantId).length
  expect(started.length).toBeGreaterThan(0)
  // the canvas draws every instance the run started, in its tenant's colour
  const onCanvas = async (tenantId: string): Promise<number> =>
    (await designer.facts()).nodes.reduce((n, f) => n + (f.instancesByTenant?.[tenantId] ?? 0), 0)
  for (const t of design.tenants) await expect.poll(() => onCanvas(t.id)).toBe(startedOf(t.id))
  await designer.screenshot(testInfo, 'run-alone-1-canvas')
  // the Tenants tab counts them against the design's instances
  await tenants.show()
  await expect(tenants.summary).toContainText(`Placed ${started.length} of ${total} instances`)
  await designer.screenshot(testInfo, 'run-alone-2-tenants-tab')
  // Acme's view puts its started instances in zones, and only the others under "Not placed"
  const switcher = new TenantSwitcherPage(page)
  await switcher.choose('t-acme')
  const acme = switcher.overlay()
  const acmeTotal = design.workloads
    .filter((w) => w.tenantId === 't-acme')
    .reduce((n, w) => n + w.count, 0)
  const notPlaced = () => acme.root.locator('[data-zone-id="unplaced"] [data-instance-id]').count()
  await expect.poll(notPlaced).toBe(acmeTotal - startedOf('t-acme'))
  await expect.poll(async () => (await acme.instanceIds()).length).toBe(acmeTotal)
  await acme.screenshot(testInfo, 'run-alone-3-tenant-view')
})
