/**
 * Reading other tools' files for the CLI's import and export commands: a size limit before
 * reading, strict UTF-8, problems and warnings printed with the file name. (Writing goes
 * through `write-output.ts`.)
 */
import { resolve } from 'node:path'
import type { Problem } from '../../shared/contract'
import { DEFAULT_MAX_FILE_BYTES, decodeUtf8 } from '../engine'
import { readCliInput } from './read-input'
import type { CliIo } from './command'
import { printProblems } from './load-design-file'

export type TextFile = { ok: true; path: string; text: string } | { ok: false; message: string }

/**
 * Reads `file` (relative to `cwd`) as UTF-8 text: regular files only (a FIFO or device is
 * refused), at most 64 MiB, strict UTF-8. Never throws; the message names the file.
 */
export function readTextFile(file: string, cwd: string): TextFile {
  const path = resolve(cwd, file)
  const read = readCliInput(path, DEFAULT_MAX_FILE_BYTES)
  if (!read.ok) return read
  const decoded = decodeUtf8(read.bytes)
  if (decoded.error) {
    const e = decoded.error
    return {
      ok: false,
      message: `${path} is not UTF-8 text (line ${e.line}, column ${e.column}: ${e.message})`,
    }
  }
  return { ok: true, path, text: decoded.text }
}

/**
 * Prints problems and warnings as `FILE: severity at PATH: message` on stderr, bounded
 * (`printProblems`).
 */
export function printTo(io: CliIo, file: string, problems: readonly Problem[]): void {
  printProblems({ out: io.err }, file, problems)
}
