/**
 * A standalone SVG picture of the canvas, drawn from the Cytoscape model (not from pixels):
 * a title, zone and rack boxes, links and migration arrows, then hosts, switches and storage
 * with their instance pies and labels, in the colours, shapes, borders and fonts the canvas
 * style gives them, then a legend; with a margin all round. It is drawn from a headless copy
 * of the canvas in which nothing is selected, so the selection highlight (and edge-handle
 * ghosts, drop targets) never reach a picture. PNG exports rasterize this SVG (picture.ts).
 */
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape'
import { legendItems, type LegendItem } from './svg-legend'
import { isContainer } from './elements'

/** Room around the drawing, in model pixels. */
const MARGIN = 40
const FONT_PX = 10
const TITLE_PX = 20
const LEGEND_FONT_PX = 11
const LEGEND_ROW_PX = 22
/** Classes that only show an interaction in progress. */
const TRANSIENT_CLASSES = ['drop-target', 'eh-preview', 'eh-ghost-edge', 'eh-source', 'eh-target']

/** What a picture says besides the drawing. */
export interface PictureOptions {
  /** Fills the picture (the canvas's theme background). */
  background?: string
  /** Text colour of the title and legend (the theme's). */
  textColour?: string
  /** Title at the top, e.g. the design's name. */
  title?: string
  /** Tenants, to name the colours of instance pies in the legend. */
  tenants?: ReadonlyArray<{ name: string; colour: string }>
}

/** A picture and its size in CSS pixels. */
export interface SvgPicture {
  svg: string
  widthPx: number
  heightPx: number
}

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const num = (v: number): string => String(Math.round(v * 10) / 10)

/** A style value as a string, or `fallback` when the style has none. */
function styleOf(el: NodeSingular | EdgeSingular, name: string, fallback: string): string {
  const value: unknown = el.style(name)
  return typeof value === 'string' && value !== '' ? value : fallback
}

function opacityOf(el: NodeSingular, name: string): string {
  const value = Number.parseFloat(styleOf(el, name, '1'))
  return Number.isFinite(value) ? num(value) : '1'
}

function fontPx(el: NodeSingular): number {
  const px = Number.parseFloat(styleOf(el, 'font-size', String(FONT_PX)))
  return Number.isFinite(px) && px > 0 ? px : FONT_PX
}

