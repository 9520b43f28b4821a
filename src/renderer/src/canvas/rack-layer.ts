/**
 * The level-of-detail layer: a 2D canvas over Cytoscape's that draws what a zoomed-out
 * datacenter needs to be read: row labels (where a hall has several rows; pinned to the view's
 * edge when their start is scrolled off), and while zoomed out (Cytoscape's own labels too
 * small to show) hall and rack labels in screen pixels and per-rack glyphs (hosts up,
 * instances, mean utilization, tenants' shares, failures) on racks too small on screen for
 * their hosts to be told apart. Drawn above the links, so no link ever covers these labels.
 * Zoomed out it also draws the links' per-rack bundles (`bundles.ts`), clipped so that they
 * pass beneath the rack boxes, and on racks whose hosts are not on the canvas (large designs)
 * but wide enough on screen, their mosaic (`rack-mosaic.ts`): a rack is never an empty box.
 * Drawn in Cytoscape's own frame, over its element layer (`cy-frame.ts`: one full-size canvas
 * per pan frame fewer for the compositor to commit); with another renderer (WebGL) on a canvas
 * of its own over Cytoscape's. Redraws at most once per animation frame.
 */
import type { Core, NodeSingular } from 'cytoscape'
import type { CanvasColours } from './style'
import type { RackAggregate } from './rack-aggregates'
import { commonPrefix, drawGlyph } from './rack-glyph-text'
import type { RackSlot } from '../drawing/tiered-layout'
import type { LabelFact } from './test-hook-types'
import { bundleKey, type RackBundle } from './bundles'
import { BundleLines } from './bundle-lines'
import { LabelSprites } from './label-sprites'
import type { HostOverlay } from '../drawing/host-overlay'
import { drawMosaic, MOSAIC_RACK_PX, type MosaicMember } from './rack-mosaic'
import { drawInCyFrame, type CyFrame } from './cy-frame'
import { drawHostMarks, hostMark, type HostMark } from './overlay-layer'

/** Where the layer finds the members a rack holds off the canvas, and their overlay. */
export interface HeldMembers {
  /** The members rack `rackId` holds off the canvas (none: its hosts are on the canvas). */
  of(rackId: string): readonly MosaicMember[] | undefined
  overlay(id: string): HostOverlay | undefined
}

/** Cytoscape draws rack labels at this model size, hidden below RACK_LABEL_MIN_PX on screen. */
export const RACK_LABEL_MODEL_PX = 12
export const RACK_LABEL_MIN_PX = 8
/** Below this zoom Cytoscape's rack labels are hidden, so this layer draws them. */
export const RACK_LABEL_ZOOM = RACK_LABEL_MIN_PX / RACK_LABEL_MODEL_PX
/** A rack narrower than this on screen shows its glyph (totals) instead of readable hosts. */
export const GLYPH_RACK_PX = 160

type Box = { x1: number; y1: number; x2: number; y2: number }

/** The font of the layer's labels of `px` pixels. */
const labelFont = (px: number, bold = false): string =>
  `${bold ? '600 ' : ''}${px}px system-ui, sans-serif`

export class RackLayer {
  private frame = 0
  private held = false
  private boxes: Map<string, Box> | undefined
  private slots: RackSlot[] = []
  private hallNames = new Map<string, string>()
  private rackNames = new Map<string, string>()
  /** What every rack name starts with ("rack-"): dropped when a label would not fit. */
  private rackPrefix = ''
  private aggregates: ReadonlyMap<string, RackAggregate> = new Map()
  private bundles: readonly RackBundle[] = []
  /** The bundles' lines, cut off the rack boxes (`bundle-lines.ts`). */
  private readonly lines = new BundleLines()
  /** Utilization of each bundle at the shown time, by `bundleKey` (empty: plain colour). */
  private bundleLoads: ReadonlyMap<string, number> = new Map()
  private drawn: LabelFact[] = []
  /** Labels as cached bitmaps and text widths measured once (`label-sprites.ts`). */
  private readonly sprites = new LabelSprites()
  /** The font last set on the layer's context in this frame (a font switch is costly). */
  private font = ''
  /** The device pixel ratio of the frame being drawn. */
  private ratio = 1
  private drawnBundles = 0
  /** Members held off the canvas per rack, drawn as mosaics (none: no mosaics). */
  private members: HeldMembers | undefined
  /** Racks drawn as mosaics in the last frame. */
  private drawnMosaics = 0
  /** The overlay of hosts on the canvas, painted by this layer (large designs: `overlay-layer.ts`). */
  private hostOverlay: ((id: string) => HostOverlay | undefined) | undefined
  /** The host nodes on the canvas (dropped when nodes are added or removed). */
  private hostNodes: NodeSingular[] | undefined
  private drawnHostMarks = 0
  private readonly redraw = (): void => this.schedule()
  private readonly invalidate = (): void => {
    this.boxes = undefined
    this.lines.invalidate()
    this.schedule()
  }
  private readonly nodesChanged = (): void => {
    this.hostNodes = undefined
  }

