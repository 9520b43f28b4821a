// @vitest-environment happy-dom
/** The SVG picture of the sample design, drawn from a headless canvas. */
import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/samples/two-hall.strata.json'
import { DesignSession } from '../../../main/engine'
import cytoscape from 'cytoscape'
import { designElements } from './elements'
import { canvasStyle, LIGHT } from './style'
import { canvasToSvg, drawCanvasSvg, escapeXml } from './svg-export'

function sampleCanvas() {
  const session = new DesignSession()
  const loaded = session.load(sample)
  if (!loaded.ok) throw new Error(loaded.error.message)
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: canvasStyle(LIGHT),
    elements: designElements(session.design),
  })
  return { cy, design: session.design }
}

const parse = (svg: string): Document => new DOMParser().parseFromString(svg, 'image/svg+xml')

describe('canvasToSvg', () => {
  it('draws every rack, host, switch and link of the sample as well-formed SVG', () => {
    const session = new DesignSession()
    const loaded = session.load(sample)
    if (!loaded.ok) throw new Error(loaded.error.message)
    // headless with styles on, as the page's renderer has them
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: canvasStyle(LIGHT),
      elements: designElements(session.design),
    })
    const svg = canvasToSvg(cy)

    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.querySelector('parsererror')).toBeNull()
    const ids = new Set(
      [...doc.querySelectorAll('[data-id]')].map((e) => e.getAttribute('data-id')),
    )
    const d = session.design
    for (const e of [...d.racks, ...d.hosts, ...d.switches, ...d.links]) expect(ids).toContain(e.id)
    for (const rack of d.racks)
      expect(doc.querySelector(`g[data-id="${rack.id}"] rect`)).not.toBeNull()
    expect(doc.querySelectorAll('line[data-id]').length).toBe(d.links.length)
    // shapes follow the canvas style: hexagons for OS containers, diamonds for switches
    expect(
      doc.querySelector('g[data-id="lxc-1"] polygon')?.getAttribute('points')?.split(' '),
    ).toHaveLength(6)
    expect(
      doc.querySelector('g[data-id="core-1"] polygon')?.getAttribute('points')?.split(' '),
    ).toHaveLength(4)
    expect(doc.querySelector('g[data-id="kvm-1"] rect')).not.toBeNull()
    expect(doc.querySelector('g[data-id="kvm-1"] rect')?.getAttribute('fill')).toBe(
      'rgb(91,141,239)',
    ) // LIGHT.host, #5b8def
    cy.destroy()
  })

  it('never carries the selection highlight, and leaves the live selection alone', () => {
    const { cy } = sampleCanvas()
    cy.$id('kvm-1').select()
    cy.$id('rack-1').select()
    const svg = canvasToSvg(cy)
    // LIGHT.selected is #ff7a00 = rgb(255,122,0); nothing in the picture is drawn in it
    expect(svg).not.toMatch(/#ff7a00|rgb\(255,\s*122,\s*0\)/i)
    const kvm = parse(svg).querySelector('g[data-id="kvm-1"] rect')
    expect(kvm?.getAttribute('stroke-width')).not.toBe('4')
    expect(cy.$id('kvm-1').selected()).toBe(true)
    cy.destroy()
  })

  it('has a title, a legend of what it draws, and a margin round the drawing', () => {
    const { cy, design } = sampleCanvas()
    const picture = drawCanvasSvg(cy, { title: design.meta.name, background: '#fbfcfd' })
    const doc = parse(picture.svg)
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(doc.querySelector('text.title')?.textContent).toBe(design.meta.name)
    const legend = [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)
    // one entry per swatch, in a fixed order; host kinds drawn alike share one
    expect(legend).toEqual([
      'Zone',
      'Rack',
      'Host, hardware-assisted virtualization / paravirtualization / binary translation',
      'Host, OS containers',
      'Host, bare metal',
      'Switch',
      'Storage',
      'Link',
    ])
    // every rack box lies inside the picture with at least 30 px to spare on the sides
    const [x0, y0, w, h] = (doc.documentElement.getAttribute('viewBox') ?? '')
      .split(' ')
      .map(Number) as [number, number, number, number]
    expect(picture.widthPx).toBeCloseTo(w, 0)
    expect(picture.heightPx).toBeCloseTo(h, 0)
    for (const rect of doc.querySelectorAll(
      'g[data-kind="rack"] > rect, g[data-kind="zone"] > rect',
    )) {
      const x = Number(rect.getAttribute('x'))
      const y = Number(rect.getAttribute('y'))
      expect(x - x0).toBeGreaterThanOrEqual(30)
      expect(y - y0).toBeGreaterThanOrEqual(30)
      expect(x0 + w - (x + Number(rect.getAttribute('width')))).toBeGreaterThanOrEqual(30)
      expect(y0 + h - (y + Number(rect.getAttribute('height')))).toBeGreaterThanOrEqual(30)
    }
    cy.destroy()
  })

  it('draws what the canvas draws after a run: instance pies by tenant, migrations, states', () => {
    const { cy, design } = sampleCanvas()
    const acme = design.tenants[0]!
    const globex = design.tenants[1]!
    // a host with three of Acme's instances and one of Globex's: slices of 75 % and 25 %
    cy.$id('kvm-1')
      .data({ pie1c: acme.colour, pie1s: 75, pie2c: globex.colour, pie2s: 25 })
      .addClass('placed')
    cy.$id('kvm-2').addClass('failed')
    cy.$id('kvm-3').data('utilization', 0.5)
    cy.add({
      group: 'edges',
      data: { id: 'migration:m1', source: 'kvm-1', target: 'kvm-4', kind: 'migration' },
      classes: 'migration',
    })
    const svg = canvasToSvg(cy, { tenants: design.tenants })
    const doc = parse(svg)
    const slices = [...doc.querySelectorAll('g[data-id="kvm-1"] path')]
    const rgb = (hex: string): string =>
      `rgb(${[1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16)).join(',')})`
    expect(slices.map((p) => p.getAttribute('fill'))).toEqual([
      rgb(acme.colour),
      rgb(globex.colour),
    ])
    expect(slices).toHaveLength(2)
    // 75 % clockwise from 12 o'clock is the large arc; the 25 % after it the small one
    expect(slices[0]?.getAttribute('d')).toMatch(/ 0 1 1 /)
    expect(slices[1]?.getAttribute('d')).toMatch(/ 0 0 1 /)
    const migration = doc.querySelector('line[data-id="migration:m1"]')
    expect(migration?.getAttribute('marker-end')).toBe('url(#arrow)')
    expect(migration?.getAttribute('stroke-dasharray')).toBe('6 4')
    const legend = [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)
    expect(legend).toEqual(
      expect.arrayContaining([
        `Tenant ${acme.name}`,
        `Tenant ${globex.name}`,
        'Host failed',
        'CPU utilization 0 % to 100 %',
        'Migration in flight',
      ]),
    )
    expect(legend).not.toContain(`Tenant ${design.tenants[2]!.name}`)
    cy.destroy()
  })

  it('escapes markup in labels', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  })
})
