/**
 * A minimap: every node as a dot on a small 2D canvas, with the visible viewport as a frame.
 * A rack too narrow on the map for its members' dots to stand apart (`SOLID_RACK_PX`) is
 * drawn as a block instead: at 10,000 hosts the dots of 250 racks merged into one solid
 * blue block. Click or drag on it to pan (a view gesture, `view-gesture.ts`: a large design
 * is drawn afresh when the pointer is released, not at every move). Redraws at most once per
 * animation frame.
 */
import type { Core } from 'cytoscape'
import { isContainer } from './elements'
import { packedColour, paintBoxes, paintDots } from './minimap-dots'
import { viewGesture } from './view-gesture'

/** A rack narrower than this on the map is a block, not its members' dots, px. */
export const SOLID_RACK_PX = 16

type Box = { x1: number; y1: number; x2: number; y2: number }

export class Minimap {
  private frame = 0
  private held = false
  private scale = 1
  private origin = { x: 0, y: 0 }
  private readonly redraw = (): void => this.schedule()

  constructor(
    private readonly cy: Core,
    private readonly canvas: HTMLCanvasElement,
    /** Members not on the canvas (hosts of racks never zoomed into), drawn as dots too. */
    private readonly ghosts: () => ReadonlyArray<{
      position: { x: number; y: number }
      rackId?: string
    }> = () => [],
  ) {
    // not on 'position': a drag fires it every frame for every moved node
    cy.on('viewport add remove dragfree resize', this.redraw)
    cy.on('add remove position dragfree', this.changed)
    canvas.addEventListener('pointerdown', this.onPointer)
    this.schedule()
  }

  /** Draws nothing while `on` (a first build is under way); draws once released. */
  hold(on: boolean): void {
    this.held = on
    if (!on) this.schedule()
  }

