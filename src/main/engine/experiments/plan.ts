/**
 * Expands an experiment spec into its runs: every combination of factor values (the
 * Cartesian product of `vary` in the order written, or the explicit `combinations`), each
 * repeated `repeat` times with seeds derived from the seeded generator. Every factor value and
 * every resolved design is checked; problems carry their JSON path in the spec.
 */
import type { Problem } from '../../../shared/domain/problem'
import type { Design } from '../../../shared/design/schema'
import {
  DESIGN_FACTOR,
  MAX_EXPERIMENT_RUNS,
  factorValueEcho,
  type ExperimentSpec,
  type FactorValue,
} from '../../../shared/experiment/spec'
import { applyDesignPath, parseDesignPath, type PathStep } from './design-path'
import { checkRunDesign } from './runnable-design'
import { deriveSeed } from './seeds'

/** One run of an experiment, its design resolved. */
export interface PlannedRun {
  /** Position in the plan (combinations outermost, repetitions innermost). */
  index: number
  /** Name of the base design (`base` for a spec with one `design`). */
  designName: string
  /** Factor name -> value, in factor order (`design` first when there are alternatives). */
  factors: Record<string, FactorValue>
  /** 0-based repetition of the combination. */
  repetition: number
  /** The seed the run uses (also `design.simulation.seed`). */
  seed: number
  /** The base design with every factor applied, parsed with defaults. */
  design: Design
}

export interface ExperimentPlan {
  name: string
  /** Factor names as columns, in order. */
  factorNames: string[]
  combinations: number
  repeat: number
  runs: PlannedRun[]
}

export type PlanResult = { ok: true; plan: ExperimentPlan } | { ok: false; problems: Problem[] }

/** The base design's name when the spec gives a single `design`. */
export const BASE_DESIGN = 'base'

const quote = (key: string): string => JSON.stringify(key)
const error = (path: string, message: string): Problem => ({ severity: 'error', path, message })

type Assignment = [path: string, steps: PathStep[], value: FactorValue]

/** Applies assignments to a base design and checks the result; problems are design paths. */
function resolve(
  base: Design,
  assignments: readonly Assignment[],
): { design?: Design; messages: string[] } {
  let raw: unknown = base
  for (const [path, steps, value] of assignments) {
    const applied = applyDesignPath(raw, steps, value)
    if (!applied.ok) return { messages: [`${path}: ${applied.message}`] }
    raw = applied.value
  }
  const { design, problems } = checkRunDesign(raw)
  const messages = problems.map((p) => `${p.path || '(design)'}: ${p.message}`)
  if (!design) return { messages }
  // Top-level parts no factor touched keep the base's identity (cheap hashing, less memory).
  const parts = design as unknown as Record<string, unknown>
  const before = base as unknown as Record<string, unknown>
  for (const key of Object.keys(parts))
    if ((raw as Record<string, unknown>)[key] === before[key]) parts[key] = before[key]
  return { design, messages }
}

/**
 * Messages grouped by what they say apart from array indices (`racks[0].x: …` and
 * `racks[1].x: …` are one): each group's first message and how many more it has.
 */
function sameOnEachElement(messages: readonly string[]): Array<[string, number]> {
  const groups = new Map<string, [string, number]>()
  for (const m of messages) {
    const key = m.replace(/\[\d+\]/g, '[*]')
    const g = groups.get(key)
    if (g) g[1]++
    else groups.set(key, [m, 0])
  }
  return [...groups.values()]
}

/** Longest detail of a value's problem (a checker may quote the whole value; characters). */
const MAX_DETAIL_CHARS = 300

