/** What differs between two designs, by element identity (designs are immutable). */
import {
  ENTITY_COLLECTIONS,
  type CollectionKey,
  type EntityKind,
} from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'
import type { DesignChanges } from '../../../shared/domain/design-edits'

export function diffDesigns(before: Design, after: Design): DesignChanges {
  const changes: DesignChanges = {
    upserted: [],
    removed: [],
    metaChanged: before.meta !== after.meta,
    simulationChanged: before.simulation !== after.simulation,
    replaced: false,
  }
  for (const [kind, key] of Object.entries(ENTITY_COLLECTIONS) as Array<
    [EntityKind, CollectionKey]
  >) {
    const a = before[key] as ReadonlyArray<{ id: string }>
    const b = after[key] as ReadonlyArray<{ id: string }>
    if (a === b) continue
    const old = new Map(a.map((e) => [e.id, e]))
    for (const entity of b) {
      if (old.get(entity.id) !== entity) changes.upserted.push({ kind, entity })
      old.delete(entity.id)
    }
    changes.removed.push(...old.keys())
  }
  return changes
}
