/**
 * Stable identities of experiment runs: the sha256 (hex) of the canonical JSON (sorted keys)
 * of the run's resolved design and settings. Top-level design parts are hashed once per
 * object (runs of a plan share the parts no factor touched), then combined.
 */
import { createHash } from 'node:crypto'
import type { Design } from '../../../shared/design/schema'
import { canonicalJson } from '../../engine'

/** Bump when what a run computes or records changes in a way that makes old results stale. */
export const RUN_FORMAT = 2

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
 * The id of a run of `design` (its seed included) by Strata `strataVersion` with the engine
 * whose source hash is `engineVersion` (`engineHash()`): 64 hex digits. Equal designs
 * (whatever their key order), version and engine give equal ids; a changed engine gives new
 * ids, so its runs are never taken from results an older engine stored.
 */
export function runId(design: Design, strataVersion: string, engineVersion: string): string {
  const parts: Record<string, string> = {}
  for (const [key, value] of Object.entries(design))
    if (value !== undefined) parts[key] = digestOf(value)
  return sha256(canonicalJson({ format: RUN_FORMAT, strataVersion, engineVersion, design: parts }))
}
