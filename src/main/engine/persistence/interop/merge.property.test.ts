/**
 * Merging an import keeps everything it does not replace (review s11 #3), for random designs
 * on both sides: every element of the open design survives unchanged, every element of the
 * import is added (kind by kind, same count, same content but its ids), and the result is a
 * sound design.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENTITY_COLLECTIONS, ENTITY_KINDS } from '../../../../shared/design/enums'
import type { Design } from '../../../../shared/design/schema'
import { arbitraryDesign } from '../../../../../test/support/engine/arbitrary-design'
import { applyCommand } from '../../model/commands'
import { REFERENCE_FIELDS } from '../../model/references'
import { checkIntegrity } from '../../model/validate'
import { MERGE_ORDER, mergeCommands } from './merge'

const small = arbitraryDesign({ maxTenants: 3, maxHosts: 6, maxWorkloadsPerTenant: 3 })

/** An element without its id and the ids it refers to (those are renamed by a merge). */
function content(key: string, element: { id: string }): string {
  const copy: Record<string, unknown> = { ...element }
  delete copy.id
  for (const r of REFERENCE_FIELDS) if (r.collection === key) delete copy[r.field]
  return JSON.stringify(copy)
}

describe('mergeCommands', () => {
  it('orders every kind', () => {
    expect([...MERGE_ORDER].sort()).toEqual([...ENTITY_KINDS].sort())
  })

  it('keeps every element of the open design and adds every element of the import', () => {
    fc.assert(
      fc.property(small, small, (current: Design, imported: Design) => {
        const merged = applyCommand(current, {
          type: 'batch',
          label: 'Import',
          commands: mergeCommands(current, imported),
        })
        if (!merged.ok) throw new Error(JSON.stringify(merged.problems.slice(0, 3)))
        const after = merged.design
        for (const key of Object.values(ENTITY_COLLECTIONS)) {
          const byId = new Map<string, unknown>(after[key].map((e) => [e.id, e]))
          for (const element of current[key]) expect(byId.get(element.id)).toEqual(element)
          expect(after[key].length).toBe(current[key].length + imported[key].length)
          const kept = new Set(current[key].map((e) => e.id))
          const added = after[key].filter((e) => !kept.has(e.id)).map((e) => content(key, e))
          expect(added.sort()).toEqual(imported[key].map((e) => content(key, e)).sort())
        }
        expect(checkIntegrity(after).design).toBeDefined()
      }),
      { numRuns: 60 },
    )
  })
})
