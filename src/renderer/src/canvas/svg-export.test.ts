// @vitest-environment happy-dom
/** The SVG picture of the sample design, drawn from a headless canvas. */
import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/samples/two-hall.strata.json'
import { DesignSession } from '../../../main/engine'
import cytoscape from 'cytoscape'
import { designElements } from './elements'
import { canvasStyle, LIGHT } from './style'
import { canvasToSvg, escapeXml } from './svg-export'

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

  it('escapes markup in labels', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  })
})
