/**
 * Links by utilization (issue 17): a link's time value is the latest processing instant at or
 * before the shown time; a bundle shows the highest utilization of its links and has the very
 * key the level-of-detail layer draws it with; the painter marks links, and paints links added
 * later (hosts on demand).
 */
import cytoscape from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { bundleOfLink, linkOverlayOf, type LinkPaint } from '../drawing/link-overlay'
import { instantAt, linkFrameAt } from '../stores/network-frame'
import type { NetworkResult } from '../../../shared/domain/network-result'
import { bundleKey, loadColour, rackBundles } from './bundles'
import { LinkOverlayPainter } from './link-overlay'

describe('linkFrameAt', () => {
  const network = {
    timesS: [0, 300, 420, 600],
    links: [
      {
        id: 'a',
        kind: 'link',
        capacityGbps: 10,
        peakUtilization: 1,
        meanUtilization: 0.5,
        utilizationSeries: [0.1, 0.5, 1, 0.2],
      },
    ],
    tenants: [],
    switchEnergyKWh: 0,
    migrationGB: 0,
    fabricFailures: [{ elementId: 'a', atS: 500, repairedAtS: 600 }],
  } satisfies NetworkResult

  it('takes the latest instant at or before the time', () => {
    expect(instantAt(network.timesS, -1)).toBe(-1)
    expect(instantAt(network.timesS, 0)).toBe(0)
    expect(instantAt(network.timesS, 299)).toBe(0)
    expect(instantAt(network.timesS, 300)).toBe(1)
    expect(instantAt(network.timesS, 450)).toBe(2)
    expect(instantAt(network.timesS, 10_000)).toBe(3)
    expect(linkFrameAt({ network }, 400)?.get('a')).toEqual({ utilization: 0.5, failed: false })
    expect(linkFrameAt({ network }, 500)?.get('a')).toEqual({ utilization: 1, failed: true })
    expect(linkFrameAt({ network }, 600)?.get('a')).toEqual({ utilization: 0.2, failed: false })
    expect(linkFrameAt({}, 0)).toBeUndefined()
  })
})

describe('link overlay', () => {
  const design = syntheticDatacenter({ hosts: 120, instances: 10, tenants: 2, seed: 0 })

  it('gives each crossing link the id of the bundle the canvas draws, and a bundle its max', () => {
    const drawn = new Set(rackBundles(design).map(bundleKey))
    const of = bundleOfLink(design)
    expect(of.size).toBeGreaterThan(0)
    for (const id of of.values()) expect(drawn.has(id)).toBe(true)
    // utilization i / n for the i-th link: each bundle's max is its last member's
    const links = new Map<string, LinkPaint>(
      design.links.map((l, i) => [l.id, { utilization: i / design.links.length, failed: false }]),
    )
    const overlay = linkOverlayOf(design, links)
    const expected = new Map<string, number>()
    design.links.forEach((l, i) => {
      const b = of.get(l.id)
      if (b) expected.set(b, Math.max(expected.get(b) ?? 0, i / design.links.length))
    })
    expect(overlay.bundles).toEqual(expected)
  })

  it('colours a bundle green to red as the stylesheet colours a link', () => {
    expect(loadColour(0)).toBe('rgb(44, 160, 44)') // #2ca02c
    expect(loadColour(1)).toBe('rgb(214, 39, 40)') // #d62728
    expect(loadColour(0.5)).toBe(
      `rgb(${Math.round((44 + 214) / 2)}, ${Math.round((160 + 39) / 2)}, ${Math.round((44 + 40) / 2)})`,
    )
    expect(loadColour(7)).toBe(loadColour(1))
  })

  it('paints links, and links added later', () => {
    const cy = cytoscape({ headless: true })
    cy.add([
      { group: 'nodes', data: { id: 'x' } },
      { group: 'nodes', data: { id: 'y' } },
      { group: 'edges', data: { id: 'l1', source: 'x', target: 'y' }, classes: 'link' },
    ])
    const painter = new LinkOverlayPainter(cy)
    painter.set({
      links: new Map([
        ['l1', { utilization: 0.4, failed: false }],
        ['l2', { utilization: 0.9, failed: true }],
      ]),
      bundles: new Map([['bundle:x:y', 0.9]]),
    })
    expect(cy.$id('l1').data('linkLoad')).toBe(0.4)
    cy.add({ group: 'edges', data: { id: 'l2', source: 'x', target: 'y' }, classes: 'link' })
    expect(cy.$id('l2').data('linkLoad')).toBe(0.9)
    expect(cy.$id('l2').hasClass('link-failed')).toBe(true)
    painter.set({ links: new Map(), bundles: new Map() })
    expect(cy.$id('l1').data('linkLoad')).toBeUndefined()
    expect(cy.$id('l2').hasClass('link-failed')).toBe(false)
  })
})
