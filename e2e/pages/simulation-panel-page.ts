/** Page object of the designer's simulation panel. */
import type { Locator, Page } from '@playwright/test'

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

  get status(): Locator {
    return this.root.locator('[data-testid="sim-status"]')
  }

  chart(name: 'heatmap' | 'power' | 'tenants' | 'sla'): Locator {
    return this.root.locator(`[data-chart="${name}"]`)
  }

  /** Data points the chart holds (0 when absent). */
  async points(name: 'heatmap' | 'power' | 'tenants' | 'sla'): Promise<number> {
    const chart = this.chart(name)
    if ((await chart.count()) === 0) return 0
    return Number(await chart.getAttribute('data-points'))
  }

  get timeSlider(): Locator {
    return this.root.locator('[data-testid="sim-time"]')
  }
}
