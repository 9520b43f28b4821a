/**
 * Real processes for the queue tests: a `redis-server` (Debian's package) on a free
 * loopback port with no persistence, and `strata worker` processes from source (tsx).
 * Each is stopped by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = join(import.meta.dirname, '..', '..')

/** A free TCP port on 127.0.0.1 (asks the kernel for one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Resolves when `child`'s stdout has printed a line matching `pattern`. */
function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${text}`)), timeoutMs)
    const onData = (chunk: Buffer): void => {
      text += chunk.toString()
      const line = text.split('\n').find((l) => pattern.test(l))
      if (line !== undefined) {
        clearTimeout(timer)
        resolve(line)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}: ${text}`))
    })
  })
}

/** Stops `child` with `signal` and waits for it to exit. */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

export interface RedisProcess {
  url: string
  port: number
  child: ChildProcess
}

/** Starts redis-server on `port` (a free one by default) and waits until it accepts clients. */
export async function startRedis(port?: number): Promise<RedisProcess> {
  const p = port ?? (await freePort())
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(p),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  await waitForLine(child, /Ready to accept connections/, 'redis-server', 20_000)
  return { url: `redis://127.0.0.1:${p}`, port: p, child }
}

export interface WorkerProcess {
  child: ChildProcess
  name: string
  /** Everything it wrote to stderr so far. */
  stderr: () => string
}

/**
 * Starts `strata worker` from source and waits for its ready line. Node itself runs the
 * worker with tsx's loader (not tsx's CLI, which runs it in a child of its own): a signal,
 * SIGKILL included, reaches the worker, so no worker outlives its test.
 */
export async function startWorker(url: string, args: string[] = []): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
      join(ROOT, 'src/main/cli/index.ts'),
      'worker',
      '--queue',
      url,
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const line = await waitForLine(child, /^strata worker \S+: taking runs/, 'strata worker')
  return { child, name: (line.split(' ')[2] as string).replace(/:$/, ''), stderr: () => err }
}
