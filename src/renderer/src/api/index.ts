/**
 * The only code in the renderer that talks to main. `api.call` and `api.on` are typed by
 * the contract; the transport is the Electron preload bridge when present, else the web
 * host's WebSocket (the token comes from the page URL).
 */
import type {
  CallName,
  EventName,
  EventPayloads,
  Req,
  Res,
  Result,
  StrataApi,
} from '../../../shared/contract'
import type { Transport } from './transport'
import { createWebSocketTransport } from './websocket-transport'

function pickTransport(): Transport {
  if (window.strata) return window.strata as Transport
  const token = new URLSearchParams(window.location.search).get('token') ?? ''
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return createWebSocketTransport(
    `${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`,
  )
}

let transport: Transport | undefined

/** Replaces the transport (component tests use an in-process one). */
export function setTransport(next: Transport): void {
  transport = next
}

function current(): Transport {
  transport ??= pickTransport()
  return transport
}

export const api: StrataApi = {
  call<K extends CallName>(name: K, request: Req<K>): Promise<Result<Res<K>>> {
    return current().call(name, request) as Promise<Result<Res<K>>>
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return current().on(event, listener as (payload: unknown) => void)
  },
}

/**
 * Calls `listener` with main's reason when this session's link is closed for good (a tenant
 * link revoked); returns the unsubscribe. Never called in Electron.
 */
export function onLinkClosed(listener: (reason: string) => void): () => void {
  return current().onLinkClosed?.(listener) ?? (() => undefined)
}

/** Calls and unwraps: throws an Error carrying the typed error for callers that want exceptions. */
export async function callOrThrow<K extends CallName>(name: K, request: Req<K>): Promise<Res<K>> {
  const result = await api.call(name, request)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { strata: result.error })
  return result.value
}

export type { Transport } from './transport'
