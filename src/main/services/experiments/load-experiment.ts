/**
 * Reading an experiment spec file: located JSON errors, the spec's shape (zod, every
 * problem with its path), its designs (files relative to the spec, or embedded; read like
 * design files, problems prefixed with where the spec names them), then the plan.
 */
import { dirname, resolve } from 'node:path'
import type { Problem } from '../../../shared/contract/result'
import type { Design } from '../../../shared/design/schema'
import {
  EXPERIMENT_SUFFIX,
  experimentSpecSchema,
  type ExperimentSpec,
} from '../../../shared/experiment/spec'
import {
  BASE_DESIGN,
  issuesToProblems,
  parseJsonText,
  readStrataFile,
  type ExperimentPlan,
  type PlanStep,
} from '../../engine'
import { readUserFile } from '../files/safe-read'
import { planInSlices } from './plan-in-slices'

export type LoadedExperiment =
  | { ok: true; specPath: string; spec: ExperimentSpec; plan: ExperimentPlan }
  | { ok: false; specPath: string; message: string; problems: Problem[] }

function prefixed(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({
    ...p,
    path: p.path ? (p.path.startsWith('[') ? prefix + p.path : `${prefix}.${p.path}`) : prefix,
  }))
}

async function loadDesign(
  ref: string | Record<string, unknown>,
  where: string,
  specDir: string,
  problems: Problem[],
): Promise<Design | undefined> {
  if (typeof ref === 'string') {
    const file = await readUserFile(resolve(specDir, ref))
    if (!file.ok) {
      problems.push({ severity: 'error', path: where, message: file.message })
      return undefined
    }
    const notJson = notJsonObject(file.bytes.toString('utf8'))
    if (notJson) {
      problems.push({
        severity: 'error',
        path: where,
        message: `${ref} is not a JSON design (${notJson})`,
      })
      return undefined
    }
    const read = readStrataFile(file.bytes, { source: ref })
    if (read.ok) return read.design
    problems.push(
      ...read.problems.map((p) => ({
        ...p,
        message: `${ref}: ${p.path || '(document)'}: ${p.message}`,
        path: where,
      })),
    )
    return undefined
  }
  const read = readStrataFile(JSON.stringify(ref), { source: where })
  if (read.ok) return read.design
  problems.push(...prefixed(where, read.problems))
  return undefined
}

/** The first character that is not whitespace or a byte-order mark, and where it is (1-based). */
function firstContent(text: string): { ch: string | undefined; line: number; column: number } {
  let line = 1
  let column = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') {
      line++
      column = 1
    } else if (i === 0 && ch === '\ufeff') continue
    else if (ch === ' ' || ch === '\t' || ch === '\r') column++
    else return { ch, line, column }
  }
  return { ch: undefined, line, column }
}

/**
 * `line L, column C` of the first character of `text` when that is not "{" (so the file is not
 * a JSON object, and its content is not echoed); undefined for an object or an empty file.
 */
function notJsonObject(text: string): string | undefined {
  const start = firstContent(text)
  return start.ch !== undefined && start.ch !== '{'
    ? `line ${start.line}, column ${start.column}`
    : undefined
}

/** A spec read with its base designs, not yet planned. */
export type ReadExperiment =
  | {
      ok: true
      specPath: string
      spec: ExperimentSpec
      bases: Array<{ name: string; design: Design }>
    }
  | { ok: false; specPath: string; message: string; problems: Problem[] }

/**
 * Reads `file` (relative to `cwd`) and its base designs; the spec and its design files are
 * read as regular files only, size-capped (`readUserFile`). Never throws.
 */
export async function readExperiment(file: string, cwd: string): Promise<ReadExperiment> {
  const specPath = resolve(cwd, file)
  const fail = (message: string, problems: Problem[] = []): ReadExperiment => ({
    ok: false,
    specPath,
    message,
    problems,
  })
  const read = await readUserFile(specPath)
  if (!read.ok) return fail(read.message)
  const text = read.bytes.toString('utf8')
  // A spec is a JSON object: a file that does not start with "{" is refused without a word of
  // its content (the provider may name any file on main's disk).
  const at = notJsonObject(text)
  if (at) {
    return fail(`${file} is not a JSON experiment spec (${at})`, [
      {
        severity: 'error',
        path: '',
        message: `${at}: an experiment spec is a JSON object; this file does not start with "{"`,
      },
    ])
  }
  const json = parseJsonText(text, file)
  if (!json.ok) return fail(json.message, json.problems)
  const parsed = experimentSpecSchema.safeParse(json.value)
  if (!parsed.success)
    return fail(`${file} is not a valid experiment spec`, issuesToProblems(parsed.error.issues))
  const spec = parsed.data
  const specDir = dirname(specPath)
  const problems: Problem[] = []
  const bases: Array<{ name: string; design: Design }> = []
  if (spec.designs) {
    for (const [name, ref] of Object.entries(spec.designs)) {
      const design = await loadDesign(ref, `designs.${name}`, specDir, problems)
      if (design) bases.push({ name, design })
    }
  } else if (spec.design !== undefined) {
    const design = await loadDesign(spec.design, 'design', specDir, problems)
    if (design) bases.push({ name: BASE_DESIGN, design })
  }
  if (problems.length > 0) return fail(`${file}: its design could not be read`, problems)
  return { ok: true, specPath, spec, bases }
}

/**
 * Reads and plans `file` (relative to `cwd`): `readExperiment`, then the plan made in slices
 * that yield to the event loop, each step reported to `onStep`. Never throws.
 */
export async function loadExperiment(
  file: string,
  cwd: string,
  onStep?: (step: PlanStep) => void,
): Promise<LoadedExperiment> {
  const read = await readExperiment(file, cwd)
  if (!read.ok) return read
  const planned = await planInSlices(read.spec, read.bases, onStep)
  if (!planned.ok)
    return {
      ok: false,
      specPath: read.specPath,
      message: `${file} is not a valid experiment`,
      problems: planned.problems,
    }
  return { ok: true, specPath: read.specPath, spec: read.spec, plan: planned.plan }
}

/** The default output folder: beside the spec, named after it with `.results`. */
export function defaultOutDir(specPath: string): string {
  const base = specPath.endsWith(EXPERIMENT_SUFFIX)
    ? specPath.slice(0, -EXPERIMENT_SUFFIX.length)
    : specPath.replace(/\.json$/, '')
  return `${base}.results`
}
