/**
 * Experiments panel (issue 16): on the open sample, define two factors (policy x CPU
 * overcommit) with 2 repetitions, run them on the local pool, read the table of means with
 * 95 % CIs and the Pareto chart, and open one run.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { ExperimentsPanelPage } from '../pages/experiments-panel-page'
import { SimulationPanelPage } from '../pages/simulation-panel-page'
import type { ExperimentInfo, ExperimentResults } from '../../src/shared/contract'

/** Non-dominated points (minimise both), by the definition. */
function front(points: Array<{ x: number; y: number; label: string }>): string[] {
  return points
    .filter((p) => !points.some((q) => q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)))
    .map((p) => p.label)
}

test('two factors run, compare in a table, Pareto chart and box plots, and one run opens in the app', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  const ex = new ExperimentsPanelPage(page)
  await page.setViewportSize({ width: 1600, height: 1000 })
  await designer.open(app)
  await ex.show()
  await ex.setFactor(0, 'simulation.policy', 'thr-mmt-0.8, dvfs')
  await ex.setFactor(1, 'racks[*].cpuAllocationRatio', '1, 4')
  await ex.setRepeat(2)
  await designer.screenshot(testInfo, 'experiments-1-defined')
  await ex.run()
  await expect(ex.status).toHaveAttribute('data-status', 'done', { timeout: 120_000 })
  await expect(ex.status).toContainText('8/8 runs done')

  // the table: one row per combination, mean ± CI from 2 repetitions
  await expect(ex.table.locator('tbody tr')).toHaveCount(4)
  await expect(ex.table.locator('thead')).toContainText('IT energy (kWh)')
  // what IT energy includes, said under the table (review s5 #9)
  await expect(ex.root.locator('[data-testid="experiment-energy-note"]')).toContainText(
    'the hosts, plus the storage systems and switches',
  )
  await expect(ex.table.locator('tbody tr').first()).toContainText('±')

  // the chart: 8 runs and the Pareto front of the means, as the definition gives it
  const [info] = await app.api.must('experiments:list', {})
  const results: ExperimentResults = await app.api.must('experiments:results', {
    experimentId: (info as ExperimentInfo).experimentId,
  })
  const means = results.combinations.map((c) => ({
    x: c.estimates.energyKWh!.mean,
    y: c.estimates.overallSlaViolation!.mean,
    label: results.factorNames.map((f) => String(c.factors[f])).join(' · '),
  }))
  const expected = front(means)
  await expect(ex.pareto.locator('canvas')).toHaveCount(1)
  await expect
    .poll(async () => (await ex.paretoFact())?.series.map((s) => [s.name, s.points]))
    .toEqual([
      ['Runs', 8],
      ['Pareto front (means)', expected.length],
    ])
  expect((await ex.pareto.getAttribute('data-front'))?.split(' | ').sort()).toEqual(
    [...expected].sort(),
  )
  await designer.screenshot(testInfo, 'experiments-2-compared')

  // box plots: per factor, a box per level over the 4 runs with that level
  for (const factor of results.factorNames)
    await expect
      .poll(async () =>
        (await ex.chartFact(`box:${factor}`))?.series.map((s) => [s.type, s.points]),
      )
      .toEqual([['boxplot', 2]])
  const thr = results.runs
    .filter((r) => r.factors['simulation.policy'] === 'thr-mmt-0.8')
    .map((r) => r.summary.energyKWh)
    .sort((a, b) => a - b)
  expect(thr).toHaveLength(4)
  // R-7 median of 4 values: the mean of the middle two
  const median = (thr[1]! + thr[2]!) / 2
  const box = await ex.boxValues('simulation.policy', 0)
  expect(box[2]).toBeCloseTo(median, 9)
  expect([box[0], box[4]]).toEqual([thr[0], thr[3]])
  await ex.boxes.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-2b-boxes')

  // two runs side by side: a summary column each, their series on the same axes
  await ex.compareRuns([0, 6])
  await expect(ex.comparison.locator('thead th.run-head')).toHaveCount(2)
  const [a, b] = [results.runs[0]!, results.runs[6]!]
  await expect(ex.comparison.locator('thead')).toContainText(`#1 ${a.factors['simulation.policy']}`)
  await expect(ex.comparison.locator('thead')).toContainText(`#7 ${b.factors['simulation.policy']}`)
  for (const key of ['power', 'hosts', 'sla'])
    await expect
      .poll(async () => (await ex.chartFact(`compare:${key}`))?.series.map((s) => s.name))
      .toEqual([expect.stringContaining('#1 '), expect.stringContaining('#7 ')])
  // both runs span the design's horizon, a sample per step
  const { horizonS, stepS } = (await app.api.must('design:get', {})).design.simulation
  const samples = Number(
    await ex.root.locator('[data-chart="compare:power"]').getAttribute('data-points'),
  )
  expect(samples % 2).toBe(0)
  expect(samples / 2).toBe(horizonS / stepS + 1) // a sample every step from 0 to the horizon
  await ex.comparison.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-2c-side-by-side')

  // open one run: its summary and tenants
  await ex.openRun(3)
  const run = results.runs[3]!
  await expect(ex.runDetail).toContainText(`Run 4`)
  await expect(ex.runDetail).toContainText(run.summary.policy)
  const detail = await app.api.must('experiments:run', {
    experimentId: results.experimentId,
    runId: run.runId,
  })
  // its energy split by device: the sample's storage and switches have power models
  const split = run.summary.energyBreakdownKWh!
  expect(split.hosts + (split.storage ?? 0) + (split.switches ?? 0)).toBeCloseTo(
    run.summary.energyKWh,
    9,
  )
  await expect(ex.runDetail.locator('[data-testid="run-energy-split"]')).toContainText(
    /hosts .* · storage .* · switches .* kWh/,
  )
  await expect(ex.runDetail.locator('[data-testid="experiment-run-tenants"] tbody tr')).toHaveCount(
    detail.tenants.length,
  )
  await ex.runDetail.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-3-run-open')

  // open it in the app: an unsaved edit is never discarded without asking
  await app.api.must('design:apply', {
    command: { type: 'set-meta', patch: { name: 'My edited design' } },
  })
  await expect(designer.docTitle()).toContainText('My edited design (unsaved)')
  await ex.openInApp()
  await expect(designer.confirmDialog()).toBeVisible()
  await designer.answerConfirm(false)
  await expect(designer.docTitle()).toContainText('My edited design (unsaved)')
  expect((await app.api.must('design:get', {})).design.meta.name).toBe('My edited design')
  await ex.openInApp()
  await designer.answerConfirm(true)
  // the run's resolved design is the open design: new, unsaved, named after the run
  await expect(designer.docTitle()).toContainText(`run 4 (${run.factors['simulation.policy']}`)
  await expect(designer.docTitle()).toContainText('(unsaved)')
  const opened = (await app.api.must('design:get', {})).design
  expect(opened.simulation.seed).toBe(run.seed)
  for (const rack of opened.racks)
    expect(rack.cpuAllocationRatio).toBe(run.factors['racks[*].cpuAllocationRatio'])
  // the canvas shows that design's hosts; the Simulation panel its result at the slider
  await expect
    .poll(
      async () =>
        (await designer.nodeIds()).filter((id) => opened.hosts.some((h) => h.id === id)).length,
    )
    .toBe(opened.hosts.length)
  const sim = new SimulationPanelPage(page)
  await expect(sim.root).toBeVisible()
  await expect(sim.timeSlider).toBeVisible({ timeout: 60_000 })
  // same design and seed: the app's simulation gives the run's figures
  const runs = await app.api.must('simulation:list', {})
  const last = await app.api.must('simulation:get', { runId: runs.at(-1)!.runId })
  expect(last.result?.summary.energyKWh).toBe(run.summary.energyKWh)
  expect(last.result?.summary.migrations).toBe(run.summary.migrations)
  await designer.screenshot(testInfo, 'experiments-4-run-in-app')

  // a narrow window (600 px): the panel's tables fit without scrolling sideways
  await page.setViewportSize({ width: 600, height: 900 })
  await ex.show()
  await ex.table.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-5-narrow-table')
  await ex.boxes.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-6-narrow-boxes')
  await ex.comparison.scrollIntoViewIfNeeded()
  await designer.screenshot(testInfo, 'experiments-7-narrow-side-by-side')
  for (const table of [ex.table, ex.comparison.locator('table')])
    expect(
      await table.evaluate((t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth),
    ).toBeLessThanOrEqual(0)
})

test('refused factor values read one line per value, naming the row and the value typed', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  const ex = new ExperimentsPanelPage(page)
  await page.setViewportSize({ width: 1600, height: 1000 })
  await designer.open(app)
  await ex.show()
  await ex.setFactor(0, 'simulation.policy', 'dvfs')
  await ex.setFactor(1, 'racks[*].cpuAllocationRatio', 'abc, -1, 2')
  await ex.run()
  // The sample has 3 racks: one line per bad value, not one per rack and value.
  await expect(ex.error).toHaveText('the experiment is not valid: 2 problems')
  await expect(ex.problems).toHaveText([
    "factor 2, value 'abc': racks[0].cpuAllocationRatio: not a number (a string) (the same on 2 more elements)",
    "factor 2, value '-1': racks[0].cpuAllocationRatio: must be > 0 (the same on 2 more elements)",
  ])
  await designer.screenshot(testInfo, 'experiments-8-refused-values')
})
