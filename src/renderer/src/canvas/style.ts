/** The canvas stylesheet: one palette per theme, read from CSS variables at creation. */
import type { StylesheetJson } from 'cytoscape'
import { CY_LABEL, LABEL_NEVER_PX, RACK_LABEL_MIN_PX, RACK_LABEL_MODEL_PX } from './rack-layer'

/** Colours the canvas needs; taken from the page's CSS custom properties. */
export interface CanvasColours {
  text: string
  rack: string
  zone: string
  host: string
  switch: string
  storage: string
  link: string
  selected: string
  error: string
  warning: string
}

export const LIGHT: CanvasColours = {
  text: '#1d2430',
  rack: '#eef1f6',
  zone: '#f8f9fb',
  host: '#5b8def',
  switch: '#2aa198',
  storage: '#b58900',
  link: '#9aa4b2',
  selected: '#ff7a00',
  error: '#d62728',
  warning: '#e6a700',
}

export const DARK: CanvasColours = {
  ...LIGHT,
  text: '#dfe5ee',
  rack: '#252b36',
  zone: '#1b2029',
  link: '#5d6776',
}

/** Reads the theme colours from CSS variables (`--canvas-*`), falling back to the light set. */
export function coloursFromCss(element: Element | undefined): CanvasColours {
  if (!element || typeof getComputedStyle !== 'function') return LIGHT
  const css = getComputedStyle(element)
  const dark = css.getPropertyValue('--canvas-theme').trim() === 'dark'
  return dark ? DARK : LIGHT
}

