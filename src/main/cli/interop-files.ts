/**
 * Reading other tools' files and writing results for the CLI's import and export commands:
 * a size limit before reading, strict UTF-8, problems and warnings printed with the file name.
 */
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Problem } from '../../shared/contract'
import { DEFAULT_MAX_FILE_BYTES, decodeUtf8 } from '../engine'
import { writeFileAtomic } from '../services/files/atomic-write'
import type { CliIo } from './command'

export type TextFile = { ok: true; path: string; text: string } | { ok: false; message: string }

/** Reads `file` (relative to `cwd`) as UTF-8 text, refusing files over 64 MiB or with bad UTF-8. */
export function readTextFile(file: string, cwd: string): TextFile {
  const path = resolve(cwd, file)
  try {
    const size = statSync(path).size
    if (size > DEFAULT_MAX_FILE_BYTES)
      return {
        ok: false,
        message: `${path} is ${size} bytes, more than the ${DEFAULT_MAX_FILE_BYTES}-byte limit`,
      }
    const decoded = decodeUtf8(readFileSync(path))
    if (decoded.error) {
      const e = decoded.error
      return {
        ok: false,
        message: `${path} is not UTF-8 text (line ${e.line}, column ${e.column}: ${e.message})`,
      }
    }
    return { ok: true, path, text: decoded.text }
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` }
  }
}

/** Prints each problem or warning as `FILE: severity at PATH: message` on stderr. */
export function printTo(io: CliIo, file: string, problems: readonly Problem[]): void {
  for (const p of problems)
    io.err(`${file}: ${p.severity} at ${p.path || '(document)'}: ${p.message}`)
}

/** Writes `contents` to `out` (relative to `cwd`) atomically; returns the path or an error. */
export async function writeOut(
  out: string,
  cwd: string,
  contents: string,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const path = resolve(cwd, out)
  try {
    await writeFileAtomic(path, contents)
    return { ok: true, path }
  } catch (error) {
    return { ok: false, message: `cannot write ${path}: ${(error as Error).message}` }
  }
}
