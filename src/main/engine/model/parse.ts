/** Parsing a raw document into a Design, turning zod issues into located problems. */
import {
  designSchema,
  entitySchemas,
  type Design,
  type EntityByKind,
} from '../../../shared/design/schema'
import type { EntityKind } from '../../../shared/design/enums'
import { formatPath, type Problem } from '../../../shared/domain/problem'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import { migrateDocument } from '../persistence/migrations'
import { restoreBulkSeries, takeBulkSeries } from './bulk-series'

/** Minimal view of a zod issue (keeps this file independent of zod's internals). */
interface IssueLike {
  path: ReadonlyArray<PropertyKey>
  message: string
  code?: string
  keys?: string[]
  /** For `invalid_key`: what the key's own schema said. */
  issues?: ReadonlyArray<{ message: string }>
}

/** Longest key echoed in a problem's path or message (characters; the rest as "…"). */
export const MAX_KEY_ECHO_CHARS = 80

const cutKey = (key: string): string =>
  key.length > MAX_KEY_ECHO_CHARS ? `${key.slice(0, MAX_KEY_ECHO_CHARS)}…` : key

/**
 * Schema issues as problems at their JSON path (after `prefix`). Keys in paths and in
 * "unknown field" messages are cut to `MAX_KEY_ECHO_CHARS`: a 2 MB key is echoed as 80
 * characters, not in full (review s4, finding 16).
 */
export function issuesToProblems(issues: ReadonlyArray<IssueLike>, prefix = ''): Problem[] {
  return issues.map((issue) => {
    const local = formatPath(issue.path.map((k) => (typeof k === 'string' ? cutKey(k) : k)))
    const path =
      prefix && local
        ? local.startsWith('[')
          ? prefix + local
          : `${prefix}.${local}`
        : prefix || local
    const keyIssue = issue.code === 'invalid_key' ? issue.issues?.[0]?.message : undefined
    const message =
      issue.code === 'unrecognized_keys' && issue.keys
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${cutKey(k)}"`).join(', ')}`
        : keyIssue !== undefined
          ? `bad key: ${keyIssue}`
          : issue.message
    return { severity: 'error' as const, path, message }
  })
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

/**
 * Parses a whole design (shape and ranges only; see `validateDesign` for the rest);
 * `fast: false` turns off the bulk-series fast path (the same result, for tests). A document
 * of an older schema version is first brought forward by the same migrations a file goes
 * through, wherever it comes from (a file, a `design:load` call, an experiment's embedded
 * design, a test), so every entry point reads an old document the same way.
 */
export function parseDesign(raw: unknown, options: { fast?: boolean } = {}): ParseResult<Design> {
  let document = raw
  if (isOlderDocument(raw)) {
    const migrated = migrateDocument(raw)
    if (!migrated.ok) return { ok: false, problems: migrated.problems }
    document = migrated.document
  }
  // Trace samples that pass a plain loop skip zod's per-sample checks (`bulk-series.ts`).
  const bulk = options.fast === false ? undefined : takeBulkSeries(document)
  const parsed = designSchema.safeParse(bulk ? bulk.document : document)
  if (parsed.success) {
    if (bulk) restoreBulkSeries(parsed.data as unknown as Record<string, unknown>, bulk.taken)
    return { ok: true, value: parsed.data }
  }
  return { ok: false, problems: issuesToProblems(parsed.error.issues) }
}

function isOlderDocument(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false
  const v = (raw as { schemaVersion?: unknown }).schemaVersion
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < CURRENT_SCHEMA_VERSION
}

/** Parses one element of a kind; `pathPrefix` locates it in the document for messages. */
export function parseEntity<K extends EntityKind>(
  kind: K,
  raw: unknown,
  pathPrefix = '',
): ParseResult<EntityByKind[K]> {
  const parsed = entitySchemas[kind].safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data as EntityByKind[K] }
  return { ok: false, problems: issuesToProblems(parsed.error.issues, pathPrefix) }
}
