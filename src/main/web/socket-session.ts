/**
 * One WebSocket bound to one session: contract calls in, results and the session's events
 * out. Whatever the client sends, the worst outcome is that this one socket is answered
 * `bad-request` or closed: every listener is guarded, the socket has an error handler (a
 * malformed frame is an `error` event that would otherwise end the process), binary frames
 * close it, and a client cannot pile up unbounded work.
 */
import type { RawData, WebSocket } from 'ws'
import { WIRE, fail, type Result, type SessionInfo } from '../../shared/contract'
import type { Services } from '../services'
import { parseEnvelope } from './envelope'
import { answerTooBigMessage, jsonBytesUpTo } from './answer-cap'
import { formatBytes, messageCapBytes, peekEnvelope } from './message-caps'
import { quoted } from './quote'

/** Calls one socket may have in progress at once; more are answered `unavailable`. */
export const MAX_CALLS_IN_FLIGHT = 32

/** Close codes (RFC 6455): unsupported data, internal error. */
/**
 * Largest message a tenant session may send, in bytes. Tenant calls are small requests; the
 * provider's limit (a whole design in `design:load`) would let a tenant make the server parse
 * tens of MiB and stall every session.
 */
export const MAX_TENANT_MESSAGE_BYTES = 64 * 1024

const CLOSE_UNSUPPORTED = 1003
const CLOSE_TOO_BIG = 1009
const CLOSE_INTERNAL = 1011

/** Counters of what a web host refused or survived, for tests and diagnostics. */
export interface WebHostStats {
  /** Upgrades or requests refused for their `Origin` (another page). */
  originsRefused: number
  /** Requests refused for their `Host`. */
  hostsRefused: number
  /** Requests refused for a missing, wrong or cookie-only token. */
  tokensRefused: number
  /** Malformed targets, bad upgrade requests. */
  badRequests: number
  /** Messages answered `bad-request` before dispatch (not JSON, not an envelope, too deep). */
  badMessages: number
  /** Sockets closed for protocol errors (bad frames, binary, oversize). */
  socketErrors: number
  /** Exceptions caught on the HTTP, upgrade or socket paths (each a bug, none fatal). */
  caught: number
  /** Answers refused for their size (more than the frame limit; `answer-cap.ts`). */
  answersTooBig: number
}

export function newStats(): WebHostStats {
  return {
    originsRefused: 0,
    hostsRefused: 0,
    tokensRefused: 0,
    badRequests: 0,
    badMessages: 0,
    socketErrors: 0,
    caught: 0,
    answersTooBig: 0,
  }
}

/**
 * The calls in progress on every socket of one host, so that a stopping host answers them
 * before it closes the sockets (review s10a #9: a save in progress at SIGTERM completed on
 * disk, but its socket closed first and its caller never heard). Once `stopping`, new calls
 * are answered `unavailable`.
 */
export class HostCalls {
  private readonly pending = new Map<Promise<unknown>, string>()
  /** Set when the host begins to stop: calls received from then on are refused. */
  stopping = false

  /** Keeps `call` (named `name`) until it has been answered. */
  track(name: string, call: Promise<unknown>): void {
    this.pending.set(call, name)
    void call.finally(() => this.pending.delete(call))
  }

  /** The names of the calls in progress, e.g. `['files:save-as']`. */
  names(): string[] {
    return [...this.pending.values()]
  }

  /** Resolves once every call in progress is answered, or after `waitMs`; the count left. */
  async settle(waitMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.allSettled([...this.pending.keys()]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
    ])
    clearTimeout(timer)
    return this.pending.size
  }
}

function sendJson(ws: WebSocket, message: unknown, stats: WebHostStats): void {
  if (ws.readyState !== ws.OPEN) return
  try {
    ws.send(JSON.stringify(message))
  } catch {
    stats.caught++
    ws.close(CLOSE_INTERNAL, 'could not send')
  }
}

/**
 * Sends the answer `result` to call `id` named `name`, unless it would be more than
 * `capBytes` of JSON: then the call is answered `unavailable`, naming the call, the cap and
 * the size (review s7a #8: a 1,000,000-instance placement held the host ~9.5 s, then closed
 * the socket naming nothing). The size is counted before the text is built, stopping at the
 * cap, so a huge answer costs a cap's worth of counting, not its own size.
 */
