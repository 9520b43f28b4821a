/**
 * A standalone SVG picture of the canvas, drawn from the Cytoscape model (not from pixels):
 * zone and rack boxes, then links, then hosts, switches and storage with their labels, in the
 * colours the canvas style gives them. Migration arrows and edge-handle ghosts are left out.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'

/** Room around the drawing, in model pixels. */
const MARGIN = 40
const FONT_PX = 10

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

function label(text: string, x: number, y: number, colour: string): string {
  if (!text) return ''
  const lines = text.split('\n')
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${num(x)}" dy="${i === 0 ? 0 : FONT_PX + 2}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  return `<text x="${num(x)}" y="${num(y)}" font-size="${FONT_PX}" text-anchor="middle" fill="${escapeXml(colour)}">${spans}</text>`
}

function boxNode(n: NodeSingular): string {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false })
  const fill = styleOf(n, 'background-color', '#ffffff')
  const stroke = styleOf(n, 'border-color', '#888888')
  const attrs = `data-id="${escapeXml(n.id())}" data-kind="${escapeXml(String(n.data('kind')))}"`
  return (
    `<g ${attrs}><rect x="${num(b.x1)}" y="${num(b.y1)}" width="${num(b.w)}" height="${num(b.h)}" rx="6" ` +
    `fill="${escapeXml(fill)}" fill-opacity="${opacityOf(n, 'background-opacity')}" stroke="${escapeXml(stroke)}"/>` +
    label(
      String(n.data('label') ?? n.id()),
      (b.x1 + b.x2) / 2,
      b.y1 - 4,
      styleOf(n, 'color', '#333333'),
    ) +
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

function leafNode(n: NodeSingular): string {
  const { x, y } = n.position()
  const w = n.width()
  const h = n.height()
  const paint =
    `fill="${escapeXml(styleOf(n, 'background-color', '#999999'))}" ` +
    `stroke="${escapeXml(styleOf(n, 'border-color', '#555555'))}" ` +
    `stroke-width="${num(Number.parseFloat(styleOf(n, 'border-width', '1')) || 0)}" ` +
    `opacity="${opacityOf(n, 'opacity')}"`
  const attrs = `data-id="${escapeXml(n.id())}" data-kind="${escapeXml(String(n.data('kind')))}"`
  return (
    `<g ${attrs}>${shapeOf(n, x, y, w, h, paint)}` +
    label(
      String(n.data('label') ?? n.id()),
      x,
      y + h / 2 + FONT_PX + 2,
      styleOf(n, 'color', '#333333'),
    ) +
    '</g>'
  )
}

function edgeLine(e: EdgeSingular): string {
  const s = e.source().position()
  const t = e.target().position()
  const colour = styleOf(e, 'line-color', '#888888')
  const dashed = styleOf(e, 'line-style', 'solid') === 'dashed' ? ' stroke-dasharray="6 4"' : ''
  return (
    `<line data-id="${escapeXml(e.id())}" x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" ` +
    `stroke="${escapeXml(colour)}" stroke-width="${num(Number.parseFloat(styleOf(e, 'width', '1.5')) || 1.5)}"${dashed}/>`
  )
}

/**
 * Serializes the whole drawing (every element, whatever the viewport shows) as an SVG
 * document. `background` fills the picture (the canvas's theme background).
 */
export function canvasToSvg(cy: Core, background = '#ffffff'): string {
  const nodes = cy.nodes().filter((n) => !n.hasClass('eh-ghost-node') && !n.hasClass('eh-handle'))
  const edges = cy.edges().filter((e) => String(e.data('kind')) === 'link')
  const b = nodes.nonempty()
    ? nodes.boundingBox({ includeLabels: true, includeOverlays: false })
    : { x1: 0, y1: 0, w: 0, h: 0 }
  const x0 = b.x1 - MARGIN
  const y0 = b.y1 - MARGIN
  const w = b.w + 2 * MARGIN
  const h = b.h + 2 * MARGIN
  // outer boxes first so inner ones are drawn over them
  const all: NodeSingular[] = nodes.toArray() as NodeSingular[]
  const boxes = all
    .filter((n) => n.isParent())
    .sort((a, c) => a.ancestors().length - c.ancestors().length)
  const leaves = all.filter((n) => !n.isParent())
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" font-family="sans-serif">`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="${escapeXml(background)}"/>`,
    ...boxes.map(boxNode),
    ...(edges.toArray() as EdgeSingular[]).map(edgeLine),
    ...leaves.map(leafNode),
    '</svg>',
    '',
  ]
  return parts.join('\n')
}
