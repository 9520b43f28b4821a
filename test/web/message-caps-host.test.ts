/**
 * Per-call message caps on a real web host (review s6a #7): a provider's 59 MB
 * `simulation:host-series` (10^6 ids; before, it held the host about 3.8 s until the schema's
 * 500-id limit refused it) is refused by its size, naming the call and its cap, before it is
 * parsed; a second client's calls keep being answered meanwhile; a design-carrying call over
 * the small cap still reaches its own checks. A real host in its own process, the big client
 * in another (building and masking 59 MB must not delay this process's probe), real sockets.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { ROOT, startChildHost, wsCall, wsConnect, type ChildHost } from './helpers'

let host: ChildHost
let probe: WebSocket
const api = (token: string) =>
  `${host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`

beforeAll(async () => {
  host = await startChildHost()
  probe = await wsConnect(api(host.providerToken))
})
afterAll(async () => {
  probe?.close()
  await host?.stop()
})

/** Runs the big client (`n` ids) in its own process; `onLine` gets each line it prints. */
function bigClient(n: number, onLine: (line: string) => void): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'big-message-client.mjs'), api(host.providerToken), String(n)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  createInterface({ input: child.stdout }).on('line', onLine)
  return new Promise((resolve) => child.on('exit', resolve))
}

interface Answer {
  ok: boolean
  error?: { code: string; message: string }
}

describe('a small call sent in a huge message', () => {
  it(
    'is refused by its size, naming the call and its cap; the other client is answered meanwhile',
    { timeout: 120_000 },
    async () => {
      const lines: string[] = []
      let sent!: () => void
      const onItsWay = new Promise<void>((resolve) => (sent = resolve))
      let answered = false
      const exited = bigClient(1_000_000, (line) => {
        lines.push(line)
        if (line.startsWith('sent ')) sent()
      }).then((code) => {
        answered = true
        return code
      })
      await Promise.race([onItsWay, exited])
      // The other client asks as soon as the big message is written, and again until the big
      // one is answered: every ask must be answered within a second.
      const waitsMs: number[] = []
      let n = 0
      while (!answered) {
        const at = performance.now()
        const info = await wsCall(probe, `info-${n++}`, 'app:info', {})
        expect(info.ok).toBe(true)
        waitsMs.push(performance.now() - at)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(await exited).toBe(0)
      expect(Number(lines[0]?.slice('sent '.length))).toBeGreaterThan(58_000_000)
      const answer = JSON.parse(lines[1] ?? '{}') as Answer
      expect(answer.ok).toBe(false)
      expect(answer.error?.code).toBe('bad-request')
      expect(answer.error?.message).toMatch(
        /^"simulation:host-series" messages may be at most 1 MiB; this one is 5\d,\d{3},\d{3} bytes$/,
      )
      expect(waitsMs.length).toBeGreaterThan(0)
      expect(Math.max(...waitsMs)).toBeLessThan(1000)
      expect(host.exited()).toBeUndefined()
    },
  )

  it('a design-carrying call of 2 MiB passes the size check to its own checks', async () => {
    const document = { padding: 'x'.repeat(2 * 1024 * 1024) }
    const answer = await wsCall(probe, 'load', 'design:load', { document })
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('invalid-design')
  })
})
