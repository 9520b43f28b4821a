/**
 * The `.strata.json` file format.
 *
 * A file is the design document itself (`schemaVersion`, `meta`, `hosts`, ... exactly as
 * `designSchema` describes), plus one optional top-level member, `lastRun`, holding the
 * results of the last placement and simulation run together with the fingerprint of the
 * design they were computed for. A file without `lastRun` is a plain design document that
 * every Strata tool reads. Results are derived data: a `lastRun` that is malformed or was
 * computed for another design is dropped with a warning, never a reason to refuse a file.
 */
import type { Design } from '../../../shared/design/schema'

/** The reserved top-level member holding the last run's results. */
export const LAST_RUN_KEY = 'lastRun'

/**
 * The id of the design file's JSON Schema (`$id` of `resources/schema/strata-design.schema.json`),
 * written as `$schema` at the top of every saved file. An identifier, not a web address: map it
 * (or `*.strata.json`) to the schema file in your editor's settings.
 */
export const DESIGN_SCHEMA_ID = 'urn:strata:design-schema:2'

/** The file name suffix of design files. */
export const STRATA_FILE_SUFFIX = '.strata.json'

/** Refuse files larger than this before parsing them (bytes). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

/** Refuse JSON nested deeper than this (a design needs about 6 levels). */
export const DEFAULT_MAX_DEPTH = 64

/** The results saved with a design. */
export interface LastRun {
  /** `designFingerprint` of the design the results belong to. */
  designFingerprint: string
  /** The placement result (`scheduler` DTO), as JSON. */
  placement?: Record<string, unknown>
  /** The simulation result (`simulation` DTO), as JSON. */
  simulation?: Record<string, unknown>
}

/** JSON text with object keys sorted, so equal designs give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** A short stable hash of a design (two FNV-1a 32-bit lanes), to tell stale results. */
export function designFingerprint(design: Design): string {
  const text = canonicalJson(design)
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

/**
 * The fingerprint of what a design's results depend on: the design without its `meta` (name,
 * description, dates), which neither placement nor simulation reads. Saved results kept for a
 * design stay its results across a rename (review s10a #2: a rename after a run made the next
 * save drop the run and its placement).
 */
export function resultsFingerprint(design: Design): string {
  return designFingerprint({ ...design, meta: undefined } as unknown as Design)
}

/**
 * The text of a `.strata.json` file: `$schema` first (the design's own, else
 * `DESIGN_SCHEMA_ID`), the design pretty-printed with two spaces, `lastRun` last when given
 * (and only when it belongs to this design), and a final newline.
 */
export function serializeStrataFile(design: Design, lastRun?: LastRun): string {
  const { $schema, ...rest } = design
  const document: Record<string, unknown> = { $schema: $schema ?? DESIGN_SCHEMA_ID, ...rest }
  if (lastRun && lastRun.designFingerprint === designFingerprint(design))
    document[LAST_RUN_KEY] = lastRun
  return JSON.stringify(document, null, 2) + '\n'
}
