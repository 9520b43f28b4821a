/** Page object of the designer's simulation panel. */
import type { Locator, Page } from '@playwright/test'
import type { ChartFact, StrataChartHook } from '../../src/renderer/src/testing/app-hook-types'

type ChartWindow = { __strataCharts?: StrataChartHook }
export type ChartName =
  'heatmap' | 'power' | 'hosts' | 'tenants' | 'cost' | `cost-${string}` | 'sla'

export class SimulationPanelPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('[data-testid="simulation-panel"]')
  }

  async show(): Promise<void> {
    await this.page.locator('[data-tab="simulation"]').click()
  }

  async run(horizonH: number): Promise<void> {
    await this.root.locator('#sim-horizon').fill(String(horizonH))
    await this.root.locator('[data-testid="sim-run"]').click()
  }

  /** A field of the design's simulation settings in the tab (`policy`, `seed`, `failures`...). */
  setting(field: string): Locator {
    return this.root
      .locator(`[data-testid="sim-settings"] [data-field="${field}"]`)
      .locator('input, select')
  }

  /** Types a setting and commits it (Enter), as a user would. */
  async setSetting(field: string, value: string): Promise<void> {
    const input = this.setting(field)
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
    else {
      await input.fill(value)
      await input.press('Enter')
    }
  }

  async pause(): Promise<void> {
    await this.root.locator('[data-testid="sim-pause"]').click()
  }

  async resume(): Promise<void> {
    await this.root.locator('[data-testid="sim-resume"]').click()
  }

  /** Runs to the next progress report, then holds again. */
  async step(): Promise<void> {
    await this.root.locator('[data-testid="sim-step"]').click()
  }

  async cancel(): Promise<void> {
    await this.root.locator('[data-testid="sim-cancel"]').click()
  }

  /** Fraction of the run simulated, 0..1 (0 before any run). */
  async progress(): Promise<number> {
    const bar = this.root.locator('[data-testid="sim-progress"]')
    if ((await bar.count()) === 0) return 0
    return Number((await bar.getAttribute('data-progress')) ?? 0)
  }

  /** Energy used so far by the run in progress, kWh (0 when no counter is shown). */
  async liveEnergyKWh(): Promise<number> {
    const counter = this.root.locator('[data-testid="sim-live-energy"]')
    if ((await counter.count()) === 0) return 0
    return Number((await counter.getAttribute('data-kwh')) ?? 0)
  }

  /** Live migrations so far of the run in progress (-1 when no counter is shown). */
  async liveMigrations(): Promise<number> {
    const counter = this.root.locator('[data-testid="sim-live-migrations"]')
    if ((await counter.count()) === 0) return -1
    // the text is grouped ("1,061"); the attribute holds the number
    return Number(await counter.getAttribute('data-count'))
  }

  get status(): Locator {
    return this.root.locator('[data-testid="sim-status"]')
  }

  chart(name: ChartName): Locator {
    return this.root.locator(`[data-chart="${name}"]`)
  }

  /** Data points the chart holds (0 when absent). */
  async points(name: ChartName): Promise<number> {
    const chart = this.chart(name)
    if ((await chart.count()) === 0) return 0
    return Number(await chart.getAttribute('data-points'))
  }

  /**
   * What a chart draws, through the chart test hook (needs `?test=1`). A chart is drawn only
   * once on screen (issue 19), so it is scrolled into view first.
   */
  async chartFact(name: ChartName): Promise<ChartFact | undefined> {
    const chart = this.chart(name)
    if ((await chart.count()) > 0) await chart.scrollIntoViewIfNeeded()
    return this.page.evaluate(
      (n) =>
        (globalThis as unknown as ChartWindow).__strataCharts?.charts().find((c) => c.name === n),
      name,
    )
  }

  /**
   * Hovers a chart `fromRightPx` pixels left of its right edge, at a fraction of its height;
   * resolves with its tooltip.
   */
  async hoverChart(name: ChartName, fromRightPx: number, fy = 0.5): Promise<Locator> {
    const chart = this.chart(name)
    await chart.scrollIntoViewIfNeeded()
    const box = await chart.boundingBox()
    if (!box) throw new Error(`chart ${name} is not on screen`)
    const x = box.x + box.width - fromRightPx
    await this.page.mouse.move(x - 10, box.y + box.height * fy)
    await this.page.mouse.move(x, box.y + box.height * fy, { steps: 3 })
    return chart.locator('.strata-chart-tooltip')
  }

  /** Moves the time slider to a sample. */
  async slideTo(index: number): Promise<void> {
    await this.timeSlider.fill(String(index))
  }

  get timeSlider(): Locator {
    return this.root.locator('[data-testid="sim-time"]')
  }
}