function label(n: NodeSingular, x: number, y: number, above = false): string {
  const text = String(n.data('label') ?? n.id())
  if (!text || styleOf(n, 'label', 'x') === '') return ''
  const size = fontPx(n)
  const lines = text.split('\n')
  // Labels above a box grow upwards so the last line sits just over the border.
  const first = above ? y - (lines.length - 1) * (size + 2) : y
  const spans = lines
    .map(
      (line, i) => `<tspan x="${num(x)}" dy="${i === 0 ? 0 : size + 2}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  const weight = styleOf(n, 'font-weight', 'normal') === 'bold' ? ' font-weight="bold"' : ''
  return `<text x="${num(x)}" y="${num(first)}" font-size="${num(size)}"${weight} text-anchor="middle" fill="${escapeXml(styleOf(n, 'color', '#333333'))}">${spans}</text>`
}

/** `stroke`, `stroke-width` and dashes of a node's border as the style gives them. */
function borderOf(n: NodeSingular, fallbackColour: string): string {
  const width = Number.parseFloat(styleOf(n, 'border-width', '1')) || 0
  const style = styleOf(n, 'border-style', 'solid')
  const dash =
    style === 'dotted'
      ? ' stroke-dasharray="2 3"'
      : style === 'dashed'
        ? ' stroke-dasharray="6 4"'
        : ''
  const opacity = Number.parseFloat(styleOf(n, 'border-opacity', '1'))
  return (
    `stroke="${escapeXml(styleOf(n, 'border-color', fallbackColour))}" stroke-width="${num(width)}"${dash}` +
    (Number.isFinite(opacity) && opacity < 1 ? ` stroke-opacity="${num(opacity)}"` : '')
  )
}

function boxNode(n: NodeSingular): string {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false })
  const fill = styleOf(n, 'background-color', '#ffffff')
  const stroke = '#888888'
  const attrs = `data-id="${escapeXml(n.id())}" data-kind="${escapeXml(String(n.data('kind')))}"`
  return (
    `<g ${attrs} opacity="${opacityOf(n, 'opacity')}"><rect x="${num(b.x1)}" y="${num(b.y1)}" width="${num(b.w)}" height="${num(b.h)}" rx="6" ` +
    `fill="${escapeXml(fill)}" fill-opacity="${opacityOf(n, 'background-opacity')}" ${borderOf(n, stroke)}/>` +
    label(n, (b.x1 + b.x2) / 2, b.y1 - 4, true) +
    '</g>'
  )
}

function shapeOf(
  n: NodeSingular,
  x: number,
  y: number,
  w: number,
  h: number,
  paint: string,
): string {
  const shape = styleOf(n, 'shape', 'ellipse')
  if (shape === 'ellipse')
    return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`
  const polygon = (pts: Array<[number, number]>): string =>
    `<polygon points="${pts.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" ${paint}/>`
  if (shape === 'diamond')
    return polygon([
      [x, y - h / 2],
      [x + w / 2, y],
      [x, y + h / 2],
      [x - w / 2, y],
    ])
  if (shape.endsWith('hexagon'))
    return polygon([
      [x - w / 2, y],
      [x - w / 4, y - h / 2],
      [x + w / 4, y - h / 2],
      [x + w / 2, y],
      [x + w / 4, y + h / 2],
      [x - w / 4, y + h / 2],
    ])
  const rx = shape.startsWith('round') || shape === 'barrel' ? 6 : 0
  return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${rx}" ${paint}/>`
}

/** The instance pie the canvas draws on a placed host: slices clockwise from 12 o'clock. */
function pie(n: NodeSingular, x: number, y: number, w: number, h: number): string {
  const sizes: Array<[string, number]> = []
  for (let i = 1; i <= 16; i++) {
    const size = Number.parseFloat(styleOf(n, `pie-${i}-background-size`, '0'))
    if (size > 0) sizes.push([styleOf(n, `pie-${i}-background-color`, '#000000'), size])
  }
  if (sizes.length === 0) return ''
  const r =
    ((Number.parseFloat(styleOf(n, 'pie-size', '100%')) || 100) / 100) * (Math.min(w, h) / 2)
  let start = 0
  return sizes
    .map(([colour, size]) => {
      const fill = `fill="${escapeXml(colour)}"`
      if (size >= 99.999) return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${fill}/>`
      const a0 = (start / 100) * 2 * Math.PI
      start += size
      const a1 = (start / 100) * 2 * Math.PI
      const p = (a: number): string => `${num(x + r * Math.sin(a))} ${num(y - r * Math.cos(a))}`
      const large = a1 - a0 > Math.PI ? 1 : 0
      return `<path d="M${num(x)} ${num(y)} L${p(a0)} A${num(r)} ${num(r)} 0 ${large} 1 ${p(a1)} Z" ${fill}/>`
    })
    .join('')
}

function leafNode(n: NodeSingular): string {
  const { x, y } = n.position()
  const w = n.width()
  const h = n.height()
  const paint =
    `fill="${escapeXml(styleOf(n, 'background-color', '#999999'))}" ` +
    `fill-opacity="${opacityOf(n, 'background-opacity')}" ${borderOf(n, '#555555')}`
  const attrs = `data-id="${escapeXml(n.id())}" data-kind="${escapeXml(String(n.data('kind')))}"`
  const body = fontPx(n)
  return (
    `<g ${attrs} opacity="${opacityOf(n, 'opacity')}">${shapeOf(n, x, y, w, h, paint)}${pie(n, x, y, w, h)}` +
    label(n, x, y + h / 2 + body + 2) +
    '</g>'
  )
}

function edgeLine(e: EdgeSingular): string {
  const s = e.source().position()
  const t = e.target().position()
  const colour = styleOf(e, 'line-color', '#888888')
  const dashed = styleOf(e, 'line-style', 'solid') === 'dashed' ? ' stroke-dasharray="6 4"' : ''
  const arrow =
    styleOf(e, 'target-arrow-shape', 'none') !== 'none' ? ' marker-end="url(#arrow)"' : ''
  return (
    `<line data-id="${escapeXml(e.id())}" x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" ` +
    `stroke="${escapeXml(colour)}" stroke-width="${num(Number.parseFloat(styleOf(e, 'width', '1.5')) || 1.5)}"${dashed}${arrow}/>`
  )
}

/** A headless copy of the drawing with nothing selected and no interaction marks. */
function quietCopy(cy: Core): Core {
  const kept = cy
    .elements()
    .filter(
      (el) =>
        !el.hasClass('eh-ghost-node') && !el.hasClass('eh-handle') && !el.hasClass('eh-ghost-edge'),
    )
  const clean = (json: cytoscape.ElementDefinition): cytoscape.ElementDefinition => {
    const classes = String((json as { classes?: string }).classes ?? '')
      .split(/\s+/)
      .filter((c) => c && !TRANSIENT_CLASSES.includes(c))
      .join(' ')
    // Positions are set below: a compound's own position would move its children.
    const { position: _position, ...rest } = json as cytoscape.ElementDefinition & {
      position?: unknown
    }
    return { ...rest, selected: false, classes }
  }
  // Parents before children, nodes before edges, as Cytoscape needs them.
  const nodes = kept.nodes().toArray() as NodeSingular[]
  const depth = (n: NodeSingular): number => n.ancestors().length
  const ordered = [...nodes].sort((a, b) => depth(a) - depth(b))
  const copy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: (cy.style() as unknown as { json(): cytoscape.StylesheetJson }).json(),
    elements: [
      ...ordered.map((n) => clean(n.json() as cytoscape.ElementDefinition)),
      ...kept.edges().map((e) => clean(e.json() as cytoscape.ElementDefinition)),
    ],
  })
  copy.batch(() => {
    for (const n of nodes) copy.$id(n.id()).position({ ...n.position() })
  })
  return copy
}

