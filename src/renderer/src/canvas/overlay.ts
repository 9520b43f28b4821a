/**
 * Per-host overlay on the canvas: instance pies coloured by tenant (from placement or the
 * simulation's current frame), utilization colouring, failed and switched-off hosts.
 */
import type { Core, NodeCollection } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import { PIE_SLICES } from './style'

const OVERLAY_FIELDS = ['utilization', 'instanceCount', 'instancesByTenant']

function same(a: HostOverlay | undefined, b: HostOverlay | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  if (a.utilization !== b.utilization || a.failed !== b.failed || a.off !== b.off) return false
  const x = a.instances ?? []
  const y = b.instances ?? []
  return (
    x.length === y.length &&
    x.every(
      (i, k) =>
        i.tenantId === y[k]?.tenantId && i.count === y[k]?.count && i.colour === y[k]?.colour,
    )
  )
}

/** How `applyOverlay` paints. */
export interface OverlayOptions {
  /** Repaint even hosts that already show their overlay (nodes were rebuilt). */
  force?: boolean
  /** Only these hosts (default: every host on the canvas). */
  only?: ReadonlySet<string> | NodeCollection
  /**
   * A large design: the level-of-detail layer paints the overlay (`overlay-layer.ts`) and nodes
   * are left as they are, unless `styled` (a picture export draws from the styles): then
   * instances are a count and a tenant-coloured border, not pies.
   */
  compact?: boolean
  /** With `compact`, write the overlay into the nodes' styles all the same. */
  styled?: boolean
}

/** The overlay a host node was last painted with (node scratch, dropped with the node). */
const PAINTED = 'strataOverlay'

/**
 * Applies an overlay in one batch; hosts missing from the map are cleared. Only hosts whose
 * overlay differs from the one they were last painted with are touched (a restyle of
 * thousands of nodes is costly).
 */
export function applyOverlay(
  cy: Core,
  overlay: ReadonlyMap<string, HostOverlay>,
  options: OverlayOptions = {},
): void {
  const { force = false, only, compact = false, styled = false } = options
  if (compact && !styled) return
  cy.batch(() => {
    const nodes =
      only === undefined
        ? cy.nodes('.host')
        : only instanceof Set
          ? cy.nodes('.host').filter((n) => only.has(n.id()))
          : (only as NodeCollection).filter('.host')
    nodes.forEach((node) => {
      const o = overlay.get(node.id())
      const painted = node.scratch(PAINTED) as HostOverlay | undefined
      if (!force && same(o, painted)) return
      node.scratch(PAINTED, o)
      if (!o) {
        if (
          node.hasClass('placed') ||
          node.hasClass('placed-compact') ||
          node.data('utilization') !== undefined
        ) {
          node.removeClass('placed placed-compact failed off')
          for (const f of OVERLAY_FIELDS) node.removeData(f)
          node.data('label', String(node.data('label')).split('\n').slice(0, 2).join('\n'))
        }
        node.removeClass('failed off')
        return
      }
      const data: Record<string, unknown> = {}
      const instances = o.instances ?? []
      const total = instances.reduce((sum, i) => sum + i.count, 0)
      const byTenant: Record<string, number> = {}
      if (compact) {
        // one mapped colour (the tenant with most instances) instead of a 16-property pie
        const top = [...instances].sort((a, b) => b.count - a.count)[0]
        data.tenantColour = top?.colour ?? '#000000'
      } else
        for (let i = 1; i <= PIE_SLICES; i++) {
          const slice = instances[i - 1]
          data[`pie${i}c`] = slice?.colour ?? '#000000'
          data[`pie${i}s`] = slice && total > 0 ? (100 * slice.count) / total : 0
        }
      for (const i of instances) byTenant[i.tenantId] = i.count
      data.instancesByTenant = byTenant
      data.instanceCount = total
      if (o.utilization !== undefined) data.utilization = o.utilization
      else node.removeData('utilization')
      const base = String(node.data('label')).split('\n').slice(0, 2).join('\n')
      data.label = total > 0 ? `${base}\n${total} inst.` : base
      node.data(data)
      node.toggleClass(compact ? 'placed-compact' : 'placed', total > 0)
      node.toggleClass('failed', o.failed === true)
      node.toggleClass('off', o.off === true && o.failed !== true)
    })
  })
}
