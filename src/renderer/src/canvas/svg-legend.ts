/**
 * The legend of an exported canvas picture, built from what the picture draws: one entry per
 * kind of node (host by virtualization, switch, storage, rack, zone) in the colour and shape
 * the canvas style gives it, the host states and the utilization scale when a run colours
 * the hosts, tenants whose colours the instance pies use, links, migrations and problems.
 */
import type { Core, NodeSingular } from 'cytoscape'

/** One legend entry: a swatch (shape, fill, border) and its words. */
export interface LegendItem {
  label: string
  /** `box` for racks and zones, `line` for links, `dashed` for migrations, `scale` for a gradient. */
  shape: 'box' | 'line' | 'dashed' | 'scale' | 'rect' | 'round' | 'hexagon' | 'diamond' | 'barrel'
  fill: string
  stroke?: string
  /** Second colour of a `scale` swatch (the first is `fill`). */
  fillTo?: string
}

const str = (v: unknown, fallback: string): string =>
  typeof v === 'string' && v !== '' ? v : fallback

const VIRT_WORDS: Record<string, string> = {
  hvm: 'hardware-assisted virtualization',
  bt: 'binary translation',
  pv: 'paravirtualization',
  os: 'OS containers',
  native: 'bare metal',
}

/** Legend order: boxes, hosts, their states, fabric, then tenants and problems. */
const RANK = [
  'zone',
  'rack',
  'host',
  'down',
  'off',
  'failed',
  'utilization',
  'switch',
  'storage',
  'link',
  'migration',
  'tenant',
  'warning',
  'error',
]
const rankOf = (key: string): number => {
  const i = RANK.findIndex((r) => key === r || key.startsWith(`${r}-`))
  return i < 0 ? RANK.length : i
}

function swatchShape(n: NodeSingular): LegendItem['shape'] {
  const shape = str(n.style('shape'), 'ellipse')
  if (shape === 'diamond') return 'diamond'
  if (shape.endsWith('hexagon')) return 'hexagon'
  if (shape === 'barrel') return 'barrel'
  if (shape === 'rectangle') return 'rect'
  return 'round'
}

/**
 * The legend entries of the drawing `cy` (a headless copy without selection), in a fixed
 * order. `tenants` names the colours of the instance pies and tenant borders.
 */
export function legendItems(
  cy: Core,
  tenants: ReadonlyArray<{ name: string; colour: string }> = [],
): LegendItem[] {
  const items = new Map<string, LegendItem>()
  const add = (key: string, item: LegendItem): void => {
    if (!items.has(key)) items.set(key, item)
  }
  const usedColours = new Set<string>()
  let utilization = false
  cy.nodes().forEach((n) => {
    const kind = String(n.data('kind'))
    const fill = str(n.style('background-color'), '#999999')
    const stroke = str(n.style('border-color'), '#555555')
    if (kind === 'zone' || kind === 'rack')
      add(kind, { label: kind === 'zone' ? 'Zone' : 'Rack', shape: 'box', fill, stroke })
    else if (kind === 'host') {
      for (let i = 1; i <= 16; i++) {
        const c = n.data(`pie${i}c`) as unknown
        if (typeof c === 'string' && Number(n.data(`pie${i}s`)) > 0)
          usedColours.add(c.toLowerCase())
      }
      const top = n.data('tenantColour') as unknown
      if (typeof top === 'string' && n.hasClass('placed-compact'))
        usedColours.add(top.toLowerCase())
      if (n.hasClass('failed'))
        add('failed', { label: 'Host failed', shape: 'round', fill, stroke })
      else if (n.hasClass('off')) add('off', { label: 'Host switched off', shape: 'round', fill })
      else if (n.data('utilization') !== undefined) utilization = true
      else {
        // Kinds drawn alike share one entry: "Host, hardware-assisted virtualization / paravirtualization".
        const virt = String(n.data('virt') ?? 'native')
        const shape = swatchShape(n)
        const key = `host-${shape}-${fill}`
        const words = VIRT_WORDS[virt] ?? virt
        const seen = items.get(key)
        if (!seen) add(key, { label: `Host, ${words}`, shape, fill })
        else if (!seen.label.split(/, | \/ /).includes(words)) seen.label += ` / ${words}`
      }
      if (n.data('state') === 'down')
        add('down', { label: 'Host down (faded)', shape: 'round', fill: '#bbbbbb' })
    } else if (kind === 'switch') add('switch', { label: 'Switch', shape: 'diamond', fill })
    else if (kind === 'storage') add('storage', { label: 'Storage', shape: 'barrel', fill })
    if (n.hasClass('has-error'))
      add('error', { label: 'Has an error', shape: 'box', fill: 'none', stroke })
    else if (n.hasClass('has-warning'))
      add('warning', { label: 'Has a warning', shape: 'box', fill: 'none', stroke })
  })
  if (utilization)
    add('utilization', {
      label: 'CPU utilization 0 % to 100 %',
      shape: 'scale',
      fill: '#2ca02c',
      fillTo: '#d62728',
    })
  const link = cy.edges('.link').first()
  if (link.nonempty())
    add('link', { label: 'Link', shape: 'line', fill: str(link.style('line-color'), '#888888') })
  const migration = cy.edges('.migration').first()
  if (migration.nonempty())
    add('migration', {
      label: 'Migration in flight',
      shape: 'dashed',
      fill: str(migration.style('line-color'), '#9467bd'),
    })
  for (const t of tenants)
    if (usedColours.has(t.colour.toLowerCase()))
      add(`tenant-${t.colour}-${t.name}`, {
        label: `Tenant ${t.name}`,
        shape: 'round',
        fill: t.colour,
      })
  return [...items.entries()]
    .map(([key, item], i) => ({ key, item, i }))
    .sort((a, b) => rankOf(a.key) - rankOf(b.key) || a.i - b.i)
    .map(({ item }) => item)
}
