/**
 * Storage systems coloured by load at the shown time (issue 17): green to red by the higher of
 * their IOPS and throughput utilization, a label line with both and the latency, a border in
 * the colour of the tenant that saturates the system at that time, black when failed.
 */
import type { Core } from 'cytoscape'
import type { StorageOverlay } from '../drawing/storage-overlay'

function pct(x: number): string {
  return `${Math.round(x * 100)} %`
}

function latency(ms: number): string {
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`
}

/** Applies `overlay` to every storage node (nodes missing from it are cleared). */
export function applyStorageOverlay(cy: Core, overlay: ReadonlyMap<string, StorageOverlay>): void {
  cy.batch(() => {
    cy.nodes('.storage').forEach((node) => {
      const o = overlay.get(node.id())
      const base = String(node.data('label')).split('\n').slice(0, 2).join('\n')
      if (!o) {
        if (node.data('storageLoad') === undefined) return
        node.removeData('storageLoad saturatedColour')
        node.removeClass('storage-saturated storage-failed')
        node.data('label', base)
        return
      }
      const load = Math.max(o.iopsUtilization, o.throughputUtilization)
      const lines = o.failed
        ? [base, 'failed']
        : [
            base,
            `IOPS ${pct(o.iopsUtilization)} · MB/s ${pct(o.throughputUtilization)} · ${latency(o.latencyMs)}`,
            ...(o.saturatedBy ? [`saturated by ${o.saturatedBy.name}`] : []),
          ]
      node.data({
        storageLoad: o.failed ? 0 : load,
        saturatedColour: o.saturatedBy?.colour ?? '#000000',
        label: lines.join('\n'),
      })
      node.toggleClass('storage-saturated', !o.failed && o.saturatedBy !== undefined)
      node.toggleClass('storage-failed', o.failed)
    })
  })
}
