/** The result envelope every call returns, and the typed errors it may carry. */

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

/** One problem found in a design or file, located by its JSON path. */
export interface Problem {
  severity: 'error' | 'warning'
  /** JSON path into the document, e.g. `hosts[3].memoryMiB`; `` for the root. */
  path: string
  message: string
  /** The element the problem is about, when there is one (for canvas markers). */
  elementId?: string
}

export interface StrataError {
  code: ErrorCode
  message: string
  /** For `invalid-design` and `bad-request`: every problem, each with its path. */
  problems?: Problem[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StrataError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  problems?: Problem[],
): Result<T> => ({ ok: false, error: problems ? { code, message, problems } : { code, message } })

/** Formats a path array (from zod or a walker) as `hosts[3].memoryMiB`. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}
