/**
 * Pushed events, filtered per session. A provider session receives every event as published.
 * A tenant session receives an event only through the publisher's `forTenant` projection:
 * no projection, no delivery (the safe default). Events about one caller's own work (a
 * report job's progress) go to that caller's outlets only (`publishToCaller`). Every payload,
 * projections included, is cut to its event's declared bound (`shared/contract/events.ts`)
 * before it is delivered.
 */
import type { EventName, EventPayloads, SessionInfo } from '../../shared/contract'
import { boundedEvent } from '../../shared/contract/events'

export type TenantProjection<E extends EventName> = (
  tenantId: string,
) => EventPayloads[E] | undefined

export type EventSink = (event: EventName, payload: unknown) => void

interface Subscriber {
  session: SessionInfo
  caller: string
  sink: EventSink
}

/**
 * The caller key of a session when its shell gives none: one per provider and one per tenant.
 * A shell with several connections per session (the web host: one per token; Electron: one
 * per window) passes its own key, so that one connection's work is not another's.
 */
export function defaultCaller(session: SessionInfo): string {
  return session.role === 'provider' ? 'provider' : `tenant:${session.tenantId}`
}

/** One outlet failing (a closed socket, a payload it cannot send) never stops the others. */
function deliver(sink: EventSink, event: EventName, payload: unknown): void {
  try {
    sink(event, payload)
  } catch (error) {
    console.error(`event ${event}: a subscriber failed: ${String(error).slice(0, 200)}`)
  }
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>()
  private readonly callerGone = new Set<(caller: string) => void>()

  /**
   * A last check of every projected payload before it reaches a tenant session (the tenancy
   * boundary guard is installed here at start-up); a payload it refuses is withheld.
   */
  allowForTenant: (tenantId: string, payload: unknown) => boolean = () => true

  /**
   * Registers a session's outlet (a window, a WebSocket); returns the unsubscribe. `caller`
   * names the connection's owner, as the dispatcher is told it (see `defaultCaller`).
   */
  subscribe(session: SessionInfo, sink: EventSink, caller = defaultCaller(session)): () => void {
    const subscriber = { session, caller, sink }
    this.subscribers.add(subscriber)
    return () => {
      if (!this.subscribers.delete(subscriber)) return
      for (const s of this.subscribers) if (s.caller === caller) return
      for (const listener of [...this.callerGone]) listener(caller)
    }
  }

  /**
   * Calls `listener` with a caller key when that caller's last outlet unsubscribes (its last
   * socket closed, its token revoked): nobody is left to receive its work's results.
   */
  onCallerGone(listener: (caller: string) => void): () => void {
    this.callerGone.add(listener)
    return () => this.callerGone.delete(listener)
  }

  publish<E extends EventName>(
    event: E,
    payload: EventPayloads[E],
    forTenant?: TenantProjection<E>,
  ): void {
    const perTenant = new Map<string, EventPayloads[E] | undefined>()
    let bounded: EventPayloads[E] | undefined
    for (const { session, sink } of [...this.subscribers]) {
      if (session.role === 'provider') {
        deliver(sink, event, (bounded ??= boundedEvent(event, payload)))
        continue
      }
      if (!forTenant) continue
      if (!perTenant.has(session.tenantId)) {
        const given = forTenant(session.tenantId)
        const projected = given === undefined ? undefined : boundedEvent(event, given)
        const allowed = projected !== undefined && this.allowForTenant(session.tenantId, projected)
        perTenant.set(session.tenantId, allowed ? projected : undefined)
      }
      const projected = perTenant.get(session.tenantId)
      if (projected !== undefined) deliver(sink, event, projected)
    }
  }

  /**
   * Delivers `payload` to the outlets of `caller` only (its own work's events), whatever their
   * role; a tenant's outlet still gets it only if the boundary guard allows it.
   */
  publishToCaller<E extends EventName>(caller: string, event: E, given: EventPayloads[E]): void {
    const payload = boundedEvent(event, given)
    for (const { session, caller: owner, sink } of [...this.subscribers]) {
      if (owner !== caller) continue
      if (session.role === 'tenant' && !this.allowForTenant(session.tenantId, payload)) continue
      deliver(sink, event, payload)
    }
  }

  get size(): number {
    return this.subscribers.size
  }
}
