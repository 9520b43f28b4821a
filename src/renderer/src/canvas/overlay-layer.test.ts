/**
 * The compact host overlay drawn by the layer (issue 19): colours from the stylesheet's own
 * (`style.ts`) and the utilization scale worked by hand; positions by the model-to-screen
 * arithmetic; a recording context stands for the canvas.
 */
import { describe, expect, it } from 'vitest'
import cytoscape, { type NodeSingular } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import { LIGHT } from './style'
import { cssRgb, drawHostMarks, hostMark } from './overlay-layer'
import { CanvasPaint } from './canvas-paint'

const instances = [
  { tenantId: 'a', colour: '#111111', count: 2 },
  { tenantId: 'b', colour: '#222222', count: 5 },
]

describe('hostMark', () => {
  it('paints a host as the stylesheet and the mosaic do', () => {
    // utilization 0.5: halfway between #2ca02c and #d62728, rounded per channel
    expect(hostMark('up', { instances, utilization: 0.5 }, LIGHT)).toEqual({
      fill: '#81642a',
      alpha: 1,
      ring: '#222222',
      ringPx: 4,
      count: 7,
    })
    expect(hostMark('up', { failed: true, instances }, LIGHT)).toMatchObject({
      fill: '#000000',
      ring: LIGHT.error,
      ringPx: 3,
    })
    expect(hostMark('down', {}, LIGHT)).toMatchObject({ fill: LIGHT.host, alpha: 0.45, count: 0 })
    expect(hostMark('up', { off: true }, LIGHT)).toMatchObject({ fill: '#7f7f7f', alpha: 0.6 })
  })
  it('reports colours as Cytoscape does', () => {
    expect(cssRgb('#5b8def')).toBe('rgb(91,141,239)')
    expect(cssRgb('#000000')).toBe('rgb(0,0,0)')
  })
})

/** A context that records the calls the drawing makes. */
function recorder(): { ctx: CanvasRenderingContext2D; calls: string[] } {
  const calls: string[] = []
  const state: Record<string, unknown> = {}
  const ctx = new Proxy(state, {
    get: (t, key: string) =>
      key in t
        ? t[key]
        : (...args: unknown[]) => calls.push(`${key}(${args.map((a) => String(a)).join(',')})`),
    set: (t, key: string, value: unknown) => {
      t[key] = value
      calls.push(`${key}=${String(value)}`)
      return true
    },
  })
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

function host(id: string, x: number, y: number, selected = false): NodeSingular {
  return {
    id: () => id,
    removed: () => false,
    position: () => ({ x, y }),
    selected: () => selected,
    hasClass: () => false,
    style: () => '4px',
    data: (key: string) => (key === 'virt' ? 'hw' : 'up'),
  } as unknown as NodeSingular
}

describe('drawHostMarks', () => {
  const overlay = new Map<string, HostOverlay>([
    ['h1', { instances, utilization: 0.5 }],
    ['h2', { instances, utilization: 0.5 }],
    ['far', { instances }],
    ['sel', { instances: [{ tenantId: 'a', colour: '#111111', count: 1 }] }],
  ])
  const hosts = [host('h1', 100, 100), host('h2', 200, 100), host('far', 5000, 100)]

  it('paints the hosts in view only, one fill per colour, rings and counts', () => {
    const { ctx, calls } = recorder()
    const view = { zoom: 1, pan: { x: 0, y: 0 }, width: 800, height: 600 }
    const all = [...hosts, host('bare', 300, 100)]
    const drawn = drawHostMarks(ctx, all, view, (id) => overlay.get(id), LIGHT)
    expect(drawn).toBe(2)
    expect(calls.filter((c) => c === 'fill()')).toHaveLength(1)
    expect(calls).toContain('fillStyle=#81642a')
    // round-rectangle 34 px wide around (100, 100): radius min(34 / 4, 8) = 8
    expect(calls).toContain('roundRect(83,83,34,34,8)')
    expect(calls.filter((c) => c === 'stroke()')).toHaveLength(2)
    expect(calls.filter((c) => c.startsWith('fillText(7,'))).toEqual([
      'fillText(7,100,100)',
      'fillText(7,200,100)',
    ])
  })

  it('keeps a selected host its own border, draws no count where it is unreadable', () => {
    const { ctx, calls } = recorder()
    // zoom 0.5: a count of 11 px × 0.5 is under 8 px on screen
    const view = { zoom: 0.5, pan: { x: 10, y: 20 }, width: 800, height: 600 }
    drawHostMarks(ctx, [host('sel', 100, 100, true)], view, (id) => overlay.get(id), LIGHT)
    // its 4 px border stays: the fill stops inside it, (34 − 4) × 0.5 = 15 px wide
    expect(calls).toContain('roundRect(52.5,62.5,15,15,3.75)')
    expect(calls).not.toContain('stroke()')
    expect(calls.some((c) => c.startsWith('fillText'))).toBe(false)
  })
})

describe('CanvasPaint on a large design', () => {
  const hostNodes = ['h1', 'h2'].map((id) => ({
    group: 'nodes' as const,
    data: { id, kind: 'host', label: id },
    classes: 'host',
  }))
  const overlay = new Map<string, HostOverlay>([
    ['h1', { instances, utilization: 0.5 }],
    ['h2', { failed: true }],
  ])
  const styled = (cy: cytoscape.Core): string[] =>
    cy
      .nodes()
      .filter(
        (n) =>
          n.data('utilization') !== undefined ||
          n.hasClass('placed-compact') ||
          n.hasClass('failed'),
      )
      .map((n) => n.id())

  it('restyles no node for a placement or a frame, but the picture gets the styles', () => {
    const cy = cytoscape({ headless: true, elements: hostNodes })
    const paint = new CanvasPaint(cy, undefined, false)
    paint.compact = true
    paint.setOverlay(overlay, undefined)
    expect(styled(cy)).toEqual([])
    expect(cy.getElementById('h1').data('label')).toBe('h1')
    paint.styleForPicture()
    expect(cy.getElementById('h1').data('utilization')).toBe(0.5)
    expect(cy.getElementById('h1').data('label')).toBe('h1\n7 inst.')
    expect(cy.getElementById('h2').hasClass('failed')).toBe(true)
  })

  it('styles the nodes on a small design', () => {
    const cy = cytoscape({ headless: true, elements: hostNodes })
    new CanvasPaint(cy, undefined, false).setOverlay(overlay, undefined)
    expect(cy.getElementById('h1').data('instanceCount')).toBe(7)
    expect(cy.getElementById('h2').hasClass('failed')).toBe(true)
  })
})
