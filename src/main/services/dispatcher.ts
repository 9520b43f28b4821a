/**
 * One generic entry for every call from any shell (Electron IPC, the web host, tests):
 * unknown call -> `unknown-call`; not allowed for the session -> `forbidden`; request nested
 * too deep or not matching its schema -> `bad-request` with every problem; a throwing handler
 * or schema -> `internal`. Everything, schema parsing included, runs inside one guard: the
 * returned promise always resolves, and main never crashes on a request. A tenant session's
 * `internal` error names nothing but the call (the exception's text may quote the design).
 * Every failure's message is cut to `MAX_ERROR_MESSAGE_CHARS` (`withBoundedMessage`), however
 * the handler built it (review s9a #4).
 */
import {
  CALLS,
  fail,
  withBoundedMessage,
  type CallName,
  type Result,
  type SessionInfo,
} from '../../shared/contract'
import { requestSchemas } from '../../shared/contract/schemas'
import { issuesToProblems } from '../engine'
import type { AppContext } from './context'
import { defaultCaller } from './event-hub'
import type { Handler } from './handler-types'
import { createHandlers, type AllHandlers } from './handlers'

/**
 * `caller`: the key of the connection's owner (a web token's id, a window); defaults to one
 * key per session (`defaultCaller`). Bound by the shell, never taken from the request.
 */
export type Dispatch = (
  session: SessionInfo,
  name: unknown,
  request: unknown,
  caller?: string,
) => Promise<Result<unknown>>

/** Deepest nesting of objects and arrays a request may have (a design is about 8 deep). */
export const MAX_REQUEST_DEPTH = 64

export interface DispatcherOptions {
  /** Told of each call that passed every check and reached its handler (fuzz statistics). */
  onHandle?: (name: CallName, session: SessionInfo) => void
  /**
   * Told of each call answered `internal` (a handler or schema threw), with the exception,
   * whatever the session (a tenant's answer names only the call): each one is a bug to fix.
   */
  onInternal?: (name: unknown, session: SessionInfo, error: unknown) => void
}

function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CALLS, name)
}

/** Whether `value` nests objects/arrays deeper than `limit` (iterative: no stack to overflow). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (typeof v !== 'object' || v === null || seen.has(v)) continue
    if (depth + 1 > limit) return true
    seen.add(v)
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

export function createDispatcher(
  ctx: AppContext,
  handlers: AllHandlers = createHandlers(ctx),
  options: DispatcherOptions = {},
): Dispatch {
  const dispatch = async (
    session: SessionInfo,
    name: unknown,
    request: unknown,
    caller: string,
  ): Promise<Result<unknown>> => {
    if (!isCallName(name))
      return fail(
        'unknown-call',
        `no call named ${JSON.stringify(String(name).slice(0, 100)).slice(0, 120)}`,
      )
    if (CALLS[name] === 'provider' && session.role !== 'provider')
      return fail('forbidden', `${name} is not available in a tenant view`)
    if (nestedDeeperThan(request, MAX_REQUEST_DEPTH))
      return fail('bad-request', `bad request for ${name}: nested deeper than ${MAX_REQUEST_DEPTH}`)
    const parsed = requestSchemas[name].safeParse(request ?? {})
    if (!parsed.success) {
      const problems = issuesToProblems(parsed.error.issues, 'request')
      return fail(
        'bad-request',
        `bad request for ${name}: ${problems[0]?.path ?? ''} ${problems[0]?.message ?? ''}`.trim(),
        problems,
      )
    }
    options.onHandle?.(name, session)
    const handler = handlers[name] as unknown as Handler<typeof name>
    // a message built around client text (a 30 MB policy) is cut, however it was built
    return withBoundedMessage(await handler(parsed.data as never, { session, caller }))
  }
  return async (session, name, request, caller = defaultCaller(session)) => {
    try {
      return await dispatch(session, name, request, caller)
    } catch (error) {
      try {
        options.onInternal?.(name, session, error)
      } catch {
        /* a diagnostic hook never turns an answer into a crash */
      }
      const call = isCallName(name) ? name : 'the call'
      if (session.role !== 'provider') return fail('internal', `${call} failed (internal error)`)
      let message = 'unknown error'
      try {
        message = error instanceof Error ? error.message : String(error)
      } catch {
        /* an exception whose text itself throws */
      }
      return fail('internal', `${call} failed: ${message.slice(0, 500)}`)
    }
  }
}
