/**
 * What a queue worker checks before it runs a job: Redis is another process's memory, so the
 * job's data and the design parts it names are parsed, not trusted (review s9a #10: `{}` failed
 * with "Cannot read properties of undefined", a hosts part of the wrong shape with "reading
 * 'product'", and a part with valid JSON but a 10-year horizon in 1 s steps would have run).
 * Every refusal names the job, the part (with its digest) and the field, and is an
 * `UnrecoverableError`: the same job would fail the same way on any worker.
 */
import { UnrecoverableError } from 'bullmq'
import { z } from 'zod'
import type { Design } from '../../../../shared/design/schema'
import { cutText, formatPath } from '../../../../shared/domain/problem'
import {
  designPathKey,
  MAX_EXPERIMENT_RUNS,
  MAX_REPEAT,
  ownKeysRecord,
} from '../../../../shared/experiment/spec'
import { checkRunDesign, DEFAULT_MAX_FILE_BYTES, MAX_SEED } from '../../../engine'
import { digestOf } from '../run-id'
import type { RunJobData, Runtime } from './protocol'
import { jsonShapeProblem } from './worker-result'

/** A sha256 digest in hex: a run's id and a design part's key in Redis. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (sha256)')

const runtimeSchema = z.object({
  strataVersion: z.string().min(1).max(100),
  nodeMajor: z.number().int().min(0).max(1000),
})

/** A design's top-level key (`hosts`, `simulation`, …). */
const partName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'is not a design part name')

/** The shape of a job's data, with the limits a coordinator's plan keeps. */
const runJobSchema = z.object({
  runtime: runtimeSchema,
  id: sha256Hex,
  index: z
    .number()
    .int()
    .min(0)
    .max(MAX_EXPERIMENT_RUNS - 1),
  designName: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'names use letters, digits, . _ -'),
  factors: ownKeysRecord(designPathKey, z.json()),
  repetition: z
    .number()
    .int()
    .min(0)
    .max(MAX_REPEAT - 1),
  seed: z.number().int().min(0).max(MAX_SEED),
  parts: ownKeysRecord(partName, sha256Hex).refine((parts) => Object.keys(parts).length > 0, {
    message: 'names no design part',
  }),
})

/** At most this many of a job's problems are named in its failure (the rest are counted). */
const LISTED = 5
/** Longest text of one problem in a failure, characters. */
const MAX_TEXT_CHARS = 300

/** `job ID: problem; problem; … and N more`, each problem cut. */
function refusal(jobId: string, problems: readonly string[]): UnrecoverableError {
  const listed = problems.slice(0, LISTED).map((p) => cutText(p, MAX_TEXT_CHARS))
  const more = problems.length - listed.length
  return new UnrecoverableError(
    `job ${cutText(jobId, 100)}: ${listed.join('; ')}${more > 0 ? `; … and ${more} more` : ''}`,
  )
}

/** The largest job data a worker takes, bytes of JSON (a plan's job is a few KB). */
export const MAX_JOB_DATA_BYTES = 4 * 1024 * 1024
/** The deepest nesting of a job's data (factor values are design fragments, a few levels). */
export const MAX_JOB_DATA_DEPTH = 64
/** The largest design part a worker reads from Redis, bytes (as a design file). */
export const MAX_PART_BYTES = DEFAULT_MAX_FILE_BYTES

/**
 * Refuses job data nested deeper than `MAX_JOB_DATA_DEPTH` or larger than
 * `MAX_JOB_DATA_BYTES` before any schema walks it (review s11 #1); the depth is measured
 * first and without recursion, so no stack overflows on it.
 */
function checkBounds(jobId: string, data: unknown): void {
  const shape = jsonShapeProblem(data, MAX_JOB_DATA_DEPTH, 'allow')
  if (shape) throw refusal(jobId, [`(data): ${shape}`])
  const bytes = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8')
  if (bytes > MAX_JOB_DATA_BYTES)
    throw refusal(jobId, [
      `(data): ${bytes.toLocaleString('en-US')} bytes, more than ${MAX_JOB_DATA_BYTES.toLocaleString('en-US')}`,
    ])
}

/**
 * The job's runtime, checked first (another version may shape its jobs otherwise, so a version
 * mismatch is said as such). Throws an `UnrecoverableError` naming the field when it is not one.
 */
export function jobRuntime(jobId: string, data: unknown): Runtime {
  checkBounds(jobId, data)
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw refusal(jobId, [
      `(data): not an object (${data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`})`,
    ])
  const parsed = runtimeSchema.safeParse((data as { runtime?: unknown } | null)?.runtime)
  if (parsed.success) return parsed.data
  throw refusal(jobId, issues(parsed.error, ['runtime']))
}

/** The job's data, parsed; throws an `UnrecoverableError` naming each bad field. */
export function parseJobData(jobId: string, data: unknown): RunJobData {
  const parsed = runJobSchema.safeParse(data)
  if (parsed.success) return parsed.data
  throw refusal(jobId, issues(parsed.error))
}

function issues(error: z.ZodError, prefix: PropertyKey[] = []): string[] {
  return error.issues.map((i) => `${formatPath([...prefix, ...i.path]) || '(data)'}: ${i.message}`)
}

/**
 * A design part's text from Redis, parsed and checked against its digest (the coordinator
 * stored it under the sha256 of its canonical JSON: other content was changed in Redis).
 * `text` null: the part is missing (expired, or never stored); `{ bytes }`: it is larger than
 * `MAX_PART_BYTES` (not read). Throws an `UnrecoverableError`.
 */
export function parsePart(
  jobId: string,
  name: string,
  digest: string,
  text: string | null | { bytes: number },
) {
  const where = `parts.${name} (digest ${digest.slice(0, 12)}…)`
  if (text !== null && typeof text === 'object')
    throw refusal(jobId, [
      `${where}: ${text.bytes.toLocaleString('en-US')} bytes, more than ${MAX_PART_BYTES.toLocaleString('en-US')} (not read)`,
    ])
  if (text === null)
    throw refusal(jobId, [`${where}: missing from Redis (expired, or never stored)`])
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw refusal(jobId, [`${where}: not JSON: ${(error as Error).message}`])
  }
  const shape = jsonShapeProblem(value, MAX_JOB_DATA_DEPTH, 'allow')
  if (shape) throw refusal(jobId, [`${where}: ${shape}`])
  if (digestOf(value) !== digest)
    throw refusal(jobId, [`${where}: its content does not match its digest (changed in Redis)`])
  return value
}

/**
 * The design assembled from a job's parts, checked as the coordinator checks a run's design
 * (`checkRunDesign`: schema, limits, policy), and its seed as the job's. Each problem names the
 * part it is in (`parts.simulation (digest …): simulation.stepS: …`). Throws an
 * `UnrecoverableError`.
 */
export function checkJobDesign(
  jobId: string,
  job: Pick<RunJobData, 'parts' | 'seed'>,
  raw: Record<string, unknown>,
): Design {
  const { design, problems } = checkRunDesign(raw)
  if (!design)
    throw refusal(
      jobId,
      problems.map((p) => {
        const part = /^[A-Za-z0-9]+/.exec(p.path)?.[0]
        const digest = part !== undefined ? job.parts[part] : undefined
        const where = digest ? `parts.${part} (digest ${digest.slice(0, 12)}…): ` : 'design: '
        return `${where}${p.path || '(design)'}: ${p.message}`
      }),
    )
  if (design.simulation.seed !== job.seed)
    throw refusal(jobId, [
      `seed: ${job.seed} is not its design's simulation.seed (${design.simulation.seed})`,
    ])
  return design
}
