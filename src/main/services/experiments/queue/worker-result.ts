/**
 * What the coordinator accepts from a queue worker (review s11 #1): a worker is another
 * machine, possibly broken or hostile, so its result is text to parse, never a record to
 * trust. A result is refused unless it is at most `MAX_RESULT_BYTES`, nested at most
 * `MAX_RESULT_DEPTH` levels, a run record by the `results.json` record schema, and the record
 * of the very run the coordinator enqueued (its run id, the sha256 of the design, and its
 * seed). The accepted record's identity (id, index, design name, factors, repetition, seed)
 * is the coordinator's own, from its plan: nothing a worker wrote names a file. A failure
 * reason is cut to `MAX_REASON_CHARS`.
 */
import type { RunRecord } from '../../../engine'
import { runIdentity, type RunTask } from '../execute-run'
import { checkRunRecord } from '../results-file'
import { MAX_RUN_RECORD_BYTES } from '../stored-json'

/** The largest result read from a worker, bytes of JSON (as a stored run record). */
export const MAX_RESULT_BYTES = MAX_RUN_RECORD_BYTES
/** The deepest nesting of a result's JSON (a run record is 4 levels deep). */
export const MAX_RESULT_DEPTH = 32
/** The longest failure reason kept from a worker, characters. */
export const MAX_REASON_CHARS = 2000

/** A worker's result: the record to store, or why it was refused (in words). */
export type WorkerResult = { ok: true; record: RunRecord } | { ok: false; problem: string }

/**
 * Why parsed JSON `value` cannot be a result: nested deeper than `max` arrays/objects, or a
 * key that rewrites an object's prototype where it is copied (`__proto__`, unless `protoKeys`
 * is 'allow': a schema that names it better reads it next); else undefined.
 * Iterative: no stack to blow.
 */
export function jsonShapeProblem(
  value: unknown,
  max: number,
  protoKeys: 'refuse' | 'allow' = 'refuse',
): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (v === null || typeof v !== 'object') continue
    if (depth + 1 > max) return `nested deeper than ${max} levels`
    if (protoKeys === 'refuse' && Object.hasOwn(v, '__proto__')) return 'has a "__proto__" key'
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return undefined
}

const refused = (problem: string): WorkerResult => ({
  ok: false,
  problem: `worker result refused: ${problem}`,
})

/** The refusal of a result over `MAX_RESULT_BYTES` (its size read first, the text never). */
export function resultTooLarge(): WorkerResult {
  return refused(`larger than ${MAX_RESULT_BYTES.toLocaleString('en-US')} bytes`)
}

/**
 * Checks the raw `returnvalue` text a worker left for `task` (null: none) and returns the
 * record to store, with the task's identity, or why it is refused.
 */
export function acceptWorkerResult(task: RunTask, text: string | null): WorkerResult {
  if (text === null) return refused('the job completed with no result')
  if (Buffer.byteLength(text, 'utf8') > MAX_RESULT_BYTES) return resultTooLarge()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return refused(`not JSON (${(error as Error).message})`)
  }
  const shape = jsonShapeProblem(json, MAX_RESULT_DEPTH)
  if (shape) return refused(shape)
  const checked = checkRunRecord(json)
  if (!checked.ok) return refused(checked.problems.join('; '))
  const record = checked.value
  if (record.id !== task.id) return refused(`id must be "${task.id}" (the run's)`)
  if (record.seed !== task.seed || record.summary.seed !== task.seed)
    return refused(`seed must be ${task.seed} (the run's)`)
  return {
    ok: true,
    record: { ...record, ...runIdentity(task) },
  }
}

/** A worker's failure reason, cut to `MAX_REASON_CHARS` (and said so). */
export function workerReason(text: string | null): string {
  const reason = text ?? 'failed (no reason given)'
  if (reason.length <= MAX_REASON_CHARS) return reason
  const end = /[\uD800-\uDBFF]/.test(reason.charAt(MAX_REASON_CHARS - 1))
    ? MAX_REASON_CHARS - 1
    : MAX_REASON_CHARS
  return `${reason.slice(0, end)}… (cut at ${MAX_REASON_CHARS.toLocaleString('en-US')} characters)`
}
