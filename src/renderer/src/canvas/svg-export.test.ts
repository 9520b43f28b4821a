// @vitest-environment happy-dom
/** The SVG picture of the sample design, drawn from a headless canvas. */
import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/samples/two-hall.strata.json'
import { DesignSession } from '../../../main/engine'
import { TopologyCanvas } from './topology-canvas'
import { canvasToSvg, escapeXml } from './svg-export'

describe('canvasToSvg', () => {
  it('draws every rack, host, switch and link of the sample as well-formed SVG', () => {
    const session = new DesignSession()
    const loaded = session.load(sample)
    if (!loaded.ok) throw new Error(loaded.error.message)
    const canvas = new TopologyCanvas(undefined, {})
    canvas.load(session.design, session.state.revision)
    const svg = canvasToSvg(canvas.cy)

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
    canvas.destroy()
  })

  it('escapes markup in labels', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  })
})
