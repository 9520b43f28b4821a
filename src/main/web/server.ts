/**
 * The web host: serves the built renderer and the contract over a WebSocket, on 127.0.0.1
 * only. The page URL carries the session token (per launch, random); the server answers with
 * an HttpOnly cookie holding only an asset key, which opens the static files for the app's
 * own page and never the API. The WebSocket needs the token in its URL, an `Origin` of the
 * served page (or none, for a non-browser client), and a `Host` naming this server. A
 * tenant-bound token gives a tenant session, nothing else. Nothing a client sends can end
 * the process: see `request-guard.ts`, `envelope.ts` and `socket-session.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { Services } from '../services'
import {
  allowedHosts,
  allowedOrigins,
  checkHost,
  checkUpgradeOrigin,
  cookieRequestIsOwnPage,
  parseTarget,
  readCookie,
  type Refusal,
} from './request-guard'
import { HostCalls, newStats, serveSocket, type WebHostStats } from './socket-session'
import { readStatic, WEB_CSP } from './static-files'
import { SessionTokens } from './tokens'

export interface WebHost {
  /** Base URL, e.g. http://127.0.0.1:4173 */
  origin: string
  /** URL that opens the provider view (carries the provider token). */
  url: string
  tokens: SessionTokens
  urlFor: (token: string) => string
  /** What was refused and survived so far. */
  stats: WebHostStats
  /** The names of the calls in progress on its sockets (e.g. `files:save-as`). */
  callsInProgress: () => string[]
  /**
   * Stops: calls in progress are answered first (at most CALLS_WAIT_MS; calls received
   * meanwhile are answered `unavailable`), then the sockets close (1001) and the server.
   */
  close: () => Promise<void>
}

/** The close reason a tenant page shows when the provider opened another design. */
export const LINK_CLOSED_REASON = 'the provider opened another design'

/**
 * Largest message a client may send (a design upload included); larger closes the socket.
 * Calls that carry no design nor file have a far smaller cap (`message-caps.ts`).
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

/** Close code (RFC 6455) of the sockets of a host that stops: going away. */
const CLOSE_GOING_AWAY = 1001
/** How long a stopping host waits for its sockets to close politely, in milliseconds. */
const CLOSE_WAIT_MS = 1000
/** How long a stopping host waits for the calls in progress to be answered, in milliseconds. */
export const CALLS_WAIT_MS = 5_000

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' } as const

function deny(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(message)
}

function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = refusal.reason
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

