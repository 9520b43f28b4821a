/**
 * Review s9u C11: with a Problems badge the side panel's tabs overflowed ("Simulatior" cut) and
 * the whole window got a horizontal scrollbar. At the app's minimum window width every tab's
 * label shows whole and the page does not scroll sideways.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'
import { MIN_WINDOW_WIDTH_PX } from '../../src/shared/ui-limits'

test('the side-panel tabs fit at the minimum window width with a three-digit Problems badge', async ({
  page,
  app,
}, testInfo) => {
  // every link removed, and 100 more hosts: each host and switch is then unconnected (a
  // warning each), so the badge has three digits
  const design = (await app.api.must('design:get', {})).design
  const { id: _id, name: _name, position: _at, ...kvm } = design.hosts[0]!
  const added = Array.from({ length: 100 }, (_, i) => ({
    type: 'add' as const,
    kind: 'host' as const,
    entity: { ...kvm, id: `extra-${i}`, name: `extra-${i}`, position: { x: i * 40, y: 900 } },
  }))
  await app.api.must('design:apply', {
    command: {
      type: 'batch',
      label: 'set-up',
      commands: [{ type: 'remove', ids: design.links.map((l) => l.id) }, ...added],
    },
  })
  await page.setViewportSize({ width: MIN_WINDOW_WIDTH_PX, height: 700 })
  const designer = new DesignerPage(page)
  await designer.open(app)
  await expect(designer.tab('problems').locator('.count')).toHaveText(/^\d{3}$/)
  const tabs = page.locator('.side-panel [role="tab"]')
  await expect(tabs).toHaveCount(5)
  for (const tab of await tabs.all()) {
    // a label is cut when its content is wider than the button shows
    const cut = await tab.evaluate((b) => b.scrollWidth > b.clientWidth + 0.5)
    expect(cut, `tab "${await tab.innerText()}" is cut`).toBe(false)
  }
  // the canvas toolbar (view switcher) in the same narrow window: nothing slides out of it
  const toolbar = page.locator('.canvas-toolbar')
  const toolbarBox = await toolbar.boundingBox()
  const switcherBox = await toolbar.locator('select').last().boundingBox()
  expect(switcherBox!.x + switcherBox!.width).toBeLessThanOrEqual(
    toolbarBox!.x + toolbarBox!.width + 0.5,
  )
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  )
  expect(sideways, 'the window scrolls sideways').toBe(false)
  await designer.screenshot(testInfo, 's10/c11-tabs-min-width')
})
