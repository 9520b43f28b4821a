/**
 * The zoomed-out link bundles (`bundles.ts`) as the level-of-detail layer draws them: one line
 * per bundle from one end's centre to the other's, never over a rack box or the other end
 * (as if beneath them, so no bundle covers a rack's label, glyph or hosts), in the colour of
 * its load when a run is shown. Each line is cut into its parts outside the boxes on the
 * segment itself (`segment-clip.ts`), not by a canvas clip: a clip of the 250 rack boxes of
 * 10,000 hosts cost the software rasterizer about 8 of the 17 ms CPU a redraw took. The cut
 * is made in model units and kept while the zoom, the bundles and the boxes stay (a pan
 * redraws without cutting again); lines of one colour and width are one stroke.
 */
import type { Core } from 'cytoscape'
import { bundleWidth, loadColour, type RackBundle } from './bundles'
import { visibleParts, type Box } from './segment-clip'

/** The view a frame draws: model → screen is `model × zoom + pan`; its size in screen px. */
export interface BundleView {
  zoom: number
  pan: { x: number; y: number }
  width: number
  height: number
}

/** A bundle's line cut at one zoom: its screen width and its parts, `x1 y1 x2 y2 …` model. */
interface CutLine {
  bundle: RackBundle
  widthPx: number
  parts: number[]
}

/** Everywhere (the cut keeps the parts off the boxes; the view is culled when drawn). */
const ALL: Box = { x1: -1e12, y1: -1e12, x2: 1e12, y2: 1e12 }

export class BundleLines {
  private cut: { zoom: number; lines: CutLine[] } | undefined

  /** Forgets the cut: the bundles, the rack boxes or a bundle end's position changed. */
  invalidate(): void {
    this.cut = undefined
  }

  /**
   * Draws `bundles` between the nodes of `cy` on `ctx` (screen px), off the rack `boxes`
   * (model units) and their other ends; returns how many bundles have both ends on the canvas.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    cy: Core,
    bundles: readonly RackBundle[],
    boxes: ReadonlyMap<string, Box>,
    view: BundleView,
    style: { colour: string; loadOf?: (b: RackBundle) => number | undefined },
  ): number {
    if (bundles.length === 0) return 0
    if (this.cut?.zoom !== view.zoom)
      this.cut = { zoom: view.zoom, lines: cutLines(cy, bundles, boxes, view.zoom) }
    const { zoom, pan, width, height } = view
    const paths = new Map<string, { colour: string; widthPx: number; parts: number[] }>()
    for (const { bundle, widthPx, parts } of this.cut.lines) {
      const load = style.loadOf?.(bundle)
      const colour = load === undefined ? style.colour : loadColour(load)
      const key = `${colour} ${widthPx}`
      let path = paths.get(key)
      if (!path) paths.set(key, (path = { colour, widthPx, parts: [] }))
      for (let i = 0; i < parts.length; i += 4) {
        const x1 = (parts[i] as number) * zoom + pan.x
        const y1 = (parts[i + 1] as number) * zoom + pan.y
        const x2 = (parts[i + 2] as number) * zoom + pan.x
        const y2 = (parts[i + 3] as number) * zoom + pan.y
        // parts wholly outside the view are left out of the path
        if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > width) continue
        if (Math.max(y1, y2) < 0 || Math.min(y1, y2) > height) continue
        path.parts.push(x1, y1, x2, y2)
      }
    }
    ctx.save()
    ctx.globalAlpha = 0.8
    for (const { colour, widthPx, parts } of paths.values()) {
      if (parts.length === 0) continue
      ctx.strokeStyle = colour
      ctx.lineWidth = widthPx
      ctx.beginPath()
      for (let i = 0; i < parts.length; i += 4) {
        ctx.moveTo(parts[i] as number, parts[i + 1] as number)
        ctx.lineTo(parts[i + 2] as number, parts[i + 3] as number)
      }
      ctx.stroke()
    }
    ctx.restore()
    return this.cut.lines.length
  }
}

/** Each bundle with both ends on the canvas, cut off the boxes at `zoom` (model units). */
function cutLines(
  cy: Core,
  bundles: readonly RackBundle[],
  boxes: ReadonlyMap<string, Box>,
  zoom: number,
): CutLine[] {
  const centres = new Map<string, { x: number; y: number }>()
  const under: Box[] = [...boxes.values()]
  for (const b of bundles)
    for (const id of [b.source, b.target]) {
      if (centres.has(id)) continue
      const n = cy.getElementById(id)
      if (n.empty()) continue
      const c = { ...n.position() }
      centres.set(id, c)
      // a switch or storage end: the line stops at its edge (half a node)
      if (!boxes.has(id)) {
        const r = Number(n.width()) / 2
        under.push({ x1: c.x - r, y1: c.y - r, x2: c.x + r, y2: c.y + r })
      }
    }
  const lines: CutLine[] = []
  for (const bundle of bundles) {
    const a = centres.get(bundle.source)
    const z = centres.get(bundle.target)
    if (!a || !z) continue
    const widthPx = Math.max(0.5, bundleWidth(bundle.links) * zoom)
    const [dx, dy] = [z.x - a.x, z.y - a.y]
    const parts: number[] = []
    // grown by half the stroke (in model units), so the stroke stays off the boxes
    for (const [t0, t1] of visibleParts(a, z, ALL, under, widthPx / 2 / zoom))
      parts.push(a.x + dx * t0, a.y + dy * t0, a.x + dx * t1, a.y + dy * t1)
    lines.push({ bundle, widthPx, parts })
  }
  return lines
}
