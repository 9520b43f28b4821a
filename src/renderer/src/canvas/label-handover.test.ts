/**
 * Rack and hall labels are drawn once at every zoom (review s9a #9, s9u C12): by the
 * level-of-detail layer below `RACK_LABEL_ZOOM`, by Cytoscape from there on. The oracle for
 * Cytoscape is its own rule, written out here: a label is drawn when its font size times the
 * texture level's scale (2 to the power of ⌈log2(zoom × pixel ratio)⌉) reaches its
 * `min-zoomed-font-size` (cytoscape 3.34, `eleTextBiggerThanMin`).
 */
import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { LevelOfDetail } from './level-of-detail'
import { CanvasPaint } from './canvas-paint'
import { canvasStyle, LIGHT } from './style'
import { CY_LABEL, RACK_LABEL_ZOOM } from './rack-layer'

const cytoscapeDraws = (n: cytoscape.NodeSingular, zoom: number, ratio: number): boolean => {
  const font = parseFloat(String(n.style('font-size')))
  const min = parseFloat(String(n.style('min-zoomed-font-size')))
  return font * 2 ** Math.ceil(Math.log2(zoom * ratio)) >= min
}

describe('rack and hall labels at the level-of-detail switch', () => {
  it('are drawn by exactly one of the layer and Cytoscape at every zoom', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle(LIGHT) })
    cy.add([
      { data: { id: 'hall', label: 'Hall A', w: 500, h: 500 }, classes: 'zone' },
      { data: { id: 'rack-1', label: 'rack-1', w: 100, h: 300 }, classes: 'rack' },
    ])
    const lod = new LevelOfDetail(cy, undefined, new CanvasPaint(cy, undefined, false), () => {})
    lod.updateStructure(undefined)
    const zooms = [0.05, 0.3, 0.45, 0.5, 0.51, 0.55, 0.6, 0.66, 0.67, 0.7, 0.9, 1, 1.5, 3]
    for (const ratio of [1, 2])
      for (const zoom of [...zooms, ...[...zooms].reverse()]) {
        cy.zoom(zoom)
        lod.update()
        const layerDraws = zoom < RACK_LABEL_ZOOM
        for (const id of ['hall', 'rack-1']) {
          const n = cy.getElementById(id)
          expect(cytoscapeDraws(n, zoom, ratio), `${id} at zoom ${zoom} × ${ratio}`).toBe(
            !layerDraws,
          )
        }
      }
    // racks added while zoomed in get Cytoscape's labels too
    cy.zoom(1)
    lod.update()
    cy.add({ data: { id: 'rack-2', label: 'rack-2', w: 100, h: 300 }, classes: 'rack' })
    lod.updateStructure(undefined)
    expect(cy.getElementById('rack-2').hasClass(CY_LABEL)).toBe(true)
  })
})
