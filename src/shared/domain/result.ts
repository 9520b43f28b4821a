/**
 * The result envelope: what the engine's fallible operations (design session, opening a
 * file) and every contract call return, and the typed errors it may carry. A domain type;
 * the contract (`src/shared/contract/result.ts`) re-exports it.
 */
import { boundedProblems, cutText, MAX_PROBLEM_TEXT_CHARS, type Problem } from './problem'

export type { Problem } from './problem'

/** Why a call failed. Stable strings: the renderer and tests branch on them. */
export const ERROR_CODES = [
  'bad-request', // the request does not match the call's schema
  'unknown-call', // no such call in the contract
  'unauthorized', // no valid session token (web host)
  'forbidden', // the session may not make this call or see this data (tenant-bound sessions)
  'not-found', // a named element, run or file does not exist
  'invalid-design', // a design failed validation; see `problems`
  'conflict', // the call does not fit the current state (e.g. nothing to undo)
  'cancelled', // long work was cancelled
  'unavailable', // the capability needs something missing here (e.g. the Electron runtime)
  'io', // reading or writing a file failed
  'internal', // a bug: main caught an unexpected exception
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface StrataError {
  code: ErrorCode
  message: string
  /** For `invalid-design` and `bad-request`: every problem, each with its path. */
  problems?: Problem[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StrataError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/**
 * At most this many characters of a failure's message: room for a path and a problem's
 * message, each cut to `MAX_PROBLEM_TEXT_CHARS` (review s9a #4: a 30,000,000-character policy
 * came back whole in `design:apply`'s refusal, a 30 MB answer).
 */
export const MAX_ERROR_MESSAGE_CHARS = 2 * MAX_PROBLEM_TEXT_CHARS

/**
 * `result` with a failure's message cut to {@link MAX_ERROR_MESSAGE_CHARS} characters (the same
 * object when it is short enough or a success). `fail` cuts every message it builds; the
 * dispatcher passes every answer through this too, however its failure was built.
 */
export function withBoundedMessage<T>(result: Result<T>): Result<T> {
  if (result.ok || result.error.message.length <= MAX_ERROR_MESSAGE_CHARS) return result
  return {
    ok: false,
    error: { ...result.error, message: cutText(result.error.message, MAX_ERROR_MESSAGE_CHARS) },
  }
}

/**
 * A failure: its message cut to {@link MAX_ERROR_MESSAGE_CHARS} characters, its problems listed
 * as {@link boundedProblems} bounds them.
 */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  problems?: Problem[],
): Result<T> => {
  const cut = cutText(message, MAX_ERROR_MESSAGE_CHARS)
  return {
    ok: false,
    error: problems
      ? { code, message: cut, problems: boundedProblems(problems) }
      : { code, message: cut },
  }
}
