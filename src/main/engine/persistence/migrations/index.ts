/**
 * Forward migrations: one file per version step, applied in order until the document is at
 * `CURRENT_SCHEMA_VERSION`. A document from a newer build is refused, never guessed at.
 */
import { CURRENT_SCHEMA_VERSION } from '../../../../shared/design/enums'
import type { Problem } from '../../../../shared/domain/problem'
import type { Migration, RawDocument } from './types'
import { v0ToV1 } from './v0-to-v1'
import { v1ToV2 } from './v1-to-v2'

/** Every step, in order; step k turns version k into version k + 1. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2]

export type MigrationResult =
  | { ok: true; document: RawDocument; fromVersion: number; applied: string[] }
  | { ok: false; problems: Problem[] }

/** The schema version a raw document claims; v0 documents (see v0-to-v1.ts) may omit it. */
export function detectVersion(document: RawDocument): { version?: number; problem?: Problem } {
  const v = document.schemaVersion
  if (v === undefined) {
    if ('meta' in document)
      return {
        problem: {
          severity: 'error',
          path: 'schemaVersion',
          message: `missing; a design must say which schema version it uses (this build writes ${CURRENT_SCHEMA_VERSION})`,
        },
      }
    return { version: 0 }
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    return {
      problem: {
        severity: 'error',
        path: 'schemaVersion',
        message: `must be a whole number, not ${JSON.stringify(v)?.slice(0, 40)}`,
      },
    }
  if (v > CURRENT_SCHEMA_VERSION)
    return {
      problem: {
        severity: 'error',
        path: 'schemaVersion',
        message: `the file uses schema version ${v}, made by a newer Strata; this build reads versions up to ${CURRENT_SCHEMA_VERSION}`,
      },
    }
  return { version: v }
}

/** Brings a raw document up to the current schema version. Never throws. */
export function migrateDocument(
  document: RawDocument,
  steps: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const { version, problem } = detectVersion(document)
  if (problem || version === undefined) return { ok: false, problems: problem ? [problem] : [] }
  let current = document
  const applied: string[] = []
  const problems: Problem[] = []
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v)
    if (!step || step.to !== v + 1)
      return {
        ok: false,
        problems: [
          {
            severity: 'error',
            path: 'schemaVersion',
            message: `no migration from schema version ${v} to ${v + 1}`,
          },
        ],
      }
    current = step.migrate(current, problems)
    applied.push(step.description)
  }
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems }
  return { ok: true, document: current, fromVersion: version, applied }
}
