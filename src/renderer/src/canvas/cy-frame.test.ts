/**
 * Drawing in Cytoscape's frame (`cy-frame.ts`) against a stand-in for Cytoscape's 2D canvas
 * renderer that follows its `render` (drawing-redraw.mjs, cytoscape 3.34): each layer whose
 * `canvasNeedsRedraw` flag is set is cleared and redrawn, and a viewport change sets all three.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from 'cytoscape'
import { drawInCyFrame } from './cy-frame'
import { viewGesture } from './view-gesture'

const [SELECT_BOX, DRAG, NODE] = [0, 1, 2]

function fakeCy(options: { layers?: number; rippleOpacity?: number } = {}) {
  const clears = [0, 0, 0]
  const contexts = [0, 1, 2].map((i) => ({
    canvas: { width: 200, height: 100, style: { transform: '', transformOrigin: '' } },
    clearRect: (): void => void (clears[i] = (clears[i] ?? 0) + 1),
    save: (): void => {},
    restore: (): void => {},
  }))
  const r = {
    CANVAS_LAYERS: options.layers ?? 3,
    NODE,
    DRAG,
    SELECT_BOX,
    data: {
      contexts,
      canvasNeedsRedraw: [true, true, true],
      bgActivePosistion: undefined as unknown,
    },
    hoverData: { selecting: false, dragging: false },
    touchData: { selecting: false },
    textureOnViewport: false,
    dragged: [] as unknown[],
    redraws: 0,
    render(options?: { forcedContext?: unknown }): void {
      if (options?.forcedContext) return
      for (const i of [NODE, DRAG, SELECT_BOX])
        if (this.data.canvasNeedsRedraw[i]) {
          this.data.contexts[i]?.clearRect()
          this.data.canvasNeedsRedraw[i] = false
        }
    },
    redraw(): void {
      this.redraws++
    },
    redrawHint(group: string, on: boolean): void {
      if (group === 'eles') this.data.canvasNeedsRedraw[NODE] = on
    },
    getCachedZSortedEles(): { drag: unknown[] } {
      return { drag: this.dragged }
    },
  }
  const view = { zoom: 1, pan: { x: 0, y: 0 } }
  const cy = {
    renderer: () => r,
    zoom: () => view.zoom,
    pan: () => ({ ...view.pan }),
    width: () => 100,
    height: () => 50,
    style: () => ({ core: () => ({ value: options.rippleOpacity ?? 0 }) }),
  } as unknown as Core
  /** A viewport change: Cytoscape flags every layer, then renders. */
  const panFrame = (): void => {
    r.data.canvasNeedsRedraw.fill(true)
    r.render()
  }
  return { cy, r, clears, panFrame, view }
}

