/**
 * Drawing in Cytoscape's own frame (issue 19). A software canvas costs the compositor's Commit
 * its whole size each frame it changes (measured in s7: 130 pan frames commit in ~20 ms with
 * no canvas redrawn, 400–460 ms with one full-size canvas, 950–1,290 ms with three). Cytoscape's
 * 2D renderer clears three full-size canvases per pan frame (its selection box, drag and
 * element layers) and the level-of-detail layer was a fourth. Here:
 * - `draw` paints over Cytoscape's element layer right after Cytoscape drew it, in the same
 *   task (no canvas of its own); `request()` has Cytoscape redraw that layer next frame;
 * - while the user pans, pinches, wheel-zooms or drags through the minimap on a large design
 *   (Cytoscape's `textureOnViewport`, set by `first-build.ts`; the wheel and the minimap are
 *   our own gestures, `view-gesture.ts`), nothing is redrawn: the element layer's last drawing is moved and scaled
 *   by a CSS transform, which the compositor applies without a canvas to commit. Cytoscape
 *   would instead redraw the layer from a texture of the same view each frame (showing the
 *   same: what was in view when the gesture began); once the gesture ends it draws afresh.
 *   A resize clears the canvas: a resize in mid-gesture draws the view afresh once (not from
 *   Cytoscape's texture, which holds the view at the gesture's start) and moves that drawing
 *   for the rest of the gesture (review s9a #8: the canvas stayed blank until release);
 * - the selection-box and drag layers are not cleared again while they are empty and nothing
 *   is to be drawn on them (no box selection, no visible tap ripple — the stylesheet hides
 *   it —, no element being dragged).
 * Relies on the 2D canvas renderer's fields (`data.contexts`, `canvasNeedsRedraw`, `NODE`,
 * `DRAG`, `SELECT_BOX`, `render`), checked at install; any other renderer (WebGL, headless)
 * gets `undefined` and the caller keeps its own canvas.
 */
import type { Core } from 'cytoscape'
import { viewGesture } from './view-gesture'

/** Paints over Cytoscape's element layer: screen size in CSS px, device pixels per CSS px. */
export type FramePainter = (
  ctx: CanvasRenderingContext2D,
  widthPx: number,
  heightPx: number,
  ratio: number,
) => void

/** A painter hooked into Cytoscape's frames. */
export interface CyFrame {
  /** Has Cytoscape redraw its element layer (and so the painter) in the next frame. */
  request(): void
  /** Unhooks (Cytoscape draws as before). */
  destroy(): void
}

/** The fields of Cytoscape's 2D canvas renderer used here (cytoscape 3.34). */
interface CanvasRenderer {
  CANVAS_LAYERS: number
  NODE: number
  DRAG: number
  SELECT_BOX: number
  data: {
    contexts: CanvasRenderingContext2D[]
    canvasNeedsRedraw: boolean[]
    bgActivePosistion?: unknown
    wheelZooming?: boolean
  }
  hoverData: { selecting?: boolean; dragging?: boolean }
  touchData: { selecting?: boolean }
  textureOnViewport?: boolean
  hideEdgesOnViewport?: boolean
  pinching?: boolean
  swipePanning?: boolean
  showFps?: boolean
  render: (options?: { forcedContext?: unknown }) => void
  redraw: () => void
  redrawHint: (group: 'eles', on: boolean) => void
  getCachedZSortedEles: () => { drag: unknown[] }
}

const canvasRenderer = (cy: Core): CanvasRenderer | undefined => {
  const r = (cy as unknown as { renderer(): Partial<CanvasRenderer> | undefined }).renderer()
  const ok =
    r !== undefined &&
    r.CANVAS_LAYERS === 3 &&
    typeof r.render === 'function' &&
    typeof r.redraw === 'function' &&
    typeof r.redrawHint === 'function' &&
    typeof r.getCachedZSortedEles === 'function' &&
    Array.isArray(r.data?.contexts) &&
    Array.isArray(r.data?.canvasNeedsRedraw) &&
    [r.NODE, r.DRAG, r.SELECT_BOX].every(
      (i) => typeof i === 'number' && typeof r.data?.contexts[i]?.clearRect === 'function',
    )
  return ok ? (r as CanvasRenderer) : undefined
}

/**
 * Hooks `paint` into Cytoscape's frames: called after every frame that redrew the element
 * layer (also the cheap texture frames of a pan), on that layer's context (its state saved
 * and restored around the call). Undefined when `cy`'s renderer is not the 2D canvas one.
 */
