/**
 * Page object of the provider's designer. Reads the canvas through the typed test hook
 * (`window.__strataTest`, present with `?test=1`) and drives it with the real mouse.
 */
import { expect, type Download, type Locator, type Page, type TestInfo } from '@playwright/test'
import type {
  CanvasFacts,
  NodeFact,
  StrataTestHook,
} from '../../src/renderer/src/canvas/test-hook-types'
import type { AppFixture } from '../fixtures/app'

type HookWindow = { __strataTest?: StrataTestHook }

export class DesignerPage {
  constructor(readonly page: Page) {}

  /** Opens the app with the test hook and waits for the design on the canvas. */
  async open(app: AppFixture): Promise<void> {
    await app.open(this.page, 'test=1')
    await expect.poll(() => this.ready(), { message: 'canvas ready' }).toBe(true)
  }

  ready(): Promise<boolean> {
    return this.page.evaluate(
      () => (globalThis as unknown as HookWindow).__strataTest?.ready() ?? false,
    )
  }

  facts(): Promise<CanvasFacts> {
    return this.page.evaluate(() => {
      const hook = (globalThis as unknown as HookWindow).__strataTest
      if (!hook) throw new Error('no test hook: open the app with ?test=1')
      return hook.facts()
    })
  }

  node(id: string): Promise<NodeFact | undefined> {
    return this.page.evaluate(
      (nodeId) => (globalThis as unknown as HookWindow).__strataTest?.node(nodeId),
      id,
    )
  }

  async nodeIds(): Promise<string[]> {
    return (await this.facts()).nodes.map((n) => n.id).sort()
  }

  async edgeIds(): Promise<string[]> {
    return (await this.facts()).edges
      .filter((e) => e.kind === 'link')
      .map((e) => e.id)
      .sort()
  }

  async parentOf(id: string): Promise<string | undefined> {
    return (await this.node(id))?.parent
  }

  async selection(): Promise<string[]> {
    return (await this.facts()).selection
  }

  async clientPosition(id: string): Promise<{ x: number; y: number }> {
    const n = await this.node(id)
    if (!n) throw new Error(`no node ${id} on the canvas`)
    return n.client
  }

  palette(key: string): Locator {
    return this.page.locator(`[data-palette="${key}"]`)
  }

  /** Drags a palette item with the mouse and drops it at page coordinates. */
  async dragFromPalette(key: string, to: { x: number; y: number }): Promise<void> {
    const box = await this.palette(key).boundingBox()
    if (!box) throw new Error(`palette item ${key} is not visible`)
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(to.x - 20, to.y - 20, { steps: 5 })
    await this.page.mouse.move(to.x, to.y, { steps: 5 })
    await this.page.mouse.up()
  }

  /** Drags a node by an offset in page pixels with the mouse. */
  async dragNode(id: string, by: { dx: number; dy: number }): Promise<void> {
    const from = await this.clientPosition(id)
    await this.page.mouse.move(from.x, from.y)
    await this.page.mouse.down()
    await this.page.mouse.move(from.x + by.dx / 2, from.y + by.dy / 2, { steps: 4 })
    await this.page.mouse.move(from.x + by.dx, from.y + by.dy, { steps: 4 })
    await this.page.mouse.up()
  }

  async clickNode(id: string): Promise<void> {
    const at = await this.clientPosition(id)
    await this.page.mouse.click(at.x, at.y)
  }

