/** Defaults for new designs and new elements. */
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'
import { parseDesign } from './parse'

/** A new, empty design with every default filled in. */
export function emptyDesign(name = 'Untitled datacenter'): Design {
  const parsed = parseDesign({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { name } })
  if (!parsed.ok)
    throw new Error('the empty design does not validate: ' + JSON.stringify(parsed.problems))
  // zod hands out its default objects by reference; a new design must share none of them.
  return JSON.parse(JSON.stringify(parsed.value)) as Design
}
