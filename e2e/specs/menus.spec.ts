/**
 * Menus (issue 12): Escape closes a menu and the context menu; with a menu open, hovering
 * another switches to it; a context menu opened near the window's bottom stays on screen.
 */
import { test, expect } from '../fixtures/app'
import { DesignerPage } from '../pages/designer-page'

test('Escape closes menus; hovering switches between open menus', async ({ page, app }) => {
  const designer = new DesignerPage(page)
  await designer.open(app)

  await designer.menuButton('File').click()
  await expect(designer.menuList('File')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(designer.menuList('File')).toHaveCount(0)

  // one click, then hover: the open menu follows the pointer
  await designer.menuButton('File').click()
  await designer.menuButton('Edit').hover()
  await expect(designer.menuList('Edit')).toBeVisible()
  await expect(designer.menuList('File')).toHaveCount(0)
  await designer.menuButton('View').hover()
  await expect(designer.menuList('View')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(designer.menuList('View')).toHaveCount(0)
  // with no menu open, hovering opens nothing
  await designer.menuButton('File').hover()
  await expect(designer.menuList('File')).toHaveCount(0)
})

test('a context menu near the bottom or right edge stays on screen; Escape closes it', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 })
  const designer = new DesignerPage(page)
  await designer.open(app)
  const viewport = page.viewportSize()!

  for (const at of [
    { x: 200, fromBottom: 4 },
    { x: 860, fromBottom: 30 },
  ]) {
    await designer.contextClickCanvas(at)
    const menu = designer.contextMenu()
    await expect(menu).toBeVisible()
    await expect
      .poll(async () => {
        const box = await menu.boundingBox()
        return (
          !!box &&
          box.y >= 0 &&
          box.x >= 0 &&
          box.y + box.height <= viewport.height &&
          box.x + box.width <= viewport.width
        )
      })
      .toBe(true)
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
  }
})
