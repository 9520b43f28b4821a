/**
 * Stable identities of experiment runs: the sha256 (hex) of the canonical JSON (sorted keys)
 * of the run's resolved design and settings. Top-level design parts are hashed once per
 * object (runs of a plan share the parts no factor touched), then combined.
 */
import { createHash } from 'node:crypto'
import type { Design } from '../../../shared/design/schema'
import { canonicalJson } from '../../engine'

/** Bump when what a run computes or records changes in a way that makes old results stale. */
export const RUN_FORMAT = 1

const partDigests = new WeakMap<object, string>()

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** sha256 (hex) of the canonical JSON of `value`, memoised per object. */
export function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return sha256(canonicalJson(value))
  const known = partDigests.get(value)
  if (known) return known
  const digest = sha256(canonicalJson(value))
  partDigests.set(value, digest)
  return digest
}

/**
 * The id of a run of `design` (its seed included) by Strata `strataVersion`: 64 hex digits.
 * Equal designs (whatever their key order) and version give equal ids.
 */
export function runId(design: Design, strataVersion: string): string {
  const parts: Record<string, string> = {}
  for (const [key, value] of Object.entries(design))
    if (value !== undefined) parts[key] = digestOf(value)
  return sha256(canonicalJson({ format: RUN_FORMAT, strataVersion, design: parts }))
}