  /** Drawing in Cytoscape's frame (`cy-frame.ts`); none: on `canvas`. */
  private inFrame: CyFrame | undefined

  /**
   * A layer drawn in Cytoscape's own frame, or (another renderer than the 2D canvas one) on a
   * new canvas over Cytoscape's, inside `container`.
   */
  static over(cy: Core, container: HTMLElement, colours: CanvasColours): RackLayer {
    const layer = new RackLayer(cy, undefined, colours)
    layer.inFrame = drawInCyFrame(cy, (ctx, w, h, ratio) => {
      if (!layer.held) layer.paint(ctx, w, h, ratio)
    })
    if (layer.inFrame) return layer
    const canvas = document.createElement('canvas')
    canvas.className = 'rack-layer'
    canvas.setAttribute('aria-hidden', 'true')
    canvas.style.cssText =
      'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;z-index:5'
    container.appendChild(canvas)
    layer.canvas = canvas
    return layer
  }

  constructor(
    private readonly cy: Core,
    private canvas: HTMLCanvasElement | undefined,
    private colours: CanvasColours,
  ) {
    cy.on('viewport resize', this.redraw)
    cy.on('add remove position', this.invalidate)
    cy.on('add remove', this.nodesChanged)
    cy.on('data', 'node.rack', this.invalidate)
  }

  /** The racks' halls and rows, and display names of halls and racks. */
  setStructure(
    slots: RackSlot[],
    hallNames: ReadonlyMap<string, string>,
    rackNames: ReadonlyMap<string, string>,
  ): void {
    this.slots = slots
    this.hallNames = new Map(hallNames)
    this.rackNames = new Map(rackNames)
    this.rackPrefix = commonPrefix([...this.rackNames.values()])
    this.invalidate()
  }

  setAggregates(aggregates: ReadonlyMap<string, RackAggregate>): void {
    this.aggregates = aggregates
    this.schedule()
  }

  /** The bundles drawn while zoomed out. */
  setBundles(bundles: readonly RackBundle[]): void {
    this.bundles = bundles
    this.lines.invalidate()
    this.schedule()
  }

  /** Colours the bundles by utilization (by `bundleKey`; an empty map: the link colour). */
  setBundleLoads(loads: ReadonlyMap<string, number>): void {
    if (loads.size === 0 && this.bundleLoads.size === 0) return
    this.bundleLoads = loads
    this.schedule()
  }

  /** Draws the members racks hold off the canvas as mosaics (`rack-mosaic.ts`). */
  setHeldMembers(held: HeldMembers): void {
    this.members = held
    this.schedule()
  }

  /**
   * Paints the overlay of the hosts on the canvas in view (`overlay-layer.ts`), read through
   * `overlayOf` every frame; undefined: Cytoscape's styles show it (small designs). Call
   * `schedule` when the overlay changes.
   */
  paintHosts(overlayOf: ((id: string) => HostOverlay | undefined) | undefined): void {
    this.hostOverlay = overlayOf
    this.schedule()
  }

  /** The overlay the layer paints on host `id` and how (none: Cytoscape's styles show it). */
  paintedHost(id: string, state: unknown): { overlay: HostOverlay; mark: HostMark } | undefined {
    const overlay = this.hostOverlay?.(id)
    return overlay ? { overlay, mark: hostMark(state, overlay, this.colours) } : undefined
  }

  /** How many hosts on the canvas the last frame painted with their overlay (test hook). */
  hostMarksDrawn(): number {
    return this.drawnHostMarks
  }

