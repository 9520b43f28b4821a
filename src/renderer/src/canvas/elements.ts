/**
 * Pure mapping from design elements to Cytoscape element definitions. Racks and zones are
 * compound nodes (parents of their hosts, switches, storage and racks); links are edges.
 * Tenants, networks, workloads and traces are not drawn as nodes.
 */
import type { ElementDefinition } from 'cytoscape'
import { ENTITY_COLLECTIONS, type EntityKind } from '../../../shared/design/enums'
import type { Design, Position } from '../../../shared/design/schema'
import { tieredLayout } from './tiered-layout'

/** Kinds drawn as nodes on the canvas. */
export const NODE_KINDS = ['zone', 'rack', 'host', 'switch', 'storage'] as const
export type NodeKind = (typeof NODE_KINDS)[number]
/** Kinds drawn on the canvas at all (nodes and edges). */
export const CANVAS_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>([...NODE_KINDS, 'link'])

type AnyEntity = { id: string } & Record<string, unknown>

/** Where an element without a stored position goes: a deterministic grid below the origin. */
export function fallbackPosition(index: number): Position {
  return { x: 80 + (index % 10) * 90, y: 700 + Math.floor(index / 10) * 90 }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The label shown under a node. */
export function nodeLabel(kind: NodeKind, entity: AnyEntity): string {
  const name = str(entity.name) || entity.id
  if (kind === 'host') {
    const v = entity.virtualization as { product?: string } | undefined
    return v?.product ? `${name}\n${v.product}` : name
  }
  if (kind === 'switch') return `${name}\n${str(entity.tier) ?? ''}`
  if (kind === 'storage') return `${name}\n${str(entity.kind)?.toUpperCase() ?? ''}`
  return name
}

/** The parent compound node of a node element, if any. */
export function parentOf(kind: NodeKind, entity: AnyEntity): string | undefined {
  if (kind === 'rack') return str(entity.zoneId)
  if (kind === 'host' || kind === 'switch' || kind === 'storage') return str(entity.rackId)
  return undefined
}

/** One node's definition. `index` feeds the fallback position. */
export function nodeElement(
  kind: NodeKind,
  entity: AnyEntity,
  index = 0,
  auto?: ReadonlyMap<string, Position>,
): ElementDefinition {
  const position =
    (entity.position as Position | undefined) ?? auto?.get(entity.id) ?? fallbackPosition(index)
  const data: Record<string, unknown> = {
    id: entity.id,
    kind,
    label: nodeLabel(kind, entity),
  }
  const parent = parentOf(kind, entity)
  if (parent) data.parent = parent
  if (kind === 'switch') data.tier = entity.tier
  if (kind === 'host') {
    const v = entity.virtualization as { kind?: string } | undefined
    data.virt = v?.kind ?? 'native'
    data.state = entity.state
  }
  if (kind === 'storage') data.storageKind = entity.kind
  return { group: 'nodes', data, position: { ...position }, classes: kind }
}

/** One link's definition. */
export function edgeElement(link: AnyEntity): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: link.id,
      kind: 'link',
      source: link.sourceId,
      target: link.targetId,
      label: `${String(link.bandwidthGbps)} Gb/s`,
    },
    classes: 'link',
  }
}

/**
 * Where elements without a stored position go: the tiered layout, computed only when some
 * host, switch or storage system has no position (undefined otherwise).
 */
export function autoPositions(design: Design): ReadonlyMap<string, Position> | undefined {
  const unplaced = (list: ReadonlyArray<{ position?: Position }>): boolean =>
    list.some((e) => !e.position)
  return unplaced(design.hosts) || unplaced(design.switches) || unplaced(design.storage)
    ? tieredLayout(design)
    : undefined
}

/**
 * Every canvas element of a design, parents before children (Cytoscape needs that order).
 * Elements without a stored position (imports, generated designs) get the tiered layout's.
 */
export function designElements(design: Design, auto = autoPositions(design)): ElementDefinition[] {
  const out: ElementDefinition[] = []
  let index = 0
  const nodeIds = new Set<string>()
  for (const kind of NODE_KINDS) {
    const list = design[ENTITY_COLLECTIONS[kind]] as unknown as AnyEntity[]
    for (const entity of list) {
      out.push(nodeElement(kind, entity, index++, auto))
      nodeIds.add(entity.id)
    }
  }
  // a parent that does not exist (a dangling reference the validator reports) is dropped
  for (const el of out) if (el.data.parent && !nodeIds.has(el.data.parent)) delete el.data.parent
  for (const link of design.links as unknown as AnyEntity[]) {
    if (nodeIds.has(String(link.sourceId)) && nodeIds.has(String(link.targetId)))
      out.push(edgeElement(link))
  }
  return out
}
