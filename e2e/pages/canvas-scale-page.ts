/**
 * Page object of the canvas at datacenter scale (issue 19): the level-of-detail layer's
 * labels, the view's detail, per-rack totals and the nodes in view, all read through the
 * typed test hook (`window.__strataTest`, present with `?test=1`).
 */
import type { Page } from '@playwright/test'
import type {
  LabelFact,
  NodeFact,
  RackTotalsFact,
  StrataTestHook,
} from '../../src/renderer/src/canvas/test-hook-types'

type HookWindow = { __strataTest: StrataTestHook }

export class CanvasScalePage {
  constructor(readonly page: Page) {}

  /** Fits the whole design and waits two frames for the layer to draw. */
  async fit(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.fit())
    await this.frames()
  }

  /** Zooms to `zoom` centred on a node and waits two frames. */
  async view(zoom: number, centreId: string): Promise<void> {
    await this.page.evaluate(
      ([z, id]) => (globalThis as unknown as HookWindow).__strataTest.view(z, id),
      [zoom, centreId] as const,
    )
    await this.frames()
  }

  private frames(): Promise<void> {
    return this.page.evaluate(() => {
      const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): number }
      return new Promise<void>((resolve) =>
        w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve())),
      )
    })
  }

  /** Link bundles drawn in the last frame (zoomed out). */
  bundles(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.bundles())
  }

  /** Racks drawn as mosaics of their hosts (not on the canvas yet) in the last frame. */
  mosaics(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.mosaics())
  }

  labels(): Promise<LabelFact[]> {
    return this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.labels())
  }

  detail(): Promise<'racks' | 'hosts'> {
    return this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.detail())
  }

  nodesInView(): Promise<NodeFact[]> {
    return this.page.evaluate(() =>
      (globalThis as unknown as HookWindow).__strataTest.nodesInView(),
    )
  }

  rackTotals(): Promise<Record<string, RackTotalsFact>> {
    return this.page.evaluate(() => (globalThis as unknown as HookWindow).__strataTest.rackTotals())
  }

  /** The canvas element's box in page pixels. */
  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.page.locator('[data-testid="canvas"]').boundingBox()
    if (!box) throw new Error('the canvas is not visible')
    return box
  }
}
