/**
 * Haloed labels of the level-of-detail layer, drawn from bitmaps made once (issue 19). The
 * layer redraws every frame while the view pans or zooms, and drew each of hundreds of rack
 * labels with a font switch, a `measureText`, a 3 px `strokeText` halo and a `fillText`: at
 * 10,000 hosts about half of a pan frame's script time. A label's bitmap depends only on its
 * text, font, colours and the device pixel ratio, so it is made on first use and then copied
 * with one `drawImage` per frame; text widths are measured once per font.
 */

/** Bitmaps (and widths) kept before the caches are emptied. */
export const SPRITES_LIMIT = 4000
/**
 * Bitmaps made per frame (`newFrame`): the first frame of a design would otherwise make one
 * per label at once; labels past the budget are drawn directly, as text, until a later frame
 * has budget for their bitmap.
 */
export const SPRITES_PER_FRAME = 40
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

export class LabelSprites {
  private readonly sprites = new Map<string, HTMLCanvasElement>()
  private readonly widths = new Map<string, number>()
  /** Measures on a canvas of its own, so the layer's context keeps its font. */
  private measurer: CanvasRenderingContext2D | null | undefined
  /** Bitmaps this frame may still make. */
  private budget = SPRITES_PER_FRAME

  constructor(private readonly make: MakeCanvas = makeCanvas) {}

  /** Starts a frame: up to `budget` new bitmaps may be made in it. */
  newFrame(budget = SPRITES_PER_FRAME): void {
    this.budget = budget
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
    if (!sprite && this.budget <= 0) {
      // over this frame's budget: the text itself (the context's state is kept)
      ctx.save()
      ctx.font = font
      ctx.textAlign = 'left'
      ctx.textBaseline = 'middle'
      ctx.lineWidth = 2 * HALO_PX
      ctx.lineJoin = 'round'
      ctx.strokeStyle = colours.halo
      ctx.strokeText(text, left, at.y)
      ctx.fillStyle = colours.text
      ctx.fillText(text, left, at.y)
      ctx.restore()
      return { x: left, width }
    }
    if (!sprite) {
      this.budget--
      sprite = this.make(Math.ceil(cssW * ratio), Math.ceil(cssH * ratio))
      const s = sprite.getContext('2d')
      if (s) {
        s.setTransform(ratio, 0, 0, ratio, 0, 0)
        s.font = font
        s.textAlign = 'left'
        s.textBaseline = 'middle'
        s.lineWidth = 2 * HALO_PX
        s.lineJoin = 'round'
        s.strokeStyle = colours.halo
        s.strokeText(text, pad, cssH / 2)
        s.fillStyle = colours.text
        s.fillText(text, pad, cssH / 2)
      }
      if (this.sprites.size >= SPRITES_LIMIT) this.sprites.clear()
      this.sprites.set(key, sprite)
    }
    // on whole device pixels, so the copy is not resampled (blurred)
    const snap = (v: number): number => Math.round(v * ratio) / ratio
    ctx.drawImage(
      sprite,
      snap(left - pad),
      snap(at.y - cssH / 2),
      sprite.width / ratio,
      sprite.height / ratio,
    )
    return { x: left, width }
  }
}