  schedule(): void {
    if (this.held || this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.draw()
    })
  }

  /** Members' positions and their bounds, kept until nodes are added, removed or moved. */
  private points:
    | {
        ghosts: ReadonlyArray<unknown>
        /** Members, with the rack each is in. */
        list: Array<{ x: number; y: number; rack?: string }>
        racks: Map<string, Box>
        bounds: Box
      }
    | undefined
  /** The dots as drawn at a scale and origin, copied while only the view moves. */
  private dots:
    { key: string; canvas: HTMLCanvasElement; frameColour: string; from: object } | undefined
  private readonly changed = (): void => {
    this.points = undefined
  }

  /** The members' positions (rack and zone boxes are around them) and their bounds. */
  private memberPoints(): NonNullable<Minimap['points']> | undefined {
    const ghosts = this.ghosts()
    if (this.points?.ghosts === ghosts) return this.points
    const list: Array<{ x: number; y: number; rack?: string }> = []
    const racks = new Map<string, Box>()
    this.cy.nodes().forEach((n) => {
      const p = n.position()
      if (n.hasClass('rack')) {
        const [w, h] = [Number(n.data('w')) / 2 || 0, Number(n.data('h')) / 2 || 0]
        racks.set(n.id(), { x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h })
      } else if (!isContainer(n)) list.push({ x: p.x, y: p.y, rack: n.data('container') })
    })
    for (const g of ghosts) list.push({ ...g.position, rack: g.rackId })
    if (list.length === 0) return undefined
    const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }
    for (const p of list) {
      bounds.x1 = Math.min(bounds.x1, p.x)
      bounds.y1 = Math.min(bounds.y1, p.y)
      bounds.x2 = Math.max(bounds.x2, p.x)
      bounds.y2 = Math.max(bounds.y2, p.y)
    }
    return (this.points = { ghosts, list, racks, bounds })
  }

  /**
   * Draws the dots and the view's frame. While only the view moves, the dots are copied from
   * the last drawing at the same scale and origin (10,000 dots and a style lookup per frame
   * made panning slower).
   */
  private draw(): void {
    const ctx = this.canvas.getContext('2d')
    if (!ctx) return
    const { width, height } = this.canvas
    ctx.clearRect(0, 0, width, height)
    const points = this.memberPoints()
    if (!points) return
    const b = points.bounds
    const e = this.cy.extent()
    // the scale fits the drawing alone, not the view: it stays put while the view pans (a
    // new scale redraws every dot), and the view's frame is kept inside the map's edge
    const box = { x1: b.x1, y1: b.y1, w: b.x2 - b.x1, h: b.y2 - b.y1 }
    const pad = 6
    this.scale = Math.min((width - 2 * pad) / (box.w || 1), (height - 2 * pad) / (box.h || 1))
    this.origin = { x: box.x1 - pad / this.scale, y: box.y1 - pad / this.scale }
    const s = this.scale
    const key = `${s} ${this.origin.x} ${this.origin.y} ${width} ${height}`
    if (this.dots?.key !== key || this.dots.from !== points) {
      const canvas = this.dots?.canvas ?? document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const d = canvas.getContext('2d')
      const style = getComputedStyle(this.canvas)
      const node = style.getPropertyValue('--minimap-node').trim() || '#5b8def'
      const colour = packedColour(node)
      const at = (p: { x: number; y: number }): { x: number; y: number } => ({
        x: (p.x - this.origin.x) * s,
        y: (p.y - this.origin.y) * s,
      })
      // racks too narrow on the map for their members' dots: blocks
      const solid = new Map<string, Box>()
      for (const [id, r] of points.racks)
        if ((r.x2 - r.x1) * s < SOLID_RACK_PX) {
          const a = at({ x: r.x1, y: r.y1 })
          const z = at({ x: r.x2, y: r.y2 })
          solid.set(id, { x1: a.x, y1: a.y, x2: z.x, y2: z.y })
        }
      const dots = points.list.filter((p) => p.rack === undefined || !solid.has(p.rack)).map(at)
      if (d && colour !== undefined && typeof ImageData === 'function') {
        const image = new ImageData(width, height)
        const pixels = new Uint32Array(image.data.buffer)
        paintBoxes(pixels, width, height, solid.values(), colour)
        paintDots(pixels, width, height, dots, colour)
        d.putImageData(image, 0, 0)
      } else if (d) {
        d.fillStyle = node
        for (const b of solid.values()) d.fillRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1)
        for (const p of dots) d.fillRect(p.x - 1, p.y - 1, 2.5, 2.5)
      }
      const frameColour = style.getPropertyValue('--minimap-frame').trim() || '#ff7a00'
      this.dots = { key, canvas, frameColour, from: points }
    }
    ctx.drawImage(this.dots.canvas, 0, 0)
    ctx.strokeStyle = this.dots.frameColour
    ctx.lineWidth = 1.5
    const edge = 0.75
    const clampX = (x: number): number => Math.min(Math.max(x, edge), width - edge)
    const clampY = (y: number): number => Math.min(Math.max(y, edge), height - edge)
    const fx1 = clampX((e.x1 - this.origin.x) * s)
    const fy1 = clampY((e.y1 - this.origin.y) * s)
    const fx2 = clampX((e.x2 - this.origin.x) * s)
    const fy2 = clampY((e.y2 - this.origin.y) * s)
    ctx.strokeRect(fx1, fy1, fx2 - fx1, fy2 - fy1)
  }

  private readonly onPointer = (down: PointerEvent): void => {
    const pan = (e: PointerEvent): void => {
      const rect = this.canvas.getBoundingClientRect()
      const model = {
        x: (e.clientX - rect.left) / this.scale + this.origin.x,
        y: (e.clientY - rect.top) / this.scale + this.origin.y,
      }
      const zoom = this.cy.zoom()
      this.cy.pan({
        x: this.cy.width() / 2 - model.x * zoom,
        y: this.cy.height() / 2 - model.y * zoom,
      })
    }
    const gesture = viewGesture(this.cy)
    gesture.begin()
    pan(down)
    const up = (): void => {
      window.removeEventListener('pointermove', pan)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
      gesture.end()
    }
    window.addEventListener('pointermove', pan)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.cy.off('viewport add remove dragfree resize', this.redraw)
    this.cy.off('add remove position dragfree', this.changed)
    this.canvas.removeEventListener('pointerdown', this.onPointer)
  }
}
