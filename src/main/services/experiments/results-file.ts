/**
 * The schema of an experiment's `results.json` (written by `write-tables.ts`, read back by
 * `strata report --experiment`): every field of every run record, with the range its value
 * lives in (the same ranges as `metrics.ts`: percentages 0..100, fractions 0..1, energy,
 * money and counts >= 0, PUE >= 1). A file edited by hand or by another tool is refused with
 * the JSON path of each wrong field, never half-read (review s4, finding 3).
 */
import { z } from 'zod'
import type { RunRecord } from '../../engine'

/**
 * zod 4 numbers are finite: NaN and Infinity are refused. So is -0: Strata writes 0
 * (`JSON.stringify(-0)` is "0"), so a -0 was typed in by hand, and it passes every `>= 0`
 * check while `Object.is` and `1 / x` tell it apart (review s6a #11).
 */
const finite = z.number().refine((v) => !Object.is(v, -0), { message: 'must not be -0' })
const nonNegative = finite.min(0)
const count = finite.int().min(0)
const percent = finite.min(0).max(100)
/**
 * Energy of one run, kWh: at most 1e15 kWh, above the world's yearly electricity use
 * (~3e13 kWh, IEA 2023); a larger value is a damaged file, and would overflow the means.
 */
const energy = nonNegative.max(1e15)
const fraction = finite.min(0).max(1)

const summary = z.looseObject({
  policy: z.string(),
  seed: count,
  horizonS: nonNegative,
  stepS: nonNegative,
  hosts: count,
  vms: count,
  energyKWh: energy,
  energyBreakdownKWh: z.looseObject({ hosts: energy, storage: energy.optional() }).optional(),
  migrations: count,
  slatah: fraction,
  pdm: fraction,
  slav: fraction,
  overallSlaViolation: fraction,
  overallSlaViolationContentionOnly: fraction,
  averageSlaViolation: fraction,
  hostShutdowns: count,
  memoryPressureGiBHours: nonNegative,
  hostFailures: count,
  unplacedInstances: count,
  meanAvailabilityPercent: percent,
  elapsedMs: nonNegative,
})

const tenant = z.looseObject({
  tenantId: z.string(),
  availabilityPercent: percent,
  slaAvailabilityPercent: percent,
  slaViolation: z.boolean(),
  bill: nonNegative,
  currency: z.string(),
})

const economics = z.looseObject({
  facilityEnergyKWh: energy,
  pue: finite.min(1),
  energyCost: nonNegative.nullable(),
  currency: z.string().nullable(),
  carbonKgCO2e: nonNegative.nullable(),
  revenueByCurrency: z.record(z.string(), nonNegative),
})

/**
 * One run record: a line of `results.json` and a stored `runs/<id>.json` alike (one schema,
 * so `strata experiment run` reusing a stored run and `strata report --experiment` reading
 * the results agree on what a sound record is; review s5 #2).
 */
export const runRecordSchema = z.looseObject({
  id: z.string().min(1),
  index: count,
  designName: z.string(),
  factors: z.record(z.string(), z.json()),
  repetition: count,
  seed: count,
  summary,
  tenants: z.array(tenant),
  economics,
})

/** `results.json` as `strata experiment run` writes it. */
export const experimentResultsFileSchema = z.looseObject({
  name: z.string(),
  factorNames: z.array(z.string()),
  records: z.array(runRecordSchema),
})

/** What `results.json` holds. */
export interface ExperimentResultsFile {
  name: string
  factorNames: string[]
  records: RunRecord[]
}

/** `records[5].tenants` from a zod issue path. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('')
}

/** A zod message as words after a path: `must be an array`, `must be <= 100`. */
function words(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected)
    return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`
  }
  if (issue.code === 'too_big') return `must be <= ${String(issue.maximum)}`
  if (issue.code === 'too_small') return `must be >= ${String(issue.minimum)}`
  return issue.message
}

/** A checked document, or one line per problem. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/**
 * Checks a parsed `results.json`; returns the file's content, or one line per problem
 * (`records[5].tenants must be an array`), at most `limit` of them.
 */
export function checkExperimentResults(json: unknown, limit = 20): Checked<ExperimentResultsFile> {
  return checkWith<ExperimentResultsFile>(experimentResultsFileSchema, json, limit)
}

/**
 * Checks a parsed stored run record (`runs/<id>.json`) with the schema of a `results.json`
 * record; problems as `summary.migrations must be >= 0`, at most `limit` of them.
 */
export function checkRunRecord(json: unknown, limit = 5): Checked<RunRecord> {
  return checkWith<RunRecord>(runRecordSchema, json, limit)
}

function checkWith<T>(schema: z.ZodType, json: unknown, limit: number): Checked<T> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data as T }
  const problems = parsed.error.issues.map(
    (i) => `${i.path.length ? pathText(i.path) : '(document)'} ${words(i)}`,
  )
  return {
    ok: false,
    problems:
      problems.length > limit
        ? [...problems.slice(0, limit), `... and ${problems.length - limit} more`]
        : problems,
  }
}