export async function startWebHost(
  services: Services,
  options: {
    rendererDir: string
    port?: number
    providerToken?: string
    /** Largest message accepted (default `MAX_MESSAGE_BYTES`); larger closes the socket. */
    maxMessageBytes?: number
  },
): Promise<WebHost> {
  const tokens = new SessionTokens()
  const providerToken = tokens.mint({ role: 'provider' }, options.providerToken)
  const stats = newStats()
  const calls = new HostCalls()
  let origin = ''
  let hosts = new Set<string>()
  let origins = new Set<string>()
  let cookieName = 'strata_asset'
  const urlFor = (token: string): string => `${origin}/?token=${encodeURIComponent(token)}`
  services.ctx.tokens = {
    mint: (session) => {
      const token = tokens.mint(session)
      return { token, url: urlFor(token) }
    },
    revoke: (idOrToken) => tokens.revoke(idOrToken),
    list: () => tokens.listTenantTokens(),
  }
  // A tenant link is bound to the design it was minted for (review s5 #4, s6 #3): opening
  // another design (open, new, sample, import, an experiment's run) revokes every link and
  // closes its sockets first, before anything of the new design is computed or pushed, so an
  // old link never sees the new design's tenant that happens to have the same id.
  const stopDesignWatch = services.ctx.epoch.onReplaced('close-links', () => {
    tokens.revokeTenantTokens(LINK_CLOSED_REASON)
  })

  async function serveRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed')
    const hostRefused = checkHost(req.headers, hosts)
    if (hostRefused) {
      stats.hostsRefused++
      return deny(res, hostRefused.status, hostRefused.reason)
    }
    const target = parseTarget(req.url)
    if (!target) {
      stats.badRequests++
      return deny(res, 400, 'bad request target')
    }
    const queryToken = target.searchParams.get('token')
    const byToken = queryToken !== null && tokens.resolve(queryToken) !== undefined
    const byCookie =
      !byToken &&
      tokens.assetKeyValid(readCookie(req.headers.cookie, cookieName)) &&
      cookieRequestIsOwnPage(req.headers, origins)
    if (!byToken && !byCookie) {
      stats.tokensRefused++
      return deny(res, 401, 'Strata: this address needs the token printed by `strata serve`.')
    }
    const file = await readStatic(options.rendererDir, target.pathname)
    if (!file) return deny(res, 404, 'not found')
    const headers: Record<string, string> = {
      'content-type': file.type,
      'content-security-policy': WEB_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
      'x-frame-options': 'DENY',
    }
    const assetKey = byToken && queryToken ? tokens.assetKeyFor(queryToken) : undefined
    if (assetKey)
      headers['set-cookie'] =
        `${cookieName}=${encodeURIComponent(assetKey)}; HttpOnly; SameSite=Strict; Path=/`
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const server = createServer((req, res) => {
    serveRequest(req, res).catch(() => {
      stats.caught++
      deny(res, 500, 'internal error')
    })
  })
  // A malformed HTTP request (bad header, oversize) ends that connection only.
  server.on('clientError', (_error, socket: Duplex) => {
    stats.badRequests++
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    socket.destroy()
  })

  const frameBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES
  const wss = new WebSocketServer({ noServer: true, maxPayload: frameBytes })
  wss.on('error', () => {
    stats.caught++
  })

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const hostRefused = checkHost(req.headers, hosts)
    if (hostRefused) {
      stats.hostsRefused++
      return refuseUpgrade(socket, hostRefused)
    }
    const originRefused = checkUpgradeOrigin(req.headers, origins)
    if (originRefused) {
      stats.originsRefused++
      return refuseUpgrade(socket, originRefused)
    }
    const target = parseTarget(req.url)
    if (!target || target.pathname !== '/api') {
      stats.badRequests++
      return refuseUpgrade(socket, { status: 400, reason: 'the API is at /api' })
    }
    // The token must be in the request itself: the cookie never opens the API.
    const token = target.searchParams.get('token')
    const identity = tokens.identify(token)
    if (!identity || token === null) {
      stats.tokensRefused++
      return refuseUpgrade(socket, { status: 401, reason: 'a valid token is needed' })
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      try {
        const release = tokens.attach(token, {
          // Close politely, then cut: a client that ignores the close frame is served nothing
          // meanwhile (serveSocket drops messages once the socket is closing) and is gone soon.
          close: (code, reason) => {
            ws.close(code, reason)
            setTimeout(() => ws.terminate(), 1000).unref()
          },
        })
        // The token's id is the caller: its sockets (tabs of one link) share their jobs; another
        // link, even of the same tenant, does not see them.
        serveSocket(ws, identity, services, stats, release, frameBytes, calls)
      } catch {
        stats.caught++
        ws.terminate()
      }
    })
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    try {
      upgrade(req, socket, head)
    } catch {
      stats.caught++
      socket.destroy()
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  hosts = allowedHosts(port)
  origins = allowedOrigins(port)
  // Cookies are shared by every port of a host name: one name per port keeps two hosts apart.
  cookieName = `strata_asset_${port}`
  server.on('error', () => {
    stats.caught++
  })
  return {
    origin,
    url: urlFor(providerToken),
    tokens,
    urlFor,
    stats,
    callsInProgress: () => calls.names(),
    close: async () => {
      stopDesignWatch()
      // Calls in progress (a save writing its file) are answered while their sockets are
      // open (review s10a #9); calls that arrive meanwhile are refused.
      calls.stopping = true
      await calls.settle(CALLS_WAIT_MS)
      // Politely first, so answers already written reach their callers (review s8a #6: a
      // socket cut at shutdown lost its answer, 1006); then cut whatever has not closed.
      const open = [...wss.clients]
      await Promise.race([
        Promise.all(
          open.map(
            (client) =>
              new Promise<void>((resolve) => {
                client.once('close', () => resolve())
                client.close(CLOSE_GOING_AWAY, 'the host is stopping')
              }),
          ),
        ),
        new Promise<void>((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref()),
      ])
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
