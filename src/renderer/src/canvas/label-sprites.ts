/**
 * Haloed labels of the level-of-detail layer, drawn from bitmaps made once (issue 19). The
 * layer redraws every frame while the view pans or zooms, and drew each of hundreds of rack
 * labels with a font switch, a `measureText`, a 3 px `strokeText` halo and a `fillText`: at
 * 10,000 hosts about half of a pan frame's script time. A label's bitmap depends only on its
 * text, font, colours and the device pixel ratio, so it is made on first use and then copied
 * with one `drawImage` per frame; text widths are measured once per font. The bitmaps are
 * packed into shared atlas canvases (shelves, left to right, top to bottom): a canvas and a
 * context of its own per label cost more than drawing the label (40 of them were ~100 ms of
 * a 170 ms redraw at 10,000 hosts on a loaded machine).
 */

/** Bitmaps (and widths) kept before the caches are emptied. */
export const SPRITES_LIMIT = 4000
/**
 * Bitmaps made per frame (`newFrame`): labels past the budget are drawn directly, as text,
 * until a later frame has budget for their bitmap. Making one into an atlas costs about what
 * drawing it as text does, so the budget is a bound, not a saving. A label whose bitmap was
 * made in this frame is drawn as text in it, and copied from the next frame on.
 */
export const SPRITES_PER_FRAME = 400
/** Side of an atlas canvas, device px (4 MiB of pixels). */
export const ATLAS_PX = 1024
/** Halo width around the text, CSS px (the stroke is twice as wide, centred on the outline). */
const HALO_PX = 1.5

/** Where the drawn label is, CSS px (the text's box, without the halo). */
export interface DrawnLabel {
  x: number
  width: number
}

/** Makes a canvas for a sprite (a detached `<canvas>`; tests pass their own). */
export type MakeCanvas = (width: number, height: number) => HTMLCanvasElement

const makeCanvas: MakeCanvas = (width, height) => {
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  return c
}

/** Where a label's bitmap is: a rectangle of an atlas (or of a canvas of its own), device px. */
interface Sprite {
  canvas: HTMLCanvasElement
  x: number
  y: number
  width: number
  height: number
}

/** An atlas canvas being filled: the shelf at `y` of height `shelf`, filled up to `x`. */
interface Atlas {
  canvas: HTMLCanvasElement
  ctx: CanvasRenderingContext2D | null
  x: number
  y: number
  shelf: number
}

export class LabelSprites {
  private readonly sprites = new Map<string, Sprite>()
  /** The atlas new bitmaps go into. */
  private atlas: Atlas | undefined
  /**
   * Canvases bitmaps were drawn on in this frame: not copied from until the next one. A canvas
   * used as an image is snapshotted, whole, whenever it changed since its last use: drawing
   * bitmaps into an atlas between copies from it copied 4 MiB per label (seconds per frame).
   */
  private readonly written = new Set<HTMLCanvasElement>()
  private readonly widths = new Map<string, number>()
  /** Measures on a canvas of its own, so the layer's context keeps its font. */
  private measurer: CanvasRenderingContext2D | null | undefined
  /** Bitmaps this frame may still make. */
  private budget = SPRITES_PER_FRAME

  constructor(private readonly make: MakeCanvas = makeCanvas) {}

  /** Starts a frame: up to `budget` new bitmaps may be made in it. */
  newFrame(budget = SPRITES_PER_FRAME): void {
    this.budget = budget
    this.written.clear()
  }

  /** Width of `text` in `font` (a CSS font string), CSS px, measured once. */
  width(font: string, text: string): number {
    const key = `${font}\n${text}`
    let w = this.widths.get(key)
    if (w === undefined) {
      const m = (this.measurer ??= this.make(1, 1).getContext('2d'))
      if (!m) return 0
      if (m.font !== font) m.font = font
      w = m.measureText(text).width
      if (this.widths.size >= SPRITES_LIMIT) this.widths.clear()
      this.widths.set(key, w)
    }
    return w
  }

