/**
 * One generic entry for every call from any shell (Electron IPC, the web host, tests):
 * unknown call -> `unknown-call`; not allowed for the session -> `forbidden`; request not
 * matching its schema -> `bad-request` with every problem; a throwing handler -> `internal`.
 * Main never crashes on a request.
 */
import { CALLS, fail, type CallName, type Result, type SessionInfo } from '../../shared/contract'
import { requestSchemas } from '../../shared/contract/schemas'
import { issuesToProblems } from '../engine/model/parse'
import type { AppContext } from './context'
import type { Handler } from './handler-types'
import { createHandlers, type AllHandlers } from './handlers'

export type Dispatch = (
  session: SessionInfo,
  name: unknown,
  request: unknown,
) => Promise<Result<unknown>>

function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CALLS, name)
}

export function createDispatcher(
  ctx: AppContext,
  handlers: AllHandlers = createHandlers(ctx),
): Dispatch {
  return async (session, name, request) => {
    if (!isCallName(name))
      return fail('unknown-call', `no call named ${JSON.stringify(String(name)).slice(0, 120)}`)
    if (CALLS[name] === 'provider' && session.role !== 'provider')
      return fail('forbidden', `${name} is not available in a tenant view`)
    const parsed = requestSchemas[name].safeParse(request ?? {})
    if (!parsed.success) {
      const problems = issuesToProblems(parsed.error.issues, 'request')
      return fail(
        'bad-request',
        `bad request for ${name}: ${problems[0]?.path ?? ''} ${problems[0]?.message ?? ''}`.trim(),
        problems,
      )
    }
    try {
      const handler = handlers[name] as unknown as Handler<typeof name>
      return await handler(parsed.data as never, { session })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return fail('internal', `${name} failed: ${message}`)
    }
  }
}