  /** How many racks the last frame drew as mosaics (test hook). */
  mosaicsDrawn(): number {
    return this.drawnMosaics
  }

  /** How many bundles the last frame drew (test hook). */
  bundlesDrawn(): number {
    return this.drawnBundles
  }

  setColours(colours: CanvasColours): void {
    this.colours = colours
    this.schedule()
  }

  /** The labels drawn in the last frame, with their size in screen pixels. */
  labels(): LabelFact[] {
    return this.drawn.map((l) => ({ ...l }))
  }

  /** Draws nothing while `on` (a first build is under way); draws once released. */
  hold(on: boolean): void {
    this.held = on
    if (!on) this.schedule()
  }

  schedule(): void {
    if (this.held) return
    if (this.inFrame) return this.inFrame.request()
    if (this.frame || typeof requestAnimationFrame !== 'function') return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.draw()
    })
  }

  /** Rack boxes in model units (the rack nodes' own boxes, see containers.ts). */
  private rackBoxes(): Map<string, Box> {
    if (this.boxes) return this.boxes
    const boxes = new Map<string, Box>()
    this.cy.nodes('.rack').forEach((n) => {
      const p = n.position()
      const w = Number(n.data('w')) / 2
      const h = Number(n.data('h')) / 2
      boxes.set(n.id(), { x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h })
    })
    this.boxes = boxes
    return boxes
  }

  /** Draws on the layer's own canvas (when not drawn in Cytoscape's frame). */
  draw(): void {
    const canvas = this.canvas
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const w = this.cy.width()
    const h = this.cy.height()
    const ratio = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio)
      canvas.height = Math.round(h * ratio)
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, w, h)
    this.paint(ctx, w, h, ratio)
  }

  /** Paints the layer on `ctx` (already cleared, or holding Cytoscape's drawing), screen px. */
  private paint(ctx: CanvasRenderingContext2D, w: number, h: number, ratio: number): void {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    this.drawn = []
    this.ratio = ratio
    this.font = ctx.font
    this.sprites.newFrame()
    this.drawnMosaics = 0
    const zoom = this.cy.zoom()
    const pan = this.cy.pan()
    const screen = (b: Box): Box => ({
      x1: b.x1 * zoom + pan.x,
      y1: b.y1 * zoom + pan.y,
      x2: b.x2 * zoom + pan.x,
      y2: b.y2 * zoom + pan.y,
    })
    const visible = (b: Box): boolean => b.x2 >= 0 && b.x1 <= w && b.y2 >= 0 && b.y1 <= h
    const boxes = this.rackBoxes()
    this.drawnBundles =
      zoom < RACK_LABEL_ZOOM
        ? this.lines.draw(
            ctx,
            this.cy,
            this.bundles,
            boxes,
            { zoom, pan, width: w, height: h },
            {
              colour: this.colours.link,
              loadOf: (b) => this.bundleLoads.get(bundleKey(b)),
            },
          )
        : 0
    this.drawnHostMarks = 0
    if (this.hostOverlay) {
      this.hostNodes ??= this.cy.nodes('.host').toArray() as NodeSingular[]
      const view = { zoom, pan, width: w, height: h }
      this.drawnHostMarks = drawHostMarks(ctx, this.hostNodes, view, this.hostOverlay, this.colours)
      this.font = ctx.font
    }
    const rows = new Map<string, Box>()
    const halls = new Map<string, Box>()
    const grow = (map: Map<string, Box>, key: string, b: Box): void => {
      const a = map.get(key)
      if (!a) map.set(key, { ...b })
      else {
        a.x1 = Math.min(a.x1, b.x1)
        a.y1 = Math.min(a.y1, b.y1)
        a.x2 = Math.max(a.x2, b.x2)
        a.y2 = Math.max(a.y2, b.y2)
      }
    }
    for (const slot of this.slots) {
      const b = boxes.get(slot.rackId)
      if (!b) continue
      const s = screen(b)
      grow(rows, `${slot.hallId}\u0000${slot.row}`, s)
      grow(halls, slot.hallId, s)
      if (visible(s)) this.drawRack(ctx, slot.rackId, s, zoom)
    }
    // rows and halls: labels left of / above their block, pinned inside the view; rows only
    // where a hall has several, halls only while Cytoscape's own zone labels are too small
    ctx.textBaseline = 'middle'
    const rowsPerHall = new Map<string, number>()
    for (const key of rows.keys()) {
      const hall = key.split('\u0000')[0] ?? ''
      rowsPerHall.set(hall, (rowsPerHall.get(hall) ?? 0) + 1)
    }
    for (const [key, s] of rows) {
      if (!visible(s)) continue
      const [hallId = '', row = '0'] = key.split('\u0000')
      if ((rowsPerHall.get(hallId) ?? 0) < 2) continue
      const text = `Row ${Number(row) + 1}`
      const y = Math.min(Math.max(s.y1 + 8, 10), s.y2 - 8)
      // right-aligned left of the row; once the row begins left of the view, whole at its edge
      const x = Math.max(4 + this.sprites.width(labelFont(11), text), s.x1 - 8)
      this.label(ctx, 'row', `${hallId}/${row}`, text, x, y, 11, 'right')
    }
    for (const [hallId, s] of halls) {
      // racks in no zone need no heading unless there are halls to tell them from
      if (!visible(s) || (hallId === '' && halls.size === 1) || zoom >= RACK_LABEL_ZOOM) continue
      const name = this.hallNames.get(hallId) ?? (hallId ? hallId : 'Racks outside any hall')
      const y = Math.max(s.y1 - 30, 10)
      this.label(ctx, 'hall', hallId, name, Math.max(4, s.x1), y, 13, 'left', true)
    }
  }

  private drawRack(ctx: CanvasRenderingContext2D, id: string, s: Box, zoom: number): void {
    const c = this.colours
    const width = s.x2 - s.x1
    const a = this.aggregates.get(id)
    const name = this.rackNames.get(id) ?? id
    const held = this.members
    const members = held && width >= MOSAIC_RACK_PX ? held.of(id) : undefined
    if (held && members && members.length > 0) {
      drawMosaic(ctx, members, zoom, this.cy.pan(), (m) => held.overlay(m), c)
      this.drawnMosaics++
    }
    if (zoom < RACK_LABEL_ZOOM) {
      const px = width < 90 ? 10 : 12
      const font = `600 ${px}px system-ui, sans-serif`
      const fits = (t: string): boolean => this.sprites.width(font, t) <= width
      // a label no wider than its rack: the shared prefix goes first, then an ellipsis
      let text = name
      if (!fits(text) && this.rackPrefix) text = name.slice(this.rackPrefix.length)
      while (text.length > 1 && !fits(text)) text = `${text.slice(0, -2)}…`
      this.label(ctx, 'rack', id, text, s.x1 + width / 2, s.y1 - px / 2 - 2, px, 'center', true)
    }
    if (zoom >= RACK_LABEL_ZOOM || width >= GLYPH_RACK_PX || !a || width < 24) return
    this.setFont(ctx, '10px system-ui, sans-serif')
    drawGlyph(ctx, a, s, c)
  }

  private label(
    ctx: CanvasRenderingContext2D,
    kind: LabelFact['kind'],
    id: string,
    text: string,
    x: number,
    y: number,
    px: number,
    align: CanvasTextAlign,
    bold = false,
  ): void {
    const font = labelFont(px, bold)
    // a halo in the page colour keeps the text legible over hosts and links
    const colours = { text: this.colours.text, halo: this.colours.zone }
    const at = { x, y, align: align === 'right' || align === 'center' ? align : 'left' } as const
    const { x: left, width } = this.sprites.draw(ctx, text, font, px, at, colours, this.ratio)
    this.drawn.push({ kind, id, text, fontPx: px, x: left, y: y - px / 2, width, height: px })
  }

  /** Sets the context's font unless this frame already set it (parsing a font is costly). */
  private setFont(ctx: CanvasRenderingContext2D, font: string): void {
    if (this.font === font) return
    ctx.font = font
    this.font = font
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame)
    this.inFrame?.destroy()
    this.cy.off('viewport resize', this.redraw)
    this.cy.off('add remove position', this.invalidate)
    this.cy.off('add remove', this.nodesChanged)
    this.cy.off('data', 'node.rack', this.invalidate)
  }
}