  /**
   * Draws `text` in `font` (`px` high) with a halo, its anchor at (x, y) aligned `align`
   * horizontally and middle vertically, as `strokeText` then `fillText` would; `ratio` is the
   * device pixel ratio `ctx` is scaled by. Returns where the text is.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    text: string,
    font: string,
    px: number,
    at: { x: number; y: number; align: 'left' | 'center' | 'right' },
    colours: { text: string; halo: string },
    ratio: number,
  ): DrawnLabel {
    const width = this.width(font, text)
    const left =
      at.align === 'center' ? at.x - width / 2 : at.align === 'right' ? at.x - width : at.x
    const pad = Math.ceil(HALO_PX + 1)
    const cssW = Math.ceil(width) + 2 * pad
    const cssH = Math.ceil(px * 1.4) + 2 * pad
    const key = `${font}\n${text}\n${colours.text}\n${colours.halo}\n${ratio}`
    let sprite = this.sprites.get(key)
    if (!sprite && this.budget > 0) {
      this.budget--
      if (this.sprites.size >= SPRITES_LIMIT) {
        this.sprites.clear()
        this.atlas = undefined
      }
      sprite = this.place(Math.ceil(cssW * ratio), Math.ceil(cssH * ratio))
      const s =
        sprite.canvas === this.atlas?.canvas ? this.atlas.ctx : sprite.canvas.getContext('2d')
      if (s) {
        s.setTransform(ratio, 0, 0, ratio, sprite.x, sprite.y)
        haloedText(s, text, font, colours, pad, cssH / 2)
      }
      this.sprites.set(key, sprite)
      this.written.add(sprite.canvas)
    }
    if (!sprite || this.written.has(sprite.canvas)) {
      // over this frame's budget, or on a canvas written in this frame (copying from it would
      // copy the whole canvas first, at every copy): the text itself (the context's state kept)
      ctx.save()
      haloedText(ctx, text, font, colours, left, at.y)
      ctx.restore()
      return { x: left, width }
    }
    // on whole device pixels, so the copy is not resampled (blurred)
    const snap = (v: number): number => Math.round(v * ratio) / ratio
    const { canvas, x, y, width: w, height: h } = sprite
    ctx.drawImage(canvas, x, y, w, h, snap(left - pad), snap(at.y - cssH / 2), w / ratio, h / ratio)
    return { x: left, width }
  }

  /**
   * Room for a `width` × `height` bitmap (device px): on the atlas's current shelf, else on a
   * new shelf, else in a new atlas; one wider or higher than an atlas gets a canvas of its own.
   * Bitmaps keep a pixel apart, so a copy never picks up its neighbour's edge.
   */
  private place(width: number, height: number): Sprite {
    if (width > ATLAS_PX || height > ATLAS_PX)
      return { canvas: this.make(width, height), x: 0, y: 0, width, height }
    let a = this.atlas
    if (a && a.x + width > ATLAS_PX) {
      a.y += a.shelf
      a.x = 0
      a.shelf = 0
    }
    if (!a || a.y + height > ATLAS_PX) {
      const canvas = this.make(ATLAS_PX, ATLAS_PX)
      a = this.atlas = { canvas, ctx: canvas.getContext('2d'), x: 0, y: 0, shelf: 0 }
    }
    const sprite = { canvas: a.canvas, x: a.x, y: a.y, width, height }
    a.x += width + 1
    a.shelf = Math.max(a.shelf, height + 1)
    return sprite
  }
}

/** Draws `text` with a halo, its left end at (x, y), middle-aligned, on `c`. */
function haloedText(
  c: CanvasRenderingContext2D,
  text: string,
  font: string,
  colours: { text: string; halo: string },
  x: number,
  y: number,
): void {
  c.font = font
  c.textAlign = 'left'
  c.textBaseline = 'middle'
  c.lineWidth = 2 * HALO_PX
  c.lineJoin = 'round'
  c.strokeStyle = colours.halo
  c.strokeText(text, x, y)
  c.fillStyle = colours.text
  c.fillText(text, x, y)
}
