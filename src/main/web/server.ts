/**
 * The web host: serves the built renderer and the contract over a WebSocket, on 127.0.0.1
 * only. Every request needs a session token (per launch, random): the page URL carries it
 * once, the server answers with an HttpOnly cookie for the assets, and the WebSocket checks
 * it again. A tenant-bound token gives a tenant session, nothing else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { WIRE, fail, type SessionInfo } from '../../shared/contract'
import type { Services } from '../services'
import { readStatic, WEB_CSP } from './static-files'
import { SessionTokens } from './tokens'

export interface WebHost {
  /** Base URL, e.g. http://127.0.0.1:4173 */
  origin: string
  /** URL that opens the provider view (carries the provider token). */
  url: string
  tokens: SessionTokens
  urlFor: (token: string) => string
  close: () => Promise<void>
}

const COOKIE = 'strata_token'
/** Largest request a client may send (a design upload included). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=')
    if (k === COOKIE && v) return decodeURIComponent(v)
  }
  return undefined
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(message)
}

export async function startWebHost(
  services: Services,
  options: { rendererDir: string; port?: number; providerToken?: string },
): Promise<WebHost> {
  const tokens = new SessionTokens()
  const providerToken = tokens.mint({ role: 'provider' }, options.providerToken)
  let origin = ''
  const urlFor = (token: string): string => `${origin}/?token=${encodeURIComponent(token)}`
  services.ctx.tokens = {
    mint: (session) => {
      const token = tokens.mint(session)
      return { token, url: urlFor(token) }
    },
    revoke: (token) => tokens.revoke(token),
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed')
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const queryToken = url.searchParams.get('token')
      const token = queryToken ?? cookieToken(req)
      if (!tokens.resolve(token))
        return deny(res, 401, 'Strata: this address needs the token printed by `strata serve`.')
      const file = await readStatic(options.rendererDir, url.pathname)
      if (!file) return deny(res, 404, 'not found')
      const headers: Record<string, string> = {
        'content-type': file.type,
        'content-security-policy': WEB_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      }
      if (queryToken)
        headers['set-cookie'] =
          `${COOKIE}=${encodeURIComponent(queryToken)}; HttpOnly; SameSite=Strict; Path=/`
      res.writeHead(200, headers)
      res.end(req.method === 'HEAD' ? undefined : file.body)
    })().catch((error: unknown) => deny(res, 500, String(error)))
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const session =
      url.pathname === '/api'
        ? tokens.resolve(url.searchParams.get('token') ?? cookieToken(req))
        : undefined
    const hostOk = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')
    if (!session || !hostOk) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n')
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, session))
  })

  function serveSocket(ws: WebSocket, session: SessionInfo): void {
    const unsubscribe = services.ctx.hub.subscribe(session, (event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: WIRE.event, event, payload }))
    })
    ws.on('close', unsubscribe)
    ws.on('message', (data) => {
      let message: { id?: unknown; name?: unknown; request?: unknown }
      try {
        message = JSON.parse(String(data)) as typeof message
      } catch {
        ws.send(
          JSON.stringify({
            type: WIRE.call,
            id: null,
            result: fail('bad-request', 'message is not JSON'),
          }),
        )
        return
      }
      const id =
        typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null
      void services.dispatch(session, message.name, message.request).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: WIRE.call, id, result }))
      })
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: urlFor(providerToken),
    tokens,
    urlFor,
    close: async () => {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
