/** Fast id lookups on an immutable design, cached per design object. */
import {
  ENTITY_COLLECTIONS,
  type CollectionKey,
  type EntityKind,
} from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'

export interface Located {
  kind: EntityKind
  collection: CollectionKey
  index: number
}

const cache = new WeakMap<Design, Map<string, Located>>()

/** Id -> where the element sits in the design. */
export function indexOf(design: Design): Map<string, Located> {
  let map = cache.get(design)
  if (map) return map
  map = new Map()
  for (const [kind, collection] of Object.entries(ENTITY_COLLECTIONS) as Array<
    [EntityKind, CollectionKey]
  >) {
    const list = design[collection] as ReadonlyArray<{ id: string }>
    for (let index = 0; index < list.length; index++) {
      const item = list[index]
      if (item && !map.has(item.id)) map.set(item.id, { kind, collection, index })
    }
  }
  cache.set(design, map)
  return map
}

export function findEntity(
  design: Design,
  id: string,
): { kind: EntityKind; entity: { id: string } } | undefined {
  const at = indexOf(design).get(id)
  if (!at) return undefined
  const entity = (design[at.collection] as ReadonlyArray<{ id: string }>)[at.index]
  return entity ? { kind: at.kind, entity } : undefined
}

/** A fresh id `<prefix>-<n>` not used in the design. */
export function freshId(
  design: Design,
  prefix: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const ids = indexOf(design)
  for (let n = ids.size + 1; ; n++) {
    const id = `${prefix}-${n}`
    if (!ids.has(id) && !taken.has(id)) return id
  }
}
