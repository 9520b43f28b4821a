/**
 * Pictures of the whole canvas for export, both from one drawing (`drawCanvasSvg`): a title,
 * the drawing with a margin, a legend, never the selection. SVG as drawn; PNG by letting the
 * browser rasterize that SVG at twice the size (smaller for huge drawings so the bitmap stays
 * within browser limits), so the two pictures always agree.
 */
import type { TopologyCanvas } from './topology-canvas'
import type { PictureOptions } from './svg-export'

export type PictureFormat = 'png' | 'svg'

/** Longest side of the PNG, in pixels (browsers refuse much larger canvases). */
const MAX_PNG_SIDE_PX = 12_000

/** A CSS custom property of the canvas's container, or `fallback`. */
function cssVar(container: HTMLElement | undefined, name: string, fallback: string): string {
  if (!container || typeof getComputedStyle !== 'function') return fallback
  return getComputedStyle(container).getPropertyValue(name).trim() || fallback
}

/** Rasterizes an SVG document at `scale` into a PNG Blob (the browser draws it). */
async function svgToPng(
  svg: string,
  widthPx: number,
  heightPx: number,
  scale: number,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const bitmap = document.createElement('canvas')
    bitmap.width = Math.max(1, Math.round(widthPx * scale))
    bitmap.height = Math.max(1, Math.round(heightPx * scale))
    const context = bitmap.getContext('2d')
    if (!context) throw new Error('this browser cannot draw a picture (no 2D canvas)')
    context.drawImage(image, 0, 0, bitmap.width, bitmap.height)
    return await new Promise<Blob>((resolve, reject) =>
      bitmap.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * A picture of the canvas as a Blob (`image/png` or `image/svg+xml`). `options.title`
 * (the design's name) and `options.tenants` (to name pie colours) go into the picture;
 * background and text colours come from the theme (`--canvas-bg`, `--text`).
 */
export async function canvasPicture(
  canvas: TopologyCanvas,
  format: PictureFormat,
  container?: HTMLElement,
  options: Omit<PictureOptions, 'background' | 'textColour'> = {},
): Promise<Blob> {
  const picture = canvas.svgPicture({
    ...options,
    background: cssVar(container, '--canvas-bg', '#ffffff'),
    textColour: cssVar(container, '--text', '#1d2430'),
  })
  if (format === 'svg') return new Blob([picture.svg], { type: 'image/svg+xml' })
  const side = Math.max(1, picture.widthPx, picture.heightPx)
  const scale = Math.min(2, MAX_PNG_SIDE_PX / side)
  return svgToPng(picture.svg, picture.widthPx, picture.heightPx, scale)
}
