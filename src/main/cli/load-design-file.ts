/** Reading a design file for CLI commands, with located errors. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkIntegrity } from '../engine'
import type { Design } from '../../shared/design/schema'
import type { Problem } from '../../shared/contract'

export type LoadedFile =
  | { ok: true; design: Design; path: string }
  | { ok: false; path: string; message: string; problems: Problem[] }

export function readDesignFile(file: string, cwd: string): LoadedFile {
  const path = resolve(cwd, file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return {
      ok: false,
      path,
      message: `cannot read ${path}: ${(error as Error).message}`,
      problems: [],
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      path,
      message: `${path} is not JSON: ${(error as Error).message}`,
      problems: [],
    }
  }
  const { design, problems } = checkIntegrity(raw)
  if (!design) return { ok: false, path, message: `${path} is not a valid design`, problems }
  return { ok: true, design, path }
}

export function printProblems(
  io: { out: (l: string) => void },
  file: string,
  problems: readonly Problem[],
): void {
  for (const p of problems)
    io.out(`${file}: ${p.severity} at ${p.path || '(document)'}: ${p.message}`)
}
