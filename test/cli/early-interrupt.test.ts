/**
 * A Ctrl+C in the first second of a `strata` command, while Node loads the CLI, ended it with
 * exit 130 and no word (closing note s8, "Not fixed"). Now the command's first line installs a
 * handler that says "strata: interrupted" (exit 130; SIGTERM 143: 128 + the signal's number)
 * until a command installs its own. Real child processes of `bin/strata.js`, the user's entry;
 * the signal is sent as soon as the handler is in place (a preloaded probe says so on fd 3), so
 * the CLI is still loading however loaded the machine is.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const PROBE = pathToFileURL(join(ROOT, 'test/support/cli/interrupt-ready.mjs')).href

interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
  /** Milliseconds from the spawn to the signal. */
  sentAtMs: number
}

/** Runs `node --import PROBE script args`, sends `signal` once the probe says ready. */
function interruptEarly(script: string, args: string[], signal: NodeJS.Signals): Promise<Ended> {
  const start = performance.now()
  const child = spawn(process.execPath, ['--import', PROBE, script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  let sentAtMs = -1
  child.stdout?.on('data', (d: Buffer) => (out += String(d)))
  child.stderr?.on('data', (d: Buffer) => (err += String(d)))
  const send = (): void => {
    if (sentAtMs >= 0) return
    sentAtMs = performance.now() - start
    child.kill(signal)
  }
  child.stdio[3]?.on('data', send)
  // a command without the handler never says ready: signal it anyway, so the test fails, not hangs
  const fallback = setTimeout(send, 20_000)
  return new Promise((resolve) => {
    child.on('exit', (code, sig) => {
      clearTimeout(fallback)
      resolve({ code, signal: sig, out, err, sentAtMs })
    })
  })
}

describe('Ctrl+C while the strata command loads', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s says "strata: interrupted" and exits %i, with nothing done',
    async (signal, code) => {
      const ended = await interruptEarly(
        join(ROOT, 'bin/strata.js'),
        ['simulate', 'resources/samples/two-hall.strata.json'],
        signal,
      )
      expect(ended.signal, 'ended by the signal, unhandled').toBeNull()
      expect(ended.err).toBe('strata: interrupted\n')
      expect(ended.code).toBe(code)
      expect(ended.out).toBe('') // the run had not started
    },
    60_000,
  )

  it("gives way to a command's own handler", async () => {
    const script = [
      `import { sayInterruptedUntilHandled } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/early-interrupt.mjs')).href)}`,
      'sayInterruptedUntilHandled()',
      "process.on('SIGINT', () => { process.stderr.write('stopped at step 3\\n'); process.exit(130) })",
      'setInterval(() => {}, 1000)',
    ].join('\n')
    const ended = await interruptEarly('--input-type=module', ['-e', script], 'SIGINT')
    expect(ended.err).toBe('stopped at step 3\n')
    expect(ended.code).toBe(130)
  }, 60_000)
})