/** Rough width of a text in pixels (labels are measured nowhere in a headless copy). */
const textWidth = (text: string, px: number): number => text.length * px * 0.52

/** The legend as SVG rows under the drawing, wrapped at `width`; returns its height too. */
function legendSvg(
  items: LegendItem[],
  x0: number,
  y0: number,
  width: number,
  text: string,
): { svg: string; height: number } {
  let x = x0
  let y = y0 + LEGEND_ROW_PX / 2
  const parts: string[] = []
  for (const item of items) {
    const w = 22 + textWidth(item.label, LEGEND_FONT_PX) + 18
    if (x > x0 && x + w > x0 + width) {
      x = x0
      y += LEGEND_ROW_PX
    }
    parts.push(
      swatch(item, x, y) +
        `<text x="${num(x + 22)}" y="${num(y + 4)}" font-size="${LEGEND_FONT_PX}" fill="${escapeXml(text)}">${escapeXml(item.label)}</text>`,
    )
    x += w
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y - y0 + LEGEND_ROW_PX / 2 }
}

function swatch(item: LegendItem, x: number, y: number): string {
  const fill = `fill="${escapeXml(item.fill)}"`
  const stroke = item.stroke ? ` stroke="${escapeXml(item.stroke)}"` : ''
  switch (item.shape) {
    case 'line':
      return `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 16)}" y2="${num(y)}" stroke="${escapeXml(item.fill)}" stroke-width="2"/>`
    case 'dashed':
      return `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 16)}" y2="${num(y)}" stroke="${escapeXml(item.fill)}" stroke-width="2" stroke-dasharray="4 2"/>`
    case 'scale':
      return `<rect x="${num(x)}" y="${num(y - 6)}" width="8" height="12" ${fill}/><rect x="${num(x + 8)}" y="${num(y - 6)}" width="8" height="12" fill="${escapeXml(item.fillTo ?? item.fill)}"/>`
    case 'diamond':
      return `<polygon points="${num(x + 8)},${num(y - 7)} ${num(x + 15)},${num(y)} ${num(x + 8)},${num(y + 7)} ${num(x + 1)},${num(y)}" ${fill}${stroke}/>`
    case 'hexagon':
      return `<polygon points="${num(x)},${num(y)} ${num(x + 4)},${num(y - 7)} ${num(x + 12)},${num(y - 7)} ${num(x + 16)},${num(y)} ${num(x + 12)},${num(y + 7)} ${num(x + 4)},${num(y + 7)}" ${fill}${stroke}/>`
    default: {
      const rx = item.shape === 'rect' ? 0 : item.shape === 'box' ? 3 : 4
      return `<rect x="${num(x)}" y="${num(y - 7)}" width="16" height="14" rx="${rx}" ${fill}${stroke ?? ''}${item.shape === 'box' ? ' stroke-width="1.5"' : ''}/>`
    }
  }
}