export function drawInCyFrame(cy: Core, paint: FramePainter): CyFrame | undefined {
  const r = canvasRenderer(cy)
  if (!r) return undefined
  const { contexts, canvasNeedsRedraw: need } = r.data
  const layers = [r.NODE, r.DRAG, r.SELECT_BOX]
  /** Which layers Cytoscape cleared in the frame being drawn. */
  const cleared = new Map<number, boolean>()
  const restore: Array<() => void> = []
  for (const i of layers) {
    const ctx = contexts[i] as CanvasRenderingContext2D
    const clearRect = ctx.clearRect
    const ownClear = Object.prototype.hasOwnProperty.call(ctx, 'clearRect')
    ctx.clearRect = (...args: Parameters<typeof clearRect>): void => {
      cleared.set(i, true)
      clearRect.apply(ctx, args)
    }
    restore.push(() => {
      if (ownClear) ctx.clearRect = clearRect
      else delete (ctx as Partial<CanvasRenderingContext2D>).clearRect
    })
  }
  /** Layers known to hold nothing (cleared with nothing drawn on them since). */
  const empty = new Set<number>()
  const own = Object.prototype.hasOwnProperty.call(r, 'render')
  const render = r.render
  const nodeCanvas = (contexts[r.NODE] as CanvasRenderingContext2D).canvas
  /** The view the element layer was last drawn at, and its canvas's size then (device px). */
  let drawnAt: { zoom: number; x: number; y: number; width: number; height: number } | undefined
  const gesture = viewGesture(cy)
  const redraw = (): void => {
    r.redrawHint('eles', true)
    r.redraw()
  }
  const unsettled = gesture.onSettled(redraw)
  r.render = function (options): void {
    if (options?.forcedContext) return render.call(r, options)
    const moving = r.textureOnViewport === true && (movingView(r) || gesture.moving)
    // a resize clears the canvas: a drawing of another size is not there to be moved (s9a #8)
    const resized =
      drawnAt !== undefined &&
      (nodeCanvas.width !== drawnAt.width || nodeCanvas.height !== drawnAt.height)
    if (drawnAt && moving && !resized) {
      // screen = model × zoom + pan: the old drawing scaled by k and shifted to the new pan
      const k = cy.zoom() / drawnAt.zoom
      const pan = cy.pan()
      const [x, y] = [pan.x - drawnAt.x * k, pan.y - drawnAt.y * k]
      nodeCanvas.style.transformOrigin = '0 0'
      nodeCanvas.style.transform = `translate(${x}px, ${y}px) scale(${k})`
      return
    }
    if (nodeCanvas.style.transform) nodeCanvas.style.transform = ''
    const dragging = r.getCachedZSortedEles().drag.length > 0
    const selecting = Boolean(
      r.hoverData.selecting ||
      r.touchData.selecting ||
      r.showFps ||
      (r.data.bgActivePosistion && rippleOpacity(cy) > 0),
    )
    if (!dragging && empty.has(r.DRAG)) need[r.DRAG] = false
    if (!selecting && empty.has(r.SELECT_BOX)) need[r.SELECT_BOX] = false
    cleared.clear()
    if (moving) {
      // resized mid-gesture: the view drawn afresh once (not Cytoscape's texture of the view
      // at the gesture's start), then moved from there for the rest of the gesture
      need[r.NODE] = true
      const hideEdges = r.hideEdgesOnViewport
      r.textureOnViewport = false
      r.hideEdgesOnViewport = false
      try {
        render.call(r, options)
      } finally {
        r.textureOnViewport = true
        r.hideEdgesOnViewport = hideEdges
      }
    } else render.call(r, options)
    if (cleared.get(r.DRAG)) toggle(empty, r.DRAG, !dragging)
    if (cleared.get(r.SELECT_BOX)) toggle(empty, r.SELECT_BOX, !selecting)
    if (!cleared.get(r.NODE)) return
    drawnAt = { zoom: cy.zoom(), ...cy.pan(), width: nodeCanvas.width, height: nodeCanvas.height }
    const ctx = contexts[r.NODE] as CanvasRenderingContext2D
    const width = cy.width()
    ctx.save()
    try {
      paint(ctx, width, cy.height(), width > 0 ? ctx.canvas.width / width : 1)
    } finally {
      ctx.restore()
    }
  }
  return {
    request: redraw,
    destroy: () => {
      unsettled()
      nodeCanvas.style.transform = ''
      if (own) r.render = render
      else delete (r as Partial<CanvasRenderer>).render
      for (const undo of restore) undo()
    },
  }
}

/** Whether the user is moving the view by one of Cytoscape's own gestures. */
const movingView = (r: CanvasRenderer): boolean =>
  Boolean(r.pinching || r.hoverData.dragging || r.swipePanning || r.data.wheelZooming)

/** The opacity of Cytoscape's ripple where a tap or pan starts (the stylesheet's `core`). */
const rippleOpacity = (cy: Core): number => {
  const style = cy.style() as unknown as { core?(name: string): { value?: unknown } | undefined }
  const value = style.core?.('active-bg-opacity')?.value
  return typeof value === 'number' ? value : 1
}

const toggle = (set: Set<number>, key: number, on: boolean): void => {
  if (on) set.add(key)
  else set.delete(key)
}
