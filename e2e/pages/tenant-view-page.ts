/** Page object of a tenant's view (a tenant-bound tab, or the provider's switcher overlay). */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test'

export class TenantViewPage {
  constructor(
    readonly page: Page,
    /** Where the view is: the whole page (tenant tab) or the provider's overlay. */
    readonly scope: Locator = page.locator('[data-testid="tenant-view"]'),
  ) {}

  get root(): Locator {
    return this.scope
  }

  /** Opens a tenant-bound URL and waits for its view. */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.root).toHaveAttribute('data-tenant-id', /.+/)
  }

  tenantId(): Promise<string | null> {
    return this.root.getAttribute('data-tenant-id')
  }

  tenantName(): Locator {
    return this.root.locator('[data-field="tenant-name"]')
  }

  /** Ids of every instance drawn in the view. */
  instanceIds(): Promise<string[]> {
    return this.root
      .locator('[data-instance-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-instance-id') ?? ''))
  }

  zoneIds(): Promise<string[]> {
    return this.root
      .locator('[data-zone-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-zone-id') ?? ''))
  }

  /** All the text the view shows (for checks that nothing foreign is on screen). */
  text(): Promise<string> {
    return this.page.locator('body').innerText()
  }

  /** Saves a screenshot as a test artifact and under artifacts/screenshots/. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`)
    await this.page.screenshot({ path })
    await this.page.screenshot({ path: `artifacts/screenshots/${name}.png` })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
}
