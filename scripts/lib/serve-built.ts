/**
 * Starts the built web host (`out/main/cli.js serve FILE --port 0`, so `npm run build` first)
 * on a free loopback port with a fresh data folder, for the bench and screenshot scripts.
 * Resolves with the URL it prints (session token included) once it serves; rejects if it
 * exits first. `stop` sends SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ServedApp {
  url: string
  child: ChildProcess
  stop: () => void
}

export interface ServeOptions {
  /** The checkout whose build to serve (default: the working directory). */
  cwd?: string
  /** Node flags before the script, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[]
  /** Prefix of the temporary data folder's name. */
  dataDirPrefix?: string
}

export async function serveBuilt(file: string, options: ServeOptions = {}): Promise<ServedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), options.dataDirPrefix ?? 'strata-script-'))
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), 'out/main/cli.js', 'serve', file, '--port', '0'],
    {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { ...process.env, STRATA_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += String(chunk)
      const match = /serving on (\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`strata serve exited with ${code}`)))
  })
  return { url, child, stop: () => child.kill('SIGTERM') }
}
