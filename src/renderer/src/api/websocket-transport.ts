/**
 * The web host's transport: one WebSocket to /api carrying `{id, name, request}` calls and
 * `{type:'strata:event'}` pushes. Reconnects after a drop; calls made while disconnected
 * wait for the connection.
 */
import { WIRE, type EventName, type Result } from '../../../shared/contract'
import type { Transport } from './transport'

interface Pending {
  resolve: (result: Result<unknown>) => void
}

export function createWebSocketTransport(url: string): Transport {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket | undefined
  let ready: Promise<WebSocket> | undefined

  function connect(): Promise<WebSocket> {
    if (ready) return ready
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.onopen = () => {
        socket = ws
        resolve(ws)
      }
      ws.onerror = () =>
        reject(new Error('cannot reach Strata (the web host closed or the token is wrong)'))
      ws.onclose = () => {
        socket = undefined
        ready = undefined
        for (const [id, p] of pending) {
          p.resolve({
            ok: false,
            error: { code: 'unavailable', message: 'connection to Strata lost' },
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
  }
}
