/**
 * OpenDC's `importFrom` composition, resolved before `strata import opendc` reads a topology.
 *
 * As OpenDC's CLI does it (`ExperimentImports.kt`, commit 691036d): any object may name a file
 * (`"importFrom": "hosts/big-host.json"`) whose fields it takes; the keys written alongside win,
 * each replacing the imported value whole. Paths are read against the directory of the file
 * that names them; imports nest; a file importing itself is refused. Only the CLI can do
 * this: the app's import sees one file and refuses `importFrom` with its path.
 */
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseJsonText } from '../engine'
import { readTextFile } from './interop-files'

type Json = unknown
export type Resolved = { ok: true; value: Json } | { ok: false; message: string }

class ImportError extends Error {}

function readJson(path: string): Json {
  const read = readTextFile(path, '/')
  if (!read.ok) throw new ImportError(read.message)
  const json = parseJsonText(read.text, path)
  if (!json.ok) throw new ImportError(`${json.message}: ${json.problems[0]?.message ?? ''}`)
  return json.value
}

function walk(value: Json, baseDir: string, chain: string[]): Json {
  if (Array.isArray(value)) return value.map((v) => walk(v, baseDir, chain))
  if (typeof value !== 'object' || value === null) return value
  const obj = value as Record<string, Json>
  const local: Record<string, Json> = {}
  for (const [k, v] of Object.entries(obj))
    if (k !== 'importFrom') local[k] = walk(v, baseDir, chain)
  if (obj.importFrom === undefined) return local
  if (typeof obj.importFrom !== 'string') throw new ImportError('"importFrom" must be a path')
  const target = resolve(baseDir, obj.importFrom)
  let real: string
  try {
    real = realpathSync(target)
  } catch {
    throw new ImportError(
      `the imported file "${obj.importFrom}" does not exist (looked in ${target})`,
    )
  }
  if (chain.includes(real))
    throw new ImportError(`"${obj.importFrom}" imports itself: ${[...chain, real].join(' -> ')}`)
  const imported = readJson(real)
  if (typeof imported !== 'object' || imported === null || Array.isArray(imported))
    throw new ImportError(`"${obj.importFrom}" must contain a JSON object`)
  return { ...(walk(imported, dirname(real), [...chain, real]) as object), ...local }
}

/** Resolves every `importFrom` in `value`, read from the file at `path`. */
export function resolveOpenDcImports(value: Json, path: string): Resolved {
  try {
    return { ok: true, value: walk(value, dirname(path), [realpathSync(path)]) }
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message }
    throw error
  }
}
