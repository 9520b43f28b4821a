/**
 * Reading the JSON files Strata stores in an experiment's output folder (`runs/<id>.json`,
 * `results.json`) when that folder may have been tampered with (review s6a #11): one reader
 * for the CLI (`strata experiment run`, `strata report --experiment`) and the app
 * (`experiments:start`, which runs through the same `RunStore`). Whatever sits at the path,
 * the answer is the parsed JSON or one problem in words, never a hang and never a word of the
 * file's content:
 * - a FIFO is not waited on, a folder or a device is refused by its kind;
 * - a symbolic link is not followed (Strata never writes one; it could point anywhere);
 * - the size is capped before reading (and counted while reading);
 * - a JSON syntax error is placed by line and column, without quoting the text
 *   (`parseJsonText`, as for design files).
 */
import { lstatSync } from 'node:fs'
import { parseJsonText } from '../../engine'
import { readRegularFileSync } from '../files/safe-read'
import { readFailureReason } from '../files/io-errors'

/** The largest stored run record read, in bytes (a record is ~1.3 KB plus ~150 B a tenant). */
export const MAX_RUN_RECORD_BYTES = 8 * 1024 * 1024

/**
 * A stored JSON file: absent, its parsed value, or why it cannot be used, in words to follow
 * its name ("is a pipe (FIFO), not a regular file"; no path, no content).
 */
export type StoredJson =
  | { ok: true; json: unknown }
  | { ok: false; missing: true }
  | {
      ok: false
      missing: false
      problem: string
      /** For a syntax error: where and what, as `parseJsonText` words it (no text quoted). */
      syntax?: string
    }

/** `1.5 MiB`-style size for a problem line. */
const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`

/**
 * Reads the JSON file at `path` (see the file's comment), at most `maxBytes`. Never throws.
 */
export function readStoredJsonSync(path: string, maxBytes: number): StoredJson {
  const problem = (text: string): StoredJson => ({ ok: false, missing: false, problem: text })
  try {
    if (lstatSync(path).isSymbolicLink())
      return problem('is a symbolic link, not a file Strata wrote (not followed)')
    const read = readRegularFileSync(path, maxBytes, { noFollow: true })
    if (!read.ok)
      return problem(
        read.reason === 'not-regular'
          ? `is ${read.kind}, not a regular file`
          : `is too large: at least ${mib(read.seen)}, the limit is ${mib(read.limit)}`,
      )
    const parsed = parseJsonText(read.bytes.toString('utf8'), 'the file')
    if (parsed.ok) return { ok: true, json: parsed.value }
    const syntax = parsed.problems[0]?.message ?? ''
    const at = parsed.message.slice(parsed.message.indexOf('('))
    return {
      ok: false,
      missing: false,
      problem: `is not valid JSON ${at}: ${syntax.replace(/^line \d+, column \d+: /, '')}`,
      syntax,
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { ok: false, missing: true }
    if (code === 'ELOOP')
      return problem('is a symbolic link, not a file Strata wrote (not followed)')
    return problem(`cannot be read: ${readFailureReason(error)}`)
  }
}

/**
 * A path for a message line: as it is when it holds only printable characters, else quoted as
 * a JSON string (a newline or an escape sequence in a folder's name cannot break the line or
 * the terminal).
 */
export function displayPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f"]/.test(path) ? JSON.stringify(path) : path
}
