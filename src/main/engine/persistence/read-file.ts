/**
 * Opening a `.strata.json` file: size limit (checked before anything is parsed), strict
 * UTF-8, JSON syntax with line and column, migration from older schema versions, and the
 * design's integrity check. Every problem carries the JSON path it is about. Pure: the
 * caller reads the bytes; nothing here touches the open design.
 */
import type { Design } from '../../../shared/design/schema'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import type { Problem } from '../../../shared/domain/problem'
import { checkIntegrity } from '../model/validate'
import {
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_FILE_BYTES,
  DESIGN_SCHEMA_ID,
  LAST_RUN_KEY,
  designFingerprint,
  type LastRun,
} from './file-format'
import { pathAt, scanJson } from './json-scan'
import { lastRunShapeProblem } from './last-run-shape'
import { lastRunSizeProblem, lastRunValueProblem } from './last-run-values'
import { migrateDocument } from './migrations'
import { isRecord } from './migrations/types'
import { decodeUtf8 } from './utf8'

export interface ReadOptions {
  maxBytes?: number
  maxDepth?: number
  /** How to name the file in messages (a file name or path). */
  source?: string
}

export type ReadResult =
  | {
      ok: true
      design: Design
      /** Results saved with the design, when present and still matching it. */
      lastRun?: LastRun
      /** The schema version the file had, when it was migrated. */
      migratedFrom?: number
      /** Things worth telling the user that did not stop the file from opening. */
      warnings: Problem[]
    }
  | { ok: false; message: string; problems: Problem[] }

const error = (path: string, message: string): Problem => ({ severity: 'error', path, message })
const warning = (path: string, message: string): Problem => ({
  severity: 'warning',
  path,
  message,
})

function refuse(source: string, summary: string, problems: Problem[]): ReadResult {
  return { ok: false, message: `${source} cannot be opened: ${summary}`, problems }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Keeps `lastRun` only if it is well formed, belongs to `design` and holds possible values. */
function checkLastRun(
  raw: unknown,
  design: Design,
  warnings: Problem[],
  source: string,
): LastRun | undefined {
  if (raw === undefined) return undefined
  // Bounded before any check reads every record (review s10a #3).
  const tooMany = lastRunSizeProblem(raw, design)
  if (tooMany) {
    warnings.push(
      warning(
        tooMany.path,
        `${source}: saved results hold more records than a run of this design makes and were dropped (${tooMany.path}: ${tooMany.message})`,
      ),
    )
    return undefined
  }
  const bad = lastRunShapeProblem(raw)
  if (bad || !isRecord(raw)) {
    warnings.push(
      warning(
        bad?.path ?? LAST_RUN_KEY,
        `${source}: saved results are malformed and were dropped (${bad?.path ?? LAST_RUN_KEY}: ${bad?.message ?? 'not an object'})`,
      ),
    )
    return undefined
  }
  if (raw.designFingerprint !== designFingerprint(design)) {
    warnings.push(
      warning(LAST_RUN_KEY, 'saved results belong to another version of the design; dropped'),
    )
    return undefined
  }
  // Its values too: a run of the right shape may still hold impossible numbers, ids the
  // design does not have, or series far longer than its run (review s7b #2).
  const impossible = lastRunValueProblem(raw, design)
  if (impossible) {
    warnings.push(
      warning(
        impossible.path,
        `${source}: saved results hold values that cannot be true of this design and were dropped (${impossible.path}: ${impossible.message})`,
      ),
    )
    return undefined
  }
  return raw as unknown as LastRun
}

/** Reads a design file from its bytes (or already-decoded text). Never throws. */
export function readStrataFile(input: Uint8Array | string, options: ReadOptions = {}): ReadResult {
  const source = options.source ?? 'the file'
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
  const size = typeof input === 'string' ? input.length : input.byteLength
  if (size > maxBytes)
    return refuse(source, 'it is too large', [
      error('', `the file has ${size} bytes; the limit is ${maxBytes} bytes`),
    ])

  let text: string
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  else {
    const decoded = decodeUtf8(input)
    if (decoded.error)
      return refuse(source, 'it is not valid UTF-8 text', [
        error(pathAt(decoded.text, decoded.error.charOffset, maxDepth), decoded.error.message),
      ])
    text = decoded.text
  }

  const scan = scanJson(text, { maxDepth })
  if (scan.error) {
    const e = scan.error
    return refuse(source, `JSON syntax error at line ${e.line}, column ${e.column}`, [
      error(e.path, `line ${e.line}, column ${e.column}: ${e.message}`),
    ])
  }
  const warnings = scan.duplicateKeys.map((path) =>
    warning(path, 'this key appears more than once in its object; the last value was used'),
  )

  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    // Not reached after a clean scan; the engine's message would quote the file, so it is not passed on.
    return refuse(source, 'it is not JSON', [
      error('', 'JSON.parse refused text the scanner accepted'),
    ])
  }
  if (!isRecord(raw))
    return refuse(source, 'it is not a design', [
      error('', 'a design file must hold a JSON object at the top level'),
    ])

  const { [LAST_RUN_KEY]: lastRunRaw, ...document } = raw
  const migrated = migrateDocument(document)
  if (!migrated.ok)
    return refuse(
      source,
      `it could not be read (${plural(migrated.problems.length, 'problem')})`,
      migrated.problems,
    )

  const { design, problems } = checkIntegrity(migrated.document)
  if (!design)
    return refuse(
      source,
      `it is not a valid design (${plural(problems.length, 'problem')})`,
      problems,
    )

  // The reference Strata writes itself is not part of the design (so open -> save is exact).
  if (design.$schema === DESIGN_SCHEMA_ID) delete design.$schema
  const lastRun = checkLastRun(lastRunRaw, design, warnings, source)
  const result: ReadResult = { ok: true, design, warnings }
  if (lastRun) result.lastRun = lastRun
  if (migrated.fromVersion !== CURRENT_SCHEMA_VERSION) {
    result.migratedFrom = migrated.fromVersion
    warnings.push(
      warning(
        'schemaVersion',
        `converted from schema version ${migrated.fromVersion} to ${CURRENT_SCHEMA_VERSION}; saving writes version ${CURRENT_SCHEMA_VERSION}`,
      ),
    )
  }
  return result
}
