/** The shape of a call handler, derived from the contract. */
import type { z } from 'zod'
import type { CallName, Res, Result, SessionInfo } from '../../shared/contract'
import type { requestSchemas } from '../../shared/contract/schemas'

/** The validated request a handler receives (schema output: defaults applied). */
export type ParsedReq<K extends CallName> = z.output<(typeof requestSchemas)[K]>

export interface CallContext {
  /** Bound in main from the window or token, never taken from the request. */
  session: SessionInfo
  /**
   * Who made the call, finer than the session: one key per connection owner (a web token,
   * an Electron window; see `defaultCaller`). Work a call starts (a report job) belongs to it.
   */
  caller: string
  /**
   * For a tenant session's answer that describes a placement of its own making (a report
   * places and simulates afresh) rather than tenancy's current one: the hosts the tenant's
   * own instances use in it. The boundary guard then judges the answer by these hosts (they
   * may show when the tenant's `showHostNames` is set) instead of tenancy's. Set by the guard.
   */
  answerHosts?: (hostIds: Iterable<string>) => void
}

export type Handler<K extends CallName> = (
  request: ParsedReq<K>,
  call: CallContext,
) => Result<Res<K>> | Promise<Result<Res<K>>>

/** A domain's handlers: exactly the calls of that domain. */
export type HandlerMap<K extends CallName> = { [P in K]: Handler<P> }
