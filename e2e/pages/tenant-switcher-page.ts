/** Page object of the provider's view switcher (physical designer or a tenant's view). */
import type { Locator, Page } from '@playwright/test'
import { TenantViewPage } from './tenant-view-page'

export class TenantSwitcherPage {
  constructor(readonly page: Page) {}

  get select(): Locator {
    return this.page.locator('[data-testid="view-switcher"]')
  }

  /** Shows a tenant's view over the canvas (`provider` for the physical designer). */
  async choose(choice: string): Promise<void> {
    await this.select.selectOption(choice)
  }

  /** Opens the chosen tenant's view beside this one; returns the new tab's view. */
  async openBeside(): Promise<TenantViewPage> {
    const [tab] = await Promise.all([
      this.page.waitForEvent('popup'),
      this.page.locator('[data-action="open-tenant-beside"]').click(),
    ])
    return new TenantViewPage(tab)
  }

  /** The tenant view shown over the provider's canvas. */
  overlay(): TenantViewPage {
    return new TenantViewPage(
      this.page,
      this.page.locator('[data-testid="tenant-overlay"] [data-testid="tenant-view"]'),
    )
  }
}
