/**
 * A minimap: every node as a dot on a small 2D canvas, with the visible viewport as a frame.
 * Click or drag on it to pan. Redraws at most once per animation frame.
 */
import type { Core } from 'cytoscape'
import { isContainer } from './elements'

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
    private readonly ghosts: () => ReadonlyArray<{ position: { x: number; y: number } }> = () => [],
  ) {
    // not on 'position': a drag fires it every frame for every moved node
    cy.on('viewport add remove dragfree resize', this.redraw)
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

  private draw(): void {
    const ctx = this.canvas.getContext('2d')
    if (!ctx) return
    const { width, height } = this.canvas
    ctx.clearRect(0, 0, width, height)
    // members' positions only: rack and zone boxes are around them
    const points: Array<{ x: number; y: number }> = []
    this.cy.nodes().forEach((n) => {
      if (!isContainer(n)) points.push(n.position())
    })
    for (const g of this.ghosts()) points.push(g.position)
    if (points.length === 0) return
    const b = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }
    for (const p of points) {
      b.x1 = Math.min(b.x1, p.x)
      b.y1 = Math.min(b.y1, p.y)
      b.x2 = Math.max(b.x2, p.x)
      b.y2 = Math.max(b.y2, p.y)
    }
    const e = this.cy.extent()
    const x1 = Math.min(b.x1, e.x1)
    const y1 = Math.min(b.y1, e.y1)
    const box = { x1, y1, w: Math.max(b.x2, e.x2) - x1, h: Math.max(b.y2, e.y2) - y1 }
    const pad = 6
    this.scale = Math.min((width - 2 * pad) / (box.w || 1), (height - 2 * pad) / (box.h || 1))
    this.origin = { x: box.x1 - pad / this.scale, y: box.y1 - pad / this.scale }
    const s = this.scale
    const style = getComputedStyle(this.canvas)
    ctx.fillStyle = style.getPropertyValue('--minimap-node').trim() || '#5b8def'
    for (const p of points)
      ctx.fillRect((p.x - this.origin.x) * s - 1, (p.y - this.origin.y) * s - 1, 2.5, 2.5)
    const ext = this.cy.extent()
    ctx.strokeStyle = style.getPropertyValue('--minimap-frame').trim() || '#ff7a00'
    ctx.lineWidth = 1.5
    ctx.strokeRect((ext.x1 - this.origin.x) * s, (ext.y1 - this.origin.y) * s, ext.w * s, ext.h * s)
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
    pan(down)
    const up = (): void => {
      window.removeEventListener('pointermove', pan)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', pan)
    window.addEventListener('pointerup', up)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.cy.off('viewport add remove dragfree resize', this.redraw)
    this.canvas.removeEventListener('pointerdown', this.onPointer)
  }
}
