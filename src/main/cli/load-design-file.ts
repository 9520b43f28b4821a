/** Reading a design file for CLI commands, with located errors (the same reader the app uses). */
import { resolve } from 'node:path'
import { checkDesignRules, hasErrors, readStrataFile, type LastRun } from '../engine'
import type { Design } from '../../shared/design/schema'
import type { Problem } from '../../shared/contract'
import { boundedProblems } from '../../shared/domain/problem'
import { readCliInput } from './read-input'

export type LoadedFile =
  | { ok: true; design: Design; path: string; warnings: Problem[]; lastRun?: LastRun }
  | { ok: false; path: string; message: string; problems: Problem[] }

/**
 * Reads a `.strata.json` file: regular files only (a FIFO or device is refused), size limit, strict UTF-8, JSON syntax with line and column,
 * forward migrations of older schema versions, then the design's integrity.
 */
export function readDesignFile(file: string, cwd: string): LoadedFile {
  const path = resolve(cwd, file)
  const onDisk = readCliInput(path)
  if (!onDisk.ok) return { ok: false, path, message: onDisk.message, problems: [] }
  const read = readStrataFile(onDisk.bytes, { source: file })
  if (!read.ok) return { ok: false, path, message: read.message, problems: read.problems }
  const loaded: LoadedFile = { ok: true, design: read.design, path, warnings: read.warnings }
  if (read.lastRun) loaded.lastRun = read.lastRun
  return loaded
}

export function printProblems(
  io: { out: (l: string) => void },
  file: string,
  problems: readonly Problem[],
): void {
  for (const p of boundedProblems(problems))
    io.out(`${file}: ${p.severity} at ${p.path || '(document)'}: ${p.message}`)
}

/**
 * Prints plain warning lines as `PREFIX: warning: text`, bounded as problems are (at most 20 of
 * a kind and 200 in all, the rest counted; review s9a #5: 200,000 skipped rows printed 26 MB).
 */
export function printWarnings(
  io: { out: (l: string) => void },
  prefix: string,
  warnings: readonly string[],
): void {
  const problems = warnings.map((message) => ({ severity: 'warning' as const, path: '', message }))
  for (const p of boundedProblems(problems)) io.out(`${prefix}warning: ${p.message}`)
}

/**
 * Opens a design that a command is about to run (place, simulate, report): the one file
 * reader (`readDesignFile`), then the design rules. Refusals print the message and every
 * problem with its JSON path on `err` and give exit code 1; on success, warnings of the read
 * and of the rules are printed and the design is returned.
 */
export function openRunnableDesign(
  file: string,
  cwd: string,
  verb: string,
  err: (line: string) => void,
): { ok: true; design: Design; path: string; lastRun?: LastRun } | { ok: false; exitCode: 1 } {
  const loaded = readDesignFile(file, cwd)
  if (!loaded.ok) {
    err(loaded.message)
    printProblems({ out: err }, file, loaded.problems)
    return { ok: false, exitCode: 1 }
  }
  const problems = checkDesignRules(loaded.design)
  if (hasErrors(problems)) {
    const n = problems.filter((p) => p.severity === 'error').length
    err(`${file}: the design has ${n} error(s); fix them before you ${verb}`)
    printProblems({ out: err }, file, problems)
    return { ok: false, exitCode: 1 }
  }
  printProblems({ out: err }, file, [...loaded.warnings, ...problems])
  const out: { ok: true; design: Design; path: string; lastRun?: LastRun } = {
    ok: true,
    design: loaded.design,
    path: loaded.path,
  }
  if (loaded.lastRun) out.lastRun = loaded.lastRun
  return out
}
