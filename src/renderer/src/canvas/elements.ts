/**
 * Pure mapping from design elements to Cytoscape element definitions. Racks and zones are
 * plain nodes drawn as boxes around their members (`data.container` names a node's rack or
 * a rack's zone; `containers.ts` sizes the boxes), NOT Cytoscape compound nodes: compound
 * parents make every style change build collections of parents and descendants (seconds at
 * thousands of hosts). Links are edges. Tenants, networks, workloads and traces are not drawn.
 */
import type { ElementDefinition } from 'cytoscape'
import { ENTITY_COLLECTIONS } from '../../../shared/design/enums'
import type { Design, Position } from '../../../shared/design/schema'
import { NODE_KINDS, type NodeKind } from '../drawing/drawn-kinds'
import { tieredLayout } from '../drawing/tiered-layout'
/** Side of an empty rack or zone box, model px. */
export const CONTAINER_MIN_PX = 60

/** Whether a canvas node is a box around others (a rack or a zone). */
export function isContainer(node: { data(key: string): unknown }): boolean {
  const kind = node.data('kind')
  return kind === 'rack' || kind === 'zone'
}

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

/** The box a node is drawn in: a host's, switch's or storage's rack, a rack's zone. */
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
  const container = parentOf(kind, entity)
  if (container) data.container = container
  if (kind === 'rack' || kind === 'zone') {
    data.w = CONTAINER_MIN_PX
    data.h = CONTAINER_MIN_PX
  }
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
      label: `${String(link.bandwidthGbps)} Gbps`,
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
 * Every canvas element of a design, zones and racks first (drawn under their members).
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
  // a container that does not exist (a dangling reference the validator reports) is dropped
  for (const el of out)
    if (el.data.container && !nodeIds.has(String(el.data.container))) delete el.data.container
  for (const link of design.links as unknown as AnyEntity[]) {
    if (nodeIds.has(String(link.sourceId)) && nodeIds.has(String(link.targetId)))
      out.push(edgeElement(link))
  }
  return out
}