const cutText = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…` : text

/**
 * A design problem in the field's words rather than the schema library's: `Invalid input:
 * expected number, received string` reads `not a number (a string)`; `Too small: expected
 * number to be >0` reads `must be > 0`.
 */
export function plainIssue(message: string): string {
  return message
    .replace(/Invalid input: expected (\w+), received (\w+)/, 'not a $1 (a $2)')
    .replace(/Too small: expected \w+ to be >=\s*(\S+)/, 'must be ≥ $1')
    .replace(/Too small: expected \w+ to be >\s*(\S+)/, 'must be > $1')
    .replace(/Too big: expected \w+ to be <=\s*(\S+)/, 'must be ≤ $1')
    .replace(/Too big: expected \w+ to be <\s*(\S+)/, 'must be < $1')
}

function label(factors: Record<string, FactorValue>): string {
  return Object.entries(factors)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')
}

/** What a plan will hold, known once every factor value has been checked. */
export interface PlanOutline {
  name: string
  factorNames: string[]
  combinations: number
  repeat: number
  /** Runs the plan will have (combinations x repeat). */
  runs: number
}

/**
 * A step of planning, for a caller that plans in slices (yielding to its event loop) and
 * reports progress: `check` counts factor values checked on their base designs (every value
 * a user typed; a bad one ends planning with problems), `build` counts combinations
 * resolved. The first `build` step (done 0) carries the plan's outline.
 */
export type PlanStep =
  | { phase: 'check'; done: number; total: number }
  | { phase: 'build'; done: number; total: number; outline: PlanOutline }

/**
 * Plans `spec` over its loaded base designs (in the spec's order; one named `base` for a
 * single `design`). Reports every problem at once: bad paths, values that make a design
 * invalid, unknown design names, too many runs.
 */
export function planExperiment(
  spec: ExperimentSpec,
  bases: ReadonlyArray<{ name: string; design: Design }>,
): PlanResult {
  const steps = planExperimentSteps(spec, bases)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * `planExperiment` as a generator: yields a `PlanStep` after each design it resolves (a
 * few milliseconds each) and returns the same result, so a host can plan 100,000 runs
 * without holding its event loop.
 */
export function* planExperimentSteps(
  spec: ExperimentSpec,
  bases: ReadonlyArray<{ name: string; design: Design }>,
): Generator<PlanStep, PlanResult> {
  const problems: Problem[] = []
  const baseByName = new Map(bases.map((b) => [b.name, b.design]))
  const withDesigns = spec.designs !== undefined
  const steps = new Map<string, PathStep[]>()
  const pathOf = (key: string, where: string): PathStep[] | undefined => {
    const known = steps.get(key)
    if (known) return known
    const parsed = parseDesignPath(key)
    if (!parsed.ok) {
      problems.push(error(where, parsed.message))
      return undefined
    }
    steps.set(key, parsed.steps)
    return parsed.steps
  }
  // Combinations as (design name, factors) before resolution.
  const combos: Array<{ designName: string; factors: Record<string, FactorValue>; where: string }> =
    []
  const factorNames: string[] = withDesigns ? [DESIGN_FACTOR] : []
  if (spec.combinations) {
    spec.combinations.forEach((c, k) => {
      const factors: Record<string, FactorValue> = {}
      let designName = bases[0]?.name ?? BASE_DESIGN
      if (withDesigns) {
        const d = c[DESIGN_FACTOR]
        if (typeof d !== 'string' || !baseByName.has(d)) {
          problems.push(
            error(
              `combinations[${k}].${DESIGN_FACTOR}`,
              `name one of the designs: ${[...baseByName.keys()].join(', ')}`,
            ),
          )
          return
        }
        designName = d
        factors[DESIGN_FACTOR] = d
      }
      for (const [key, value] of Object.entries(c)) {
        if (withDesigns && key === DESIGN_FACTOR) continue
        if (!pathOf(key, `combinations[${k}][${quote(key)}]`)) continue
        if (!factorNames.includes(key)) factorNames.push(key)
        factors[key] = value
      }
      combos.push({ designName, factors, where: `combinations[${k}]` })
    })
  } else {
    const vary = Object.entries(spec.vary ?? {})
    let partial: Array<{ designName: string; factors: Record<string, FactorValue> }> = (
      withDesigns ? bases : bases.slice(0, 1)
    ).map((b) => {
      const factors: Record<string, FactorValue> = {}
      if (withDesigns) factors[DESIGN_FACTOR] = b.name
      return { designName: b.name, factors }
    })
    const expanded = vary.reduce((n, [, values]) => n * values.length, partial.length) * spec.repeat
    if (expanded > MAX_EXPERIMENT_RUNS) {
      problems.push(
        error('vary', `expands to ${expanded} runs; at most ${MAX_EXPERIMENT_RUNS} are allowed`),
      )
      return { ok: false, problems }
    }
    const checkedBases = withDesigns ? bases : bases.slice(0, 1)
    const checks = vary.reduce((n, [, values]) => n + values.length, 0) * checkedBases.length
    let checked = 0
    for (const [key, values] of vary) {
      const s = pathOf(key, `vary[${quote(key)}]`)
      if (!s) continue
      factorNames.push(key)
      // Each value alone on each base design, so a bad value is named where it is written.
      for (const [i, value] of values.entries())
        for (const b of checkedBases) {
          const { messages } = resolve(b.design, [[key, s, value]])
          // One problem per value and kind: a path matching every rack fails alike on each.
          for (const [m, more] of sameOnEachElement(messages)) {
            const detail =
              cutText(plainIssue(m), MAX_DETAIL_CHARS) +
              (more > 0 ? ` (the same on ${more} more element${more === 1 ? '' : 's'})` : '')
            problems.push(
              error(
                `vary[${quote(key)}][${i}]`,
                `${factorValueEcho(value)}: ${withDesigns ? `with design "${b.name}": ${detail}` : detail}`,
              ),
            )
          }
          yield { phase: 'check', done: ++checked, total: checks }
        }
      partial = partial.flatMap((p) =>
        values.map((v) => ({ ...p, factors: { ...p.factors, [key]: v } })),
      )
    }
    for (const p of partial) combos.push({ ...p, where: 'vary' })
  }
  if (combos.length * spec.repeat > MAX_EXPERIMENT_RUNS)
    problems.push(error('repeat', `the spec expands to more than ${MAX_EXPERIMENT_RUNS} runs`))
  if (problems.length > 0) return { ok: false, problems }

  const outline: PlanOutline = {
    name: spec.name,
    factorNames,
    combinations: combos.length,
    repeat: spec.repeat,
    runs: combos.length * spec.repeat,
  }
  yield { phase: 'build', done: 0, total: combos.length, outline }
  const runs: PlannedRun[] = []
  for (const [c, combo] of combos.entries()) {
    if (c > 0) yield { phase: 'build', done: c, total: combos.length, outline }
    const base = baseByName.get(combo.designName) as Design
    const assignments: Assignment[] = Object.entries(combo.factors)
      .filter(([k]) => !(withDesigns && k === DESIGN_FACTOR))
      .map(([k, v]) => [k, steps.get(k) as PathStep[], v])
    const { design, messages } = resolve(base, assignments)
    if (!design) {
      for (const m of messages)
        problems.push(error(combo.where, `combination ${label(combo.factors)}: ${m}`))
      continue
    }
    for (let r = 0; r < spec.repeat; r++) {
      const seed = r === 0 ? design.simulation.seed : deriveSeed(design.simulation.seed, r)
      runs.push({
        index: runs.length,
        designName: combo.designName,
        factors: combo.factors,
        repetition: r,
        seed,
        design: r === 0 ? design : { ...design, simulation: { ...design.simulation, seed } },
      })
    }
  }
  yield { phase: 'build', done: combos.length, total: combos.length, outline }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    plan: { name: spec.name, factorNames, combinations: combos.length, repeat: spec.repeat, runs },
  }
}
