/**
 * Which design elements the topology drawing shows: zones, racks, hosts, switches and storage
 * as nodes, links as edges. Tenants, networks, workloads and traces are not drawn.
 */
import type { EntityKind } from '../../../shared/design/enums'

/** Kinds drawn as nodes on the canvas. */
export const NODE_KINDS = ['zone', 'rack', 'host', 'switch', 'storage'] as const
export type NodeKind = (typeof NODE_KINDS)[number]

/** Kinds drawn on the canvas at all (nodes and edges). */
export const CANVAS_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>([...NODE_KINDS, 'link'])
