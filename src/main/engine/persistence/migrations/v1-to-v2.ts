/**
 * v1 -> v2: the one schema step shared by network and storage in the simulation (issue 17) and
 * nested virtualization (issue 18).
 *
 * Every field those issues add is optional in v2 and means "off" when absent, so a v1 document
 * is a valid v2 document once its version says so: a v1 design opens in v2 with the same
 * placement and the same simulation result (test/golden proves it on the sample). A change that
 * renames or reshapes a v1 field as part of this step adds its conversion here, one function per
 * field, reporting what it cannot convert at the field's v1 path.
 *
 * Conversions:
 * - `workloads[i].bandwidthMbps` -> `workloads[i].reservedBandwidthMbps` (issue 17: the
 *   admission-time reservation, named apart from the new `traffic` demand over time).
 */
import type { Problem } from '../../../../shared/domain/problem'
import { isRecord, type Migration, type RawDocument } from './types'

/** Renames each workload's `bandwidthMbps` to `reservedBandwidthMbps` (value unchanged). */
export function renameReservedBandwidth(document: RawDocument, problems: Problem[]): RawDocument {
  const workloads = document.workloads
  if (!Array.isArray(workloads)) return document
  return {
    ...document,
    workloads: workloads.map((w: unknown, i) => {
      if (!isRecord(w) || !('bandwidthMbps' in w)) return w
      const { bandwidthMbps, ...rest } = w
      if ('reservedBandwidthMbps' in w) {
        problems.push({
          severity: 'error',
          path: `workloads[${i}].bandwidthMbps`,
          message:
            'a schema-1 workload has both bandwidthMbps and reservedBandwidthMbps; keep only bandwidthMbps (schema 1 has no reservedBandwidthMbps)',
        })
        return w
      }
      return { ...rest, reservedBandwidthMbps: bandwidthMbps }
    }),
  }
}

export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description:
    'schema 1 -> 2: workload bandwidthMbps renamed reservedBandwidthMbps; network traffic, storage demand and nested virtualization fields added (all optional; absent means off)',
  migrate(document: RawDocument, problems: Problem[]): RawDocument {
    return { ...renameReservedBandwidth(document, problems), schemaVersion: 2 }
  },
}
