/**
 * Patches the Cytoscape graph from one `design:changed` diff: adds, updates (data, position,
 * box) and removes nodes and links, keeping hosts of racks not yet created (`lazy-hosts.ts`)
 * in their store instead of on the canvas.
 */
import type { Core, Position } from 'cytoscape'
import type { DesignChanges } from '../../../shared/contract'
import { CANVAS_KINDS, type NodeKind } from '../drawing/drawn-kinds'
import { edgeElement, isContainer, nodeElement } from './elements'
import { fitContainers } from './containers'
import type { LazyHosts } from './lazy-hosts'

/** Containers first so members find their box; links last so both ends exist. */
const ORDER = ['zone', 'rack', 'host', 'switch', 'storage', 'link']

/**
 * Applies `changes` in one batch; returns whether a node was added (its overlay is then
 * stale). `auto` holds the layout's positions of elements the design stores none for.
 */
export function applyDesignChanges(
  cy: Core,
  changes: DesignChanges,
  lazy: LazyHosts,
  auto: ReadonlyMap<string, Position> | undefined,
): boolean {
  let added = false
  cy.batch(() => {
    for (const id of changes.removed) {
      lazy.forget(id)
      cy.getElementById(id).remove()
    }
    const upserts = changes.upserted.filter((u) => CANVAS_KINDS.has(u.kind))
    upserts.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
    for (const { kind, entity } of upserts) {
      const raw = entity as { id: string } & Record<string, unknown>
      lazy.forget(raw.id)
      if (kind === 'link') {
        cy.getElementById(raw.id).remove()
        const def = edgeElement(raw)
        if (lazy.keepEdge(def)) continue
        if (cy.getElementById(String(raw.sourceId)).nonempty())
          if (cy.getElementById(String(raw.targetId)).nonempty()) cy.add(def)
        continue
      }
      const def = nodeElement(kind as NodeKind, raw, cy.nodes().length, auto)
      const container = def.data.container as string | undefined
      if (container && cy.getElementById(container).empty()) delete def.data.container
      const el = cy.getElementById(raw.id)
      // into a rack whose members are not on the canvas: kept with them
      if (lazy.keepNode(def)) {
        el.connectedEdges('.link').forEach((e) => {
          lazy.keepEdge({ group: 'edges', data: { ...e.data() }, classes: 'link' })
        })
        el.remove()
        continue
      }
      if (el.empty()) {
        cy.add(def)
        added = true
        continue
      }
      // into another rack or out of any: only the data says where a node is drawn
      if (def.data.container === undefined && el.data('container') !== undefined)
        el.removeData('container')
      const box = isContainer(el)
      if (box) {
        // a box keeps its size; fitContainers sizes it from its members below
        delete def.data.w
        delete def.data.h
      }
      el.data(def.data)
      // no stored position (undo of the first drag of a laid-out node): back to the layout's
      if ((!box || raw.position) && (raw.position || auto?.has(raw.id)))
        el.position(def.position as Position)
    }
    fitContainers(cy, lazy.ghosts())
  })
  return added
}
