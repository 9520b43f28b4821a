/**
 * Hostile clients for the web host: a host in a child process, raw HTTP/upgrade requests over
 * TCP, hand-made WebSocket frames, and `ws` clients with chosen headers.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { connect as tcpConnect, type Socket } from 'node:net'
import { join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import WebSocket from 'ws'

export const ROOT = join(__dirname, '../..')

export interface ChildHost {
  origin: string
  port: number
  providerToken: string
  tenantToken: string
  root: string
  child: ChildProcess
  /** The exit code, once the child has exited (it must not, during a test). */
  exited: () => number | null | undefined
  stats: () => Promise<{
    stats: Record<string, number>
    handled: Record<string, number>
    /** Calls answered `internal`, with the exception's text. */
    internals: Array<{ call: string; role: string; error: string }>
    /** Promise rejections nothing handled (counted, not fatal, in the host child). */
    unhandledRejections: number
    rssBytes: number
    heapUsedBytes: number
    /** Report jobs running or waiting, and report threads alive, in the host's pool. */
    reportJobs: number
    reportThreads: number
  }>
  stop: () => Promise<void>
}

/** Starts `host-child.ts` under tsx; resolves when it listens. */
export async function startChildHost(env: Record<string, string> = {}): Promise<ChildHost> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(__dirname, 'host-child.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  let exitCode: number | null | undefined
  child.on('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : null)))
  const lines: Interface = createInterface({ input: child.stdout! })
  const waiting: Array<(line: string) => void> = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve)
      child.once('exit', () => reject(new Error('the web host process exited')))
    })
  const first = JSON.parse(await nextLine()) as Omit<
    ChildHost,
    'child' | 'exited' | 'stats' | 'stop' | 'port'
  >
  return {
    ...first,
    port: Number(new URL(first.origin).port),
    child,
    exited: () => exitCode,
    stats: async () => {
      child.stdin!.write('stats\n')
      return JSON.parse(await nextLine())
    },
    stop: async () => {
      if (exitCode !== undefined) return
      const done = new Promise((resolve) => child.once('exit', resolve))
      child.stdin!.end()
      await done
    },
  }
}

/** Sends raw bytes over TCP and collects the answer until the server closes (or `ms`). */
export function rawExchange(port: number, data: string | Buffer, ms = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('latin1'))
    }
    const timer = setTimeout(done, ms)
    socket.on('data', (c) => chunks.push(c))
    socket.on('close', done)
    socket.on('error', done)
    socket.write(data)
  })
}

/** A raw WebSocket upgrade request. */
export function upgradeRequest(path: string, headers: Record<string, string>): string {
  const all: Record<string, string> = {
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    ...headers,
  }
  return (
    `GET ${path} HTTP/1.1\r\n` +
    Object.entries(all)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n'
  )
}

/** The status code of an HTTP answer's first line. */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)
}

/** Opens a WebSocket by hand; resolves with the socket once the 101 has arrived. */
export function rawWebSocket(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1')
    let head = ''
    const onData = (c: Buffer) => {
      head += c.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      socket.off('data', onData)
      if (statusOf(head) === 101) resolve(socket)
      else reject(new Error(head.split('\r\n')[0]))
    }
    socket.on('data', onData)
    socket.on('error', reject)
    socket.write(
      upgradeRequest(`/api?token=${encodeURIComponent(token)}`, { Host: `127.0.0.1:${port}` }),
    )
  })
}

/**
 * A WebSocket frame: `fin`, `opcode`, payload, masked or not, with an optional declared
 * length that differs from the payload's (to lie about it).
 */
export function frame(
  opcode: number,
  payload: Buffer,
  options: { masked?: boolean; declaredLength?: bigint; fin?: boolean } = {},
): Buffer {
  const masked = options.masked ?? true
  const length = options.declaredLength ?? BigInt(payload.length)
  const first = ((options.fin ?? true) ? 0x80 : 0) | opcode
  let header: Buffer
  if (length < 126n) header = Buffer.from([first, (masked ? 0x80 : 0) | Number(length)])
  else if (length < 65536n) {
    header = Buffer.alloc(4)
    header[0] = first
    header[1] = (masked ? 0x80 : 0) | 126
    header.writeUInt16BE(Number(length), 2)
  } else {
    header = Buffer.alloc(10)
    header[0] = first
    header[1] = (masked ? 0x80 : 0) | 127
    header.writeBigUInt64BE(length, 2)
  }
  if (!masked) return Buffer.concat([header, payload])
  const mask = randomBytes(4)
  const body = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)))
  return Buffer.concat([header, mask, body])
}

/** Sends frames on a fresh raw socket; resolves with what came back once it closed (or `ms`). */
export async function sendFrames(
  port: number,
  token: string,
  frames: Buffer[],
  ms = 2000,
): Promise<Buffer> {
  const socket = await rawWebSocket(port, token)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks))
    }
    const timer = setTimeout(done, ms)
    socket.on('data', (c) => chunks.push(c))
    socket.on('close', done)
    socket.on('error', done)
    for (const f of frames) socket.write(f)
  })
}

/** The close code in a server's close frame, if the answer holds one. */
export function closeCodeOf(answer: Buffer): number | undefined {
  for (let i = 0; i + 3 < answer.length; i++)
    if (answer[i] === 0x88 && (answer[i + 1] as number) >= 2) return answer.readUInt16BE(i + 2)
  return undefined
}

/** A `ws` client with chosen headers; rejects with the HTTP status on refusal. */
export function wsConnect(
  url: string,
  headers: Record<string, string> = {},
  options: { origin?: string } = {},
): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers, origin: options.origin })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused ${res.statusCode}`))
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

/** One contract call on an open client. */
export function wsCall(
  ws: WebSocket,
  id: number | string,
  name: string,
  request: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { type: string; id: unknown; result: never }
      if (m.type === 'strata:call' && m.id === id) {
        ws.off('message', onMessage)
        resolve(m.result)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ id, name, request }))
  })
}

/** The next call answer on a client, whatever its id (for answers to garbage). */
export function nextAnswer(
  ws: WebSocket,
): Promise<{ id: unknown; result: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { type: string; id: unknown; result: never }
      if (m.type === 'strata:call') {
        ws.off('message', onMessage)
        resolve(m)
      }
    }
    ws.on('message', onMessage)
  })
}
