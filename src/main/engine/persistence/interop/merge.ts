/**
 * An imported design (NetBox CSV, OpenDC topology) merged into the open one: every element
 * of the import, of every kind, is added under a fresh id, its references renamed with it;
 * nothing of the open design is changed or removed (review s11 #3: a merge dropped the
 * imported storage systems, as it copied only zones, racks, switches and hosts).
 */
import type { EditCommand } from '../../../../shared/domain/design-edits'
import { ENTITY_COLLECTIONS, type EntityKind } from '../../../../shared/design/enums'
import type { Design } from '../../../../shared/design/schema'
import { freshId } from '../../model/index-of'
import { REFERENCE_FIELDS } from '../../model/references'

/**
 * Every kind, each after the kinds it refers to (`REFERENCE_FIELDS`): a zone before its
 * racks, a storage system before the links that end at it, a tenant before its networks.
 */
export const MERGE_ORDER = [
  'zone',
  'rack',
  'host',
  'switch',
  'storage',
  'link',
  'tenant',
  'network',
  'trace',
  'workload',
] as const satisfies readonly EntityKind[]

/**
 * The `add` commands that put every element of `imported` into `current` under ids fresh in
 * `current` (`<kind>-<n>`), with every reference (`REFERENCE_FIELDS`) renamed to the new ids.
 * Applied as one batch they leave every element of `current` as it was. `imported` must be a
 * sound design (`checkIntegrity`): its references name its own elements.
 */
export function mergeCommands(current: Design, imported: Design): EditCommand[] {
  const taken = new Set<string>()
  const rename = new Map<string, string>()
  const commands: EditCommand[] = []
  for (const kind of MERGE_ORDER) {
    const key = ENTITY_COLLECTIONS[kind]
    const refs = REFERENCE_FIELDS.filter((r) => r.collection === key)
    for (const item of imported[key]) {
      const id = freshId(current, kind, taken)
      taken.add(id)
      rename.set(item.id, id)
      const entity: Record<string, unknown> = { ...item, id }
      for (const { field } of refs) {
        const target = entity[field]
        if (typeof target === 'string') entity[field] = rename.get(target) ?? target
      }
      commands.push({ type: 'add', kind, entity })
    }
  }
  return commands
}