function sendAnswer(
  ws: WebSocket,
  id: number | string | null,
  name: string | undefined,
  result: Result<unknown>,
  capBytes: number,
  stats: WebHostStats,
): void {
  const envelope = { type: WIRE.call, id, result }
  if (!Number.isFinite(capBytes) || ws.readyState !== ws.OPEN) return sendJson(ws, envelope, stats)
  const refuse = (sizeBytes: number, counted: 'exact' | 'at least'): void => {
    stats.answersTooBig++
    const call = name ?? 'this call'
    sendJson(
      ws,
      {
        ...envelope,
        result: fail('unavailable', answerTooBigMessage(call, capBytes, sizeBytes, counted)),
      },
      stats,
    )
  }
  const counted = jsonBytesUpTo(envelope, capBytes)
  if (counted > capBytes) return refuse(counted, 'at least')
  let text: string
  try {
    text = JSON.stringify(envelope)
  } catch {
    stats.caught++
    ws.close(CLOSE_INTERNAL, 'could not send')
    return
  }
  const bytes = Buffer.byteLength(text)
  if (bytes > capBytes) return refuse(bytes, 'exact')
  try {
    ws.send(text)
  } catch {
    stats.caught++
    ws.close(CLOSE_INTERNAL, 'could not send')
  }
}

/**
 * Binds `ws` to the session of the token whose public id is `identity.id` (the caller key of
 * every call it makes and of the events about its own work); cleans up on close. A message
 * larger than its call's cap (`message-caps.ts`; `frameBytes` is the host's frame limit) is
 * answered `bad-request` naming the call and the cap, before it is decoded or parsed.
 */
export function serveSocket(
  ws: WebSocket,
  identity: { id: string; session: SessionInfo },
  services: Services,
  stats: WebHostStats,
  release: () => void,
  frameBytes: number = Number.POSITIVE_INFINITY,
  calls: HostCalls = new HostCalls(),
): void {
  const { session, id: caller } = identity
  let inFlight = 0
  ws.on('error', () => {
    stats.socketErrors++
  })
  const unsubscribe = services.ctx.hub.subscribe(
    session,
    (event, payload) => sendJson(ws, { type: WIRE.event, event, payload }, stats),
    caller,
  )
  ws.on('close', () => {
    unsubscribe()
    release()
  })
  const answer = (id: number | string | null, result: Result<unknown>, name?: string): void =>
    sendAnswer(ws, id, name, result, frameBytes, stats)

  ws.on('message', (data: RawData, isBinary: boolean) => {
    try {
      // A socket being closed (its token revoked, say) is served no more calls.
      if (ws.readyState !== ws.OPEN) return
      if (isBinary) {
        stats.socketErrors++
        ws.close(CLOSE_UNSUPPORTED, 'only text messages')
        return
      }
      const bytes = Array.isArray(data)
        ? data.reduce((n, b) => n + b.length, 0)
        : (data as ArrayBuffer | Buffer).byteLength
      if (session.role === 'tenant' && bytes > MAX_TENANT_MESSAGE_BYTES) {
        stats.badMessages++
        ws.close(CLOSE_TOO_BIG, `tenant messages are at most ${MAX_TENANT_MESSAGE_BYTES} bytes`)
        return
      }
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data as ArrayBuffer)
      // A call that carries no design is refused by its size before anything is parsed.
      const refuse = (callId: number | string | null, name: string | undefined): boolean => {
        const cap = messageCapBytes(name, frameBytes)
        if (bytes <= cap) return false
        stats.badMessages++
        answer(
          callId,
          fail(
            'bad-request',
            `${name === undefined ? 'a message without a plain "name"' : `"${quoted(name)}" messages`} ` +
              `may be at most ${formatBytes(cap)}; this one is ${formatBytes(bytes)}`,
          ),
        )
        return true
      }
      // Below the smallest cap (an unnamed call's) no call's cap is exceeded: no scan.
      if (bytes > messageCapBytes(undefined, frameBytes)) {
        const peek = peekEnvelope(buffer)
        if (refuse(peek.id ?? null, peek.name)) return
      }
      const parsed = parseEnvelope(buffer.toString('utf8'))
      if (!parsed.ok) {
        stats.badMessages++
        answer(parsed.id, fail('bad-request', parsed.message))
        return
      }
      const { id, name, request } = parsed.envelope
      // The parsed call is the one whose cap counts (the scan may not have read its name).
      if (refuse(id, name)) return
      if (inFlight >= MAX_CALLS_IN_FLIGHT) {
        answer(id, fail('unavailable', `too many calls in progress (${MAX_CALLS_IN_FLIGHT})`))
        return
      }
      if (calls.stopping) {
        answer(id, fail('unavailable', 'the host is stopping; this call was not run'))
        return
      }
      inFlight++
      const call = services
        .dispatch(session, name, request, caller)
        .catch(() => {
          stats.caught++
          return fail('internal', 'the call failed (internal error)')
        })
        .then((result) => {
          inFlight--
          answer(id, result, name)
        })
        .catch(() => {
          stats.caught++
        })
      calls.track(name, call)
    } catch {
      stats.caught++
      ws.close(CLOSE_INTERNAL, 'internal error')
    }
  })
}
