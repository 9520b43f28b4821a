/**
 * The minimap's dots written as pixels (issue 19): at 10,000 hosts the map drew 10,000
 * `fillRect`s whenever hosts came onto or left the canvas, a call (and a path) per dot.
 * Here each dot is a 3×3 px block written into one pixel buffer, put on the canvas at once.
 */

/** A colour as a pixel of an `ImageData` buffer viewed as `Uint32Array` (little-endian RGBA). */
export function packedColour(css: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim())
  if (!m) return undefined
  const hex =
    (m[1] as string).length === 3
      ? [...(m[1] as string)].map((c) => c + c).join('')
      : (m[1] as string)
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ]
  // bytes in memory: r, g, b, a (a little-endian word reads them back to front)
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
}

/**
 * Writes a 3×3 px dot of `colour` centred on each point (map pixels, the centre pixel at the
 * point's floor) into `pixels`, a `width` × `height` buffer; dots are clipped at the edges.
 */
export function paintDots(
  pixels: Uint32Array,
  width: number,
  height: number,
  points: Iterable<{ x: number; y: number }>,
  colour: number,
): void {
  for (const p of points) {
    const cx = Math.floor(p.x)
    const cy = Math.floor(p.y)
    for (let y = Math.max(0, cy - 1); y <= Math.min(height - 1, cy + 1); y++)
      for (let x = Math.max(0, cx - 1); x <= Math.min(width - 1, cx + 1); x++)
        pixels[y * width + x] = colour
  }
}

/**
 * Fills each box (map pixels, edges rounded to whole pixels, at least 1 px a side) with
 * `colour` in `pixels`, a `width` × `height` buffer; boxes are clipped at the edges.
 */
export function paintBoxes(
  pixels: Uint32Array,
  width: number,
  height: number,
  boxes: Iterable<{ x1: number; y1: number; x2: number; y2: number }>,
  colour: number,
): void {
  for (const b of boxes) {
    const x1 = Math.max(0, Math.round(b.x1))
    const y1 = Math.max(0, Math.round(b.y1))
    const x2 = Math.min(width, Math.max(Math.round(b.x2), Math.round(b.x1) + 1))
    const y2 = Math.min(height, Math.max(Math.round(b.y2), Math.round(b.y1) + 1))
    for (let y = y1; y < y2; y++) pixels.fill(colour, y * width + x1, y * width + Math.max(x1, x2))
  }
}
