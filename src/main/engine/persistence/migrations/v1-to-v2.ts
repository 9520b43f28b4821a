/**
 * v1 -> v2: the one schema step shared by network and storage in the simulation (issue 17) and
 * nested virtualization (issue 18).
 *
 * Every field those issues add is optional in v2 and means "off" when absent, so a v1 document
 * is a valid v2 document once its version says so: a v1 design opens in v2 with the same
 * placement and the same simulation result (test/golden proves it on the sample). A change that
 * renames or reshapes a v1 field as part of this step adds its conversion here, one function per
 * field, reporting what it cannot convert at the field's v1 path.
 */
import type { Problem } from '../../../../shared/domain/problem'
import type { Migration, RawDocument } from './types'

export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description:
    'schema 1 -> 2: network traffic, storage demand and nested virtualization fields added (all optional; absent means off)',
  migrate(document: RawDocument, _problems: Problem[]): RawDocument {
    return { ...document, schemaVersion: 2 }
  },
}