export function canvasStyle(c: CanvasColours): StylesheetJson {
  return [
    // no ripple where a pan starts: it would redraw a full-size canvas every pan frame
    // (`cy-frame.ts`), for a faint circle under the pointer
    // (Cytoscape's types want every core property named)
    { selector: 'core', style: { 'active-bg-opacity': 0 } } as unknown as StylesheetJson[number],
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: c.text,
        'font-size': 10,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        // below 8 px on screen a label is noise: Cytoscape skips it (and its cost)
        'min-zoomed-font-size': 8,
        width: 34,
        height: 34,
      },
    },
    {
      selector: 'node.zone',
      style: {
        shape: 'round-rectangle',
        'background-color': c.zone,
        'border-width': 1,
        'border-style': 'dotted',
        'border-color': c.link,
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': RACK_LABEL_MODEL_PX + 2,
        // zoomed out the level-of-detail layer draws it (`cy-label`: see level-of-detail.ts)
        'min-zoomed-font-size': LABEL_NEVER_PX,
        width: 'data(w)',
        height: 'data(h)',
        // z-order: zones, links leaving racks, racks, links in racks; other nodes on top
        // (they keep 'auto', which draws every node above every edge)
        'z-index-compare': 'manual',
        'z-index': 0,
      },
    },
    {
      selector: 'node.rack',
      style: {
        shape: 'round-rectangle',
        'background-color': c.rack,
        'border-width': 2,
        'border-color': c.link,
        'text-valign': 'top',
        'text-halign': 'center',
        'font-weight': 'bold',
        // zoomed out the level-of-detail layer draws the rack's label instead (`cy-label`)
        'font-size': RACK_LABEL_MODEL_PX,
        'min-zoomed-font-size': LABEL_NEVER_PX,
        width: 'data(w)',
        height: 'data(h)',
        'z-index-compare': 'manual',
        'z-index': 2,
      },
    },
    {
      // racks and halls Cytoscape labels itself: only where the layer does not (zoomed in)
      selector: `node.rack.${CY_LABEL}, node.zone.${CY_LABEL}`,
      style: { 'min-zoomed-font-size': RACK_LABEL_MIN_PX },
    },
    {
      selector: 'node.host',
      style: {
        shape: 'round-rectangle',
        'background-color': c.host,
      },
    },
    { selector: 'node.host[virt = "os"]', style: { shape: 'round-hexagon' } },
    { selector: 'node.host[virt = "native"]', style: { shape: 'rectangle' } },
    { selector: 'node.host[state = "down"]', style: { opacity: 0.45 } },
    {
      selector: 'node.host[utilization >= 0]',
      style: { 'background-color': 'mapData(utilization, 0, 1, #2ca02c, #d62728)' },
    },
    { selector: 'node.host.off', style: { 'background-color': '#7f7f7f', opacity: 0.6 } },
    {
      selector: 'node.host.failed',
      style: { 'background-color': '#000', 'border-width': 3, 'border-color': c.error },
    },
    { selector: 'node.host.placed', style: pieStyle() },
    {
      selector: 'node.host.placed-compact',
      style: { 'border-width': 4, 'border-color': 'data(tenantColour)' },
    },
    { selector: 'node.switch', style: { shape: 'diamond', 'background-color': c.switch } },
    { selector: 'node.switch[tier = "core"]', style: { width: 44, height: 44 } },
    { selector: 'node.storage', style: { shape: 'barrel', 'background-color': c.storage } },
    {
      selector: 'node.storage[storageLoad >= 0]',
      style: { 'background-color': 'mapData(storageLoad, 0, 1, #2ca02c, #d62728)' },
    },
    {
      selector: 'node.storage.storage-saturated',
      style: { 'border-width': 5, 'border-color': 'data(saturatedColour)' },
    },
    {
      selector: 'node.storage.storage-failed',
      style: { 'background-color': '#000', 'border-width': 3, 'border-color': c.error },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': c.link,
        // haystack: no control points to compute (thousands of links stay cheap)
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'z-index': 3,
      },
    },
    // links leaving a rack pass under the rack boxes: they never cover a rack's label or hosts
    { selector: 'edge.uplink', style: { 'z-index': 1 } },
    // links leaving a rack, while zoomed out: drawn as per-rack bundles by the LOD layer
    { selector: 'edge.bundled', style: { display: 'none' } },
    // links by utilization at the shown time (issue 17; link-overlay.ts): green to red, thicker
    // when busier
    {
      selector: 'edge.link[linkLoad >= 0]',
      style: {
        'line-color': 'mapData(linkLoad, 0, 1, #2ca02c, #d62728)',
        width: 'mapData(linkLoad, 0, 1, 2, 7)',
      },
    },
    {
      selector: 'edge.link.link-failed',
      style: { 'line-color': c.error, 'line-style': 'dashed', width: 3 },
    },
    {
      selector: 'edge.migration',
      style: {
        'line-style': 'dashed',
        'line-color': '#9467bd',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9467bd',
        'curve-style': 'bezier',
        width: 3,
        'z-index': 5,
      },
    },
    // between racks whose hosts are not on the canvas: one arrow per pair, wider for more
    {
      selector: 'edge.migration.grouped',
      style: { width: 'mapData(count, 1, 20, 3, 9)', label: 'data(count)', 'font-size': 11 },
    },
    {
      selector: '.has-warning',
      style: { 'border-width': 3, 'border-color': c.warning, 'border-style': 'dashed' },
    },
    {
      selector: '.has-error',
      style: { 'border-width': 3, 'border-color': c.error, 'border-style': 'double' },
    },
    { selector: 'edge.has-error', style: { 'line-color': c.error, 'line-style': 'dashed' } },
    {
      selector: ':selected',
      style: { 'border-width': 4, 'border-color': c.selected, 'line-color': c.selected },
    },
    { selector: '.drop-target', style: { 'border-color': c.selected, 'border-width': 4 } },
    { selector: '.eh-preview, .eh-ghost-edge', style: { 'line-color': c.selected, width: 2 } },
    { selector: '.eh-ghost-node', style: { opacity: 0, width: 1, height: 1 } },
  ]
}

/** Slices of a host's instance pie (one per tenant, up to PIE_SLICES). */
export const PIE_SLICES = 8

function pieStyle(): Record<string, string> {
  const style: Record<string, string> = { 'pie-size': '78%' }
  for (let i = 1; i <= PIE_SLICES; i++) {
    style[`pie-${i}-background-color`] = `data(pie${i}c)`
    style[`pie-${i}-background-size`] = `data(pie${i}s)`
  }
  return style
}