describe('drawInCyFrame', () => {
  it('paints over the element layer after each frame that redrew it, at its pixel ratio', () => {
    const { cy, r, panFrame } = fakeCy()
    const painted: number[][] = []
    drawInCyFrame(cy, (_ctx, w, h, ratio) => painted.push([w, h, ratio]))
    panFrame()
    expect(painted).toEqual([[100, 50, 2]])
    // a frame that redraws only the selection box leaves the element layer (and the paint)
    r.data.canvasNeedsRedraw[SELECT_BOX] = true
    r.render()
    expect(painted).toHaveLength(1)
    // an export (forced context) never gets the paint
    r.data.canvasNeedsRedraw.fill(true)
    r.render({ forcedContext: {} })
    expect(painted).toHaveLength(1)
  })

  it('clears empty selection-box and drag layers once, not on every pan frame', () => {
    const { cy, clears, panFrame } = fakeCy()
    drawInCyFrame(cy, () => {})
    for (let i = 0; i < 10; i++) panFrame()
    expect(clears).toEqual([1, 1, 10])
  })

  it('redraws the drag layer while an element is dragged, and clears it once after', () => {
    const { cy, r, clears, panFrame } = fakeCy()
    drawInCyFrame(cy, () => {})
    panFrame()
    r.dragged = [{}]
    for (let i = 0; i < 4; i++) panFrame()
    r.dragged = []
    for (let i = 0; i < 4; i++) panFrame()
    // 1 first frame + 4 dragging + 1 emptying
    expect(clears[DRAG]).toBe(6)
  })

  it('redraws the selection box while box-selecting or showing a visible ripple only', () => {
    const hidden = fakeCy({ rippleOpacity: 0 })
    drawInCyFrame(hidden.cy, () => {})
    hidden.r.data.bgActivePosistion = { x: 1, y: 1 }
    for (let i = 0; i < 5; i++) hidden.panFrame()
    expect(hidden.clears[SELECT_BOX]).toBe(1)
    hidden.r.hoverData.selecting = true
    for (let i = 0; i < 5; i++) hidden.panFrame()
    expect(hidden.clears[SELECT_BOX]).toBe(6)

    const shown = fakeCy({ rippleOpacity: 0.15 })
    drawInCyFrame(shown.cy, () => {})
    shown.r.data.bgActivePosistion = { x: 1, y: 1 }
    for (let i = 0; i < 5; i++) shown.panFrame()
    expect(shown.clears[SELECT_BOX]).toBe(5)
  })

  it('asks for an element-layer redraw on request, and unhooks on destroy', () => {
    const { cy, r, clears, panFrame } = fakeCy()
    const render = r.render
    let painted = 0
    const frame = drawInCyFrame(cy, () => painted++)
    frame?.request()
    expect(r.redraws).toBe(1)
    expect(r.data.canvasNeedsRedraw[NODE]).toBe(true)
    frame?.destroy()
    expect(r.render).toBe(render)
    for (let i = 0; i < 3; i++) panFrame()
    expect(painted).toBe(0)
    expect(clears).toEqual([3, 3, 3])
  })

  it('moves the last drawing by a CSS transform while the user pans a large design', () => {
    const { cy, r, clears, panFrame, view } = fakeCy()
    let painted = 0
    drawInCyFrame(cy, () => painted++)
    view.zoom = 0.5
    view.pan = { x: 10, y: 20 }
    panFrame()
    const style = r.data.contexts[NODE]?.canvas.style
    r.textureOnViewport = true
    r.hoverData.dragging = true
    view.zoom = 1
    view.pan = { x: -30, y: 5 }
    panFrame()
    // nothing redrawn, the drawing moved: model (100, 40) was drawn at 0.5 × m + (10, 20) =
    // (60, 40) and belongs at 1 × m + (−30, 5) = (70, 45)
    expect(clears).toEqual([1, 1, 1])
    expect(painted).toBe(1)
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(
      style?.transform ?? '',
    )
    const [tx, ty, k] = (m ?? []).slice(1).map(Number) as [number, number, number]
    expect(style?.transformOrigin).toBe('0 0')
    expect([60 * k + tx, 40 * k + ty]).toEqual([70, 45])
    // the gesture ends: drawn afresh, untransformed
    r.hoverData.dragging = false
    panFrame()
    expect(style?.transform).toBe('')
    expect([clears[NODE], painted]).toEqual([2, 2])
  })

  it('draws afresh once when the canvas is resized in mid-pan, then moves that drawing', () => {
    const { cy, r, clears, panFrame, view } = fakeCy()
    let painted = 0
    const texture: boolean[] = []
    const render = r.render
    r.render = (options) => {
      texture.push(r.textureOnViewport)
      render.call(r, options)
    }
    drawInCyFrame(cy, () => painted++)
    panFrame()
    r.textureOnViewport = true
    r.hoverData.dragging = true
    view.pan = { x: 5, y: 0 }
    panFrame()
    expect([clears[NODE], painted]).toEqual([1, 1])
    // the window shrinks: Cytoscape resizes (and so clears) its canvases
    const canvas = r.data.contexts[NODE]?.canvas
    if (canvas) [canvas.width, canvas.height] = [150, 80]
    view.pan = { x: 9, y: 0 }
    panFrame()
    // drawn afresh at the new view, not from Cytoscape's texture of the gesture's start
    expect([clears[NODE], painted]).toEqual([2, 2])
    expect(texture.at(-1)).toBe(false)
    expect(r.textureOnViewport).toBe(true)
    expect(canvas?.style.transform).toBe('')
    // and moved from there while the pan goes on
    view.pan = { x: 20, y: 0 }
    panFrame()
    expect([clears[NODE], painted]).toEqual([2, 2])
    expect(canvas?.style.transform).toContain('translate(11px, 0px)')
  })

  it('moves the last drawing during a wheel or minimap gesture too, and redraws once it ends', () => {
    const { cy, r, clears, panFrame, view } = fakeCy()
    let painted = 0
    drawInCyFrame(cy, () => painted++)
    panFrame()
    r.textureOnViewport = true
    const gesture = viewGesture(cy)
    gesture.begin()
    for (let i = 1; i <= 5; i++) {
      view.zoom = 1 + i / 10
      panFrame()
    }
    const style = r.data.contexts[NODE]?.canvas.style
    expect([clears[NODE], painted]).toEqual([1, 1])
    expect(style?.transform).toContain('scale(1.5)')
    const redraws = r.redraws
    gesture.end()
    // settling asks for one frame with the element layer flagged; it draws afresh
    expect(r.redraws).toBe(redraws + 1)
    expect(r.data.canvasNeedsRedraw[NODE]).toBe(true)
    r.render()
    expect([clears[NODE], painted, style?.transform]).toEqual([2, 2, ''])
    // a small design (no texture while moving) is drawn at every frame, gesture or not
    r.textureOnViewport = false
    gesture.begin()
    panFrame()
    expect(clears[NODE]).toBe(3)
    gesture.end()
  })

  it('is not offered by another renderer (WebGL: four layers) or without one (headless)', () => {
    expect(drawInCyFrame(fakeCy({ layers: 4 }).cy, () => {})).toBeUndefined()
    const headless = { renderer: () => undefined } as unknown as Core
    expect(drawInCyFrame(headless, () => {})).toBeUndefined()
  })
})
