/**
 * The experiment spec (`*.strata-experiment.json`, issue 16): a base design (a path relative
 * to the spec file, or embedded), or several named alternative designs (then `design` is a
 * factor); `vary`, a map from a design path to the values to try (runs are the Cartesian
 * product, in the order written), or `combinations`, an explicit list; `repeat`, how many
 * seeds each combination runs with. Validated with zod; the engine checks paths and the
 * resolved designs (`src/main/engine/experiments`).
 */
import { z } from 'zod'

/** Current version of the experiment file format. */
export const EXPERIMENT_SCHEMA_VERSION = 1

/** The file name suffix of experiment specs. */
export const EXPERIMENT_SUFFIX = '.strata-experiment.json'

/** Upper bound on the runs one spec may expand to (combinations x repetitions). */
export const MAX_EXPERIMENT_RUNS = 100_000

/** Longest design path a spec or the app may name (characters). */
export const MAX_PATH_CHARS = 500

const pathKey = z
  .string()
  .min(1)
  .max(MAX_PATH_CHARS, { error: `a design path has at most ${MAX_PATH_CHARS} characters` })

/** Most repetitions (seeds) per combination, in a spec file and in the app alike. */
export const MAX_REPEAT = 1000

/** The one repetitions rule, with its message in words. */
export const repeatSchema = z
  .number({ error: 'repetitions must be a whole number from 1 to ' + MAX_REPEAT })
  .int(`repetitions must be a whole number from 1 to ${MAX_REPEAT}`)
  .min(1, `repetitions must be a whole number from 1 to ${MAX_REPEAT}`)
  .max(MAX_REPEAT, `repetitions must be a whole number from 1 to ${MAX_REPEAT}`)

/** The factor name of the alternative designs. */
export const DESIGN_FACTOR = 'design'

/** Keys that name an object's prototype machinery: never a factor, design path or name. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']

/**
 * `z.record(key, value)` that first looks at the raw object's own keys: zod's record drops a
 * `__proto__` key without a word (JSON.parse makes it an own key), so an experiment would run
 * something other than what was written. A prototype key is refused at its own path.
 */
export function ownKeysRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
) {
  return z.preprocess(
    (raw, ctx) => {
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw))
        for (const k of Object.keys(raw))
          if (PROTOTYPE_KEYS.includes(k))
            ctx.addIssue({
              code: 'custom',
              path: [k],
              input: raw,
              message: `"${k}" cannot be a key here: it names JavaScript's prototype machinery, not a design field or name`,
            })
      return raw
    },
    z.record(key, value),
  )
}

export { pathKey as designPathKey }

const designRef = z.union([
  z.string().min(1, 'must name a design file'),
  z.record(z.string(), z.unknown()),
])

const factorValue = z.json()

export const experimentSpecSchema = z
  .strictObject({
    schemaVersion: z.literal(EXPERIMENT_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().max(10_000).default(''),
    /** The base design: a path relative to the spec file, or the design object itself. */
    design: designRef.optional(),
    /** Alternative designs by name (letters, digits, `.`, `_`, `-`); the `design` factor. */
    designs: ownKeysRecord(
      z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'names use letters, digits, . _ -'),
      designRef,
    ).optional(),
    /** Design path -> values to try; runs are the Cartesian product in the order written. */
    vary: ownKeysRecord(pathKey, z.array(factorValue).min(1).max(10_000)).optional(),
    /** Explicit combinations (design path -> value, plus `design` with `designs`). */
    combinations: z.array(ownKeysRecord(pathKey, factorValue)).min(1).max(100_000).optional(),
    /** Runs per combination; repetition 0 keeps the design's seed, the others derive one. */
    repeat: repeatSchema.default(1),
  })
  .superRefine((spec, ctx) => {
    if ((spec.design === undefined) === (spec.designs === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['design'],
        message: 'give either "design" or "designs" (exactly one)',
      })
    if (spec.designs !== undefined && Object.keys(spec.designs).length === 0)
      ctx.addIssue({ code: 'custom', path: ['designs'], message: 'name at least one design' })
    if (spec.vary !== undefined && spec.combinations !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['combinations'],
        message: 'give either "vary" or "combinations", not both',
      })
  })

/** An experiment spec as written in a file. */
export type ExperimentSpecInput = z.input<typeof experimentSpecSchema>
/** An experiment spec with defaults applied. */
export type ExperimentSpec = z.infer<typeof experimentSpecSchema>
/** A JSON value, as factor values are. */
export type FactorValue = z.infer<typeof factorValue>

/** Longest echo of a factor value in a message (characters, the rest as "…"). */
export const MAX_VALUE_ECHO_CHARS = 60

/**
 * How a message names a factor value: `value "abc"`, `value -1`, `value null` (JSON, cut to
 * `MAX_VALUE_ECHO_CHARS`). Planning problems about one value start with it and ": ", so the
 * app can put the text the user typed in its place.
 */
export function factorValueEcho(value: FactorValue): string {
  const json = JSON.stringify(value) ?? String(value)
  const cut = json.length > MAX_VALUE_ECHO_CHARS ? `${json.slice(0, MAX_VALUE_ECHO_CHARS)}…` : json
  return `value ${cut}`
}
