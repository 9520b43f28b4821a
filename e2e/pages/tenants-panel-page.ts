/** Page object of the designer's tenants panel (tenants, workloads, placement, explanations). */
import type { Locator, Page } from '@playwright/test'

export class TenantsPanelPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('[data-testid="tenants-panel"]')
  }

  async show(): Promise<void> {
    await this.page.locator('[data-tab="tenants"]').click()
  }

  tenant(id: string): Locator {
    return this.root.locator(`[data-tenant="${id}"]`)
  }

  workload(id: string): Locator {
    return this.root.locator(`[data-workload="${id}"]`)
  }

  async addTenant(): Promise<void> {
    await this.root.locator('[data-testid="add-tenant"]').click()
  }

  async addVmGroup(): Promise<void> {
    await this.root.locator('[data-testid="add-vm-group"]').click()
  }

  /** A field of the inline inspector (`memoryMiB`, `isolation`, ...). */
  field(path: string): Locator {
    return this.root.locator(`[data-field="${path}"]`).locator('input, select')
  }

  async setField(path: string, value: string): Promise<void> {
    const input = this.field(path)
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
    else {
      await input.fill(value)
      await input.press('Enter')
    }
  }

  async place(preset: 'spread' | 'pack' | 'power'): Promise<void> {
    await this.root.locator('[data-testid="placement-preset"]').selectOption(preset)
    await this.root.locator('[data-testid="run-placement"]').click()
  }

  get summary(): Locator {
    return this.root.locator('[data-testid="placement-summary"]')
  }

  unplaced(instanceId: string): Locator {
    return this.root.locator(`[data-instance="${instanceId}"]`)
  }

  get explanation(): Locator {
    return this.root.locator('[data-testid="explanation"]')
  }
}
