/** Page object of the designer's Experiments panel (issue 16). */
import type { Locator, Page } from '@playwright/test'
import type { ChartFact, StrataChartHook } from '../../src/renderer/src/testing/app-hook-types'

type ChartWindow = { __strataCharts?: StrataChartHook }

export class ExperimentsPanelPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('[data-testid="experiments-panel"]')
  }

  async show(): Promise<void> {
    await this.page.locator('[data-tab="experiments"]').click()
  }

  /** Types factor `index` (adding rows as needed): its design path and its values. */
  async setFactor(index: number, path: string, values: string): Promise<void> {
    while ((await this.root.locator('.factor-row').count()) <= index)
      await this.root.locator('[data-testid="experiment-add-factor"]').click()
    const row = this.root.locator(`[data-testid="experiment-factor-${index}"]`)
    await row.locator('[data-testid="factor-path"]').fill(path)
    await row.locator('[data-testid="factor-values"]').fill(values)
  }

  async setRepeat(n: number): Promise<void> {
    await this.root.locator('[data-testid="experiment-repeat"]').fill(String(n))
  }

  async run(): Promise<void> {
    await this.root.locator('[data-testid="experiment-run"]').click()
  }

  /** The heading of a refused experiment. */
  get error(): Locator {
    return this.root.getByTestId('experiment-error')
  }

  /** The refused experiment's lines, one per problem. */
  get problems(): Locator {
    return this.root.getByTestId('experiment-problems').locator('li')
  }

  get status(): Locator {
    return this.root.locator('[data-testid="experiment-status"]')
  }

  get table(): Locator {
    return this.root.locator('[data-testid="experiment-table"]')
  }

  get pareto(): Locator {
    return this.root.locator('[data-chart="pareto"]')
  }

  get runDetail(): Locator {
    return this.root.locator('[data-testid="experiment-run-detail"]')
  }

  /** Opens run `n` (from 0, plan order) from the run list. */
  async openRun(n: number): Promise<void> {
    const list = this.root.locator('[data-testid="experiment-runs"]')
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click()
    await list.locator('[data-testid="experiment-open-run"]').nth(n).click()
  }

  get comparison(): Locator {
    return this.root.locator('[data-testid="experiment-comparison"]')
  }

  /** Ticks runs `ns` (from 0, plan order) in the run list and compares them. */
  async compareRuns(ns: number[]): Promise<void> {
    const list = this.root.locator('[data-testid="experiment-runs"]')
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click()
    for (const n of ns) await list.locator('[data-testid="experiment-compare-run"]').nth(n).check()
    await list.locator('[data-testid="experiment-compare"]').click()
  }

  /** Opens the run shown in the detail in the app ("Open on canvas"). */
  async openInApp(): Promise<void> {
    await this.runDetail.locator('[data-testid="experiment-open-in-app"]').click()
  }

  /** What the Pareto chart draws, from the chart test hook. */
  async paretoFact(): Promise<ChartFact | undefined> {
    return this.chartFact('pareto')
  }

  /**
   * What chart `name` draws, from the chart test hook. A chart is drawn only once on screen
   * (issue 19), so it is scrolled into view first.
   */
  async chartFact(name: string): Promise<ChartFact | undefined> {
    const chart = this.root.locator(`[data-chart="${name}"]`)
    if ((await chart.count()) > 0) await chart.scrollIntoViewIfNeeded()
    return this.page.evaluate(
      (n) =>
        (globalThis as unknown as ChartWindow).__strataCharts?.charts().find((c) => c.name === n),
      name,
    )
  }

  get boxes(): Locator {
    return this.root.locator('[data-testid="experiment-boxes"]')
  }

  /** The five numbers (min, Q1, median, Q3, max) of level `index` of `factor`'s box plot. */
  async boxValues(factor: string, index: number): Promise<number[]> {
    const row = this.root.locator(`[data-testid="box-numbers:${factor}"] tbody tr`).nth(index)
    const cells = row.locator('td[data-stat]')
    return (await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).map(
      Number,
    )
  }
}
