/**
 * Review s9u C8: Help had only the virtualization guide. Help now opens Getting started (F1),
 * the guide and the Metrics page. Every control Getting started names in bold ("Rack",
 * "File → Save", "Tenants → Run placement") must exist in the app under that exact label, so
 * the guide cannot drift from the buttons; the Metrics page shows every metric of the glossary.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { METRICS } from '../../src/shared/metrics-glossary'

const MENUS = new Set(['File', 'Edit', 'View', 'Arrange', 'Help'])
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Text that starts with `label` and goes on with nothing or a space (a badge, a shortcut). */
const labelled = (label: string): RegExp => new RegExp(`^\\s*${escape(label)}(\\s|$)`)

test('Help → Getting started names only controls the app has; Help → Metrics lists the glossary', async ({
  page,
  app,
}, testInfo) => {
  const designer = new DesignerPage(page)
  await designer.open(app)
  const help = page.locator('[data-testid="help-panel"]')

  await designer.menu('Help', 'guide-start')
  await expect(help).toBeVisible()
  await expect(help.locator('.page-title')).toHaveText('Getting started')
  await designer.screenshot(testInfo, 's10/c8-help-getting-started')
  const named = [
    ...new Set(await help.locator('[data-testid="guide-body"] strong').allInnerTexts()),
  ]
  // the guide's generic examples of the notation are not controls
  const controls = named.filter((n) => !['Menu → Item', 'Tab → Button', 'bold'].includes(n))
  expect(controls.length).toBeGreaterThan(15)
  await help.locator('[data-testid="help-close"]').click()

  for (const name of controls) {
    const [first, second] = name.split(' → ') as [string, string | undefined]
    if (second !== undefined && MENUS.has(first)) {
      await designer.menuButton(first).click()
      await expect(
        // the item's label, whole (its shortcut is a sibling of this span)
        designer
          .menuList(first)
          .locator('li > span:first-child')
          .filter({ hasText: new RegExp(`^${escape(second)}$`) }),
        name,
      ).toHaveCount(1)
      await page.keyboard.press('Escape')
    } else if (second !== undefined) {
      await page
        .locator('.side-panel [role="tab"]')
        .filter({ hasText: labelled(first) })
        .click()
      await expect(
        page
          .locator('.tab-body button')
          .filter({ hasText: labelled(second) })
          .first(),
        name,
      ).toBeVisible()
    } else {
      const shown = page
        .locator('button, [role="tab"], label, [data-palette]')
        .filter({ hasText: labelled(first) })
      await expect(shown.first(), name).toBeVisible()
    }
  }

  await designer.menu('Help', 'guide-metrics')
  await expect(help.locator('[data-testid="metrics-page"]')).toBeVisible()
  for (const [id, m] of Object.entries(METRICS))
    await expect(help.locator(`[data-metric="${id}"]`)).toContainText(m.label)
  await designer.screenshot(testInfo, 's10/c8-help-metrics')
  await help.locator('[data-help-page="virtualization"]').click()
  await expect(help.locator('.page-title')).toContainText('layers of virtualization')
})