  /** Turns link mode on, drags from one node to another, turns it off. */
  async connect(sourceId: string, targetId: string): Promise<void> {
    await this.page.locator('[data-action="link-mode"]').click()
    const from = await this.clientPosition(sourceId)
    const to = await this.clientPosition(targetId)
    await this.page.mouse.move(from.x, from.y)
    await this.page.mouse.down()
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 })
    await this.page.mouse.move(to.x, to.y, { steps: 6 })
    await expect
      .poll(async () => (await this.node(targetId))?.classes.includes('eh-target') ?? false)
      .toBe(true)
    await this.page.mouse.up()
    await this.page.locator('[data-action="link-mode"]').click()
  }

  /** Runs an item of the in-page menu bar (`File` → `export-png`). */
  async menu(menu: string, action: string): Promise<void> {
    await this.page.locator(`[data-menu="${menu}"]`).click()
    await this.page.locator(`[data-action="${action}"]`).click()
  }

  /** The open list of a menu-bar menu (`File`). */
  menuList(menu: string): Locator {
    return this.page.locator(`[data-menu-list="${menu}"]`)
  }

  menuButton(menu: string): Locator {
    return this.page.locator(`[data-menu="${menu}"]`)
  }

  contextMenu(): Locator {
    return this.page.locator('[data-testid="context-menu"]')
  }

  /** Right-clicks the canvas at page coordinates (`fromBottom` px above its bottom edge). */
  async contextClickCanvas(at: { x: number; fromBottom: number }): Promise<void> {
    const box = await this.page.locator('[data-testid="canvas"]').boundingBox()
    if (!box) throw new Error('no canvas on screen')
    // The legend lies over the canvas's bottom edge and takes its own clicks: the canvas a
    // user can right-click ends at the legend's top.
    const foot = await this.page.locator('.canvas-foot').first().boundingBox()
    const bottom =
      foot && foot.height > 0 ? Math.min(foot.y, box.y + box.height) : box.y + box.height
    await this.page.mouse.click(box.x + at.x, bottom - at.fromBottom, { button: 'right' })
  }

  /** Runs a menu item that downloads a file; resolves with the browser's download. */
  async download(menu: string, action: string): Promise<Download> {
    const downloaded = this.page.waitForEvent('download')
    await this.menu(menu, action)
    return downloaded
  }

  /** The in-page "Discard unsaved changes?" question. */
  confirmDialog(): Locator {
    return this.page.locator('[data-testid="confirm-dialog"]')
  }

  /** Answers the open confirm dialog: `true` discards, `false` keeps editing. */
  async answerConfirm(yes: boolean): Promise<void> {
    await this.page.locator(`[data-testid="${yes ? 'confirm-ok' : 'confirm-cancel'}"]`).click()
    await expect(this.confirmDialog()).toBeHidden()
  }

  /** The document title in the menu bar (name, plus "(unsaved)" while dirty). */
  docTitle(): Locator {
    return this.page.locator('[data-testid="doc-title"]')
  }

  /** The status bar's save status: `saved` or `unsaved` (its `data-status`). */
  saveStatus(): Locator {
    return this.page.locator('[data-testid="save-status"]')
  }

  /** A row of the Problems tab about an element. */
  problem(elementId: string): Locator {
    return this.page.locator(`[data-testid="problems"] [data-element="${elementId}"]`)
  }

  /** The status bar's "n errors, m warnings". */
  problemCount(): Locator {
    return this.page.locator('[data-testid="problem-count"]')
  }

  /** The status bar's "not placed yet", shown until a placement counts unplaced instances. */
  notPlacedYet(): Locator {
    return this.page.locator('[data-testid="not-placed-yet"]')
  }

  /** An entry of the canvas legend (`utilization`, `failed`, `tenant-t-acme`, ...). */
  legendItem(key: string): Locator {
    return this.page.locator(`[data-testid="canvas-legend"] [data-legend="${key}"]`)
  }

  emptyHint(): Locator {
    return this.page.locator('[data-testid="empty-hint"]')
  }

  tab(name: 'inspector' | 'tenants' | 'simulation' | 'problems'): Locator {
    return this.page.locator(`[data-tab="${name}"]`)
  }

  /** The input or select of an inspector field, by its path (`virtualization.kind`). */
  field(path: string): Locator {
    return this.page
      .locator(`[data-testid="inspector"] [data-field="${path}"]`)
      .locator('input, select')
  }

  fieldError(path: string): Locator {
    return this.page.locator(`[data-testid="inspector"] [data-field="${path}"] .field-error`)
  }

  async shortcut(keys: string): Promise<void> {
    // leave any form field, as a user clicking elsewhere would
    await this.page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }
      ).document
      doc.activeElement?.blur?.()
    })
    await this.page.keyboard.press(keys)
  }

  /** Saves a screenshot as a test artifact and under artifacts/screenshots/. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`)
    await this.page.screenshot({ path })
    await this.page.screenshot({ path: `artifacts/screenshots/${name}.png` })
    await testInfo.attach(name, { path, contentType: 'image/png' })
  }
}