/**
 * Draws the whole drawing (every element, whatever the viewport shows) as an SVG document
 * with a title, a legend and a margin, and nothing selected. A string argument is the
 * background colour (the older signature).
 */
export function drawCanvasSvg(live: Core, options: PictureOptions | string = {}): SvgPicture {
  const o: PictureOptions = typeof options === 'string' ? { background: options } : options
  const background = o.background ?? '#ffffff'
  const ink = o.textColour ?? '#1d2430'
  const cy = quietCopy(live)
  const nodes = cy.nodes()
  const edges = cy.edges().filter((e) => ['link', 'migration'].includes(String(e.data('kind'))))
  // Bounds of bodies and (estimated) labels: a headless copy measures no text.
  let [x1, y1, x2, y2] = [0, 0, 0, 0]
  nodes.forEach((n, i) => {
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false })
    const lines = String(n.data('label') ?? '').split('\n')
    const px = fontPx(n)
    const half = Math.max(...lines.map((l) => textWidth(l, px))) / 2
    const cx = (b.x1 + b.x2) / 2
    const labelH = lines.length * (px + 2) + 4
    const top = isContainer(n) ? b.y1 - labelH : b.y1
    const bottom = isContainer(n) ? b.y2 : b.y2 + labelH
    const left = Math.min(b.x1, cx - half)
    const right = Math.max(b.x2, cx + half)
    if (i === 0) [x1, y1, x2, y2] = [left, top, right, bottom]
    else
      [x1, y1, x2, y2] = [
        Math.min(x1, left),
        Math.min(y1, top),
        Math.max(x2, right),
        Math.max(y2, bottom),
      ]
  })
  const title = o.title ?? ''
  const titleH = title ? TITLE_PX + 16 : 0
  const items = legendItems(cy, o.tenants)
  const drawingW = x2 - x1
  const width = Math.max(
    drawingW + 2 * MARGIN,
    title ? textWidth(title, TITLE_PX) + 2 * MARGIN : 0,
    360,
  )
  const x0 = x1 - MARGIN - (width - drawingW - 2 * MARGIN) / 2
  const legend = legendSvg(items, x0 + MARGIN, y2 + MARGIN / 2, width - 2 * MARGIN, ink)
  const y0 = y1 - MARGIN - titleH
  const height = y2 - y0 + MARGIN / 2 + legend.height + MARGIN
  // outer boxes first so inner ones are drawn over them
  const all: NodeSingular[] = nodes.toArray() as NodeSingular[]
  // racks and zones are boxes around their members (not compound parents): zones first
  const boxes = all
    .filter((n) => isContainer(n))
    .sort((a, c) => Number(a.data('kind') === 'rack') - Number(c.data('kind') === 'rack'))
  const leaves = all.filter((n) => !isContainer(n))
  const migration = edges.filter('.migration')
  const arrowColour = migration.nonempty()
    ? styleOf(migration.first() as unknown as EdgeSingular, 'line-color', '#9467bd')
    : '#9467bd'
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(x0)} ${num(y0)} ${num(width)} ${num(height)}" font-family="Helvetica, Arial, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${escapeXml(arrowColour)}"/></marker></defs>`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(width)}" height="${num(height)}" fill="${escapeXml(background)}"/>`,
    title
      ? `<text class="title" x="${num(x0 + MARGIN)}" y="${num(y0 + MARGIN / 2 + TITLE_PX)}" font-size="${TITLE_PX}" font-weight="bold" fill="${escapeXml(ink)}">${escapeXml(title)}</text>`
      : '',
    ...boxes.map(boxNode),
    ...(edges.toArray() as EdgeSingular[]).map(edgeLine),
    ...leaves.map(leafNode),
    legend.svg,
    '</svg>',
    '',
  ]
  cy.destroy()
  return { svg: parts.filter(Boolean).join('\n'), widthPx: width, heightPx: height }
}

/** The SVG text of `drawCanvasSvg`. */
export function canvasToSvg(cy: Core, options: PictureOptions | string = {}): string {
  return drawCanvasSvg(cy, options).svg
}
