/**
 * The web host's transport: one WebSocket to /api carrying `{id, name, request}` calls and
 * `{type:'strata:event'}` pushes. Reconnects after a drop; calls made while disconnected
 * wait for the connection. A close with code 1008 (the token was revoked) is for good: the
 * page is told why (`onLinkClosed`) and no call reconnects.
 */
import { WIRE, type EventName, type Result } from '../../../shared/contract'
import type { Transport } from './transport'

/** The close code main sends to the sockets of a revoked token (`src/main/web/tokens.ts`). */
const REVOKED_CLOSE_CODE = 1008

interface Pending {
  resolve: (result: Result<unknown>) => void
}

export function createWebSocketTransport(url: string): Transport {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket | undefined
  let ready: Promise<WebSocket> | undefined
  /** Why the link was closed for good, once it was. */
  let closedFor: string | undefined
  const closedListeners = new Set<(reason: string) => void>()

  function connect(): Promise<WebSocket> {
    if (closedFor !== undefined) return Promise.reject(new Error(closedFor))
    if (ready) return ready
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.onopen = () => {
        socket = ws
        resolve(ws)
      }
      ws.onerror = () =>
        reject(new Error('cannot reach Strata (the web host closed or the token is wrong)'))
      ws.onclose = (event: CloseEvent) => {
        socket = undefined
        ready = undefined
        if (event.code === REVOKED_CLOSE_CODE && closedFor === undefined) {
          closedFor = event.reason || 'this link was closed'
          for (const listener of [...closedListeners]) listener(closedFor)
        }
        for (const [id, p] of pending) {
          p.resolve({
            ok: false,
            error: { code: 'unavailable', message: closedFor ?? 'connection to Strata lost' },
          })
          pending.delete(id)
        }
      }
      ws.onmessage = (message: MessageEvent<string>) => {
        const data = JSON.parse(message.data) as
          | { type: typeof WIRE.call; id: number; result: Result<unknown> }
          | { type: typeof WIRE.event; event: string; payload: unknown }
        if (data.type === WIRE.call) {
          pending.get(data.id)?.resolve(data.result)
          pending.delete(data.id)
        } else {
          for (const listener of listeners.get(data.event) ?? []) listener(data.payload)
        }
      }
    })
    return ready
  }

  return {
    async call(name, request) {
      let ws: WebSocket
      try {
        ws = socket ?? (await connect())
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: (error as Error).message } }
      }
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, { resolve })
        ws.send(JSON.stringify({ id, name, request }))
      })
    },
    on(event: EventName, listener) {
      void connect().catch(() => undefined)
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
    onLinkClosed(listener) {
      if (closedFor !== undefined) listener(closedFor)
      closedListeners.add(listener)
      return () => closedListeners.delete(listener)
    },
  }
}
