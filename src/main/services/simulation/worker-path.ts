/**
 * How to start the worker: from the bundle, `simulation-worker.js` in the bundle's folder
 * (or its parent, when this code sits in a shared chunk); from source (tsx), `worker.ts`
 * beside this file, loaded through a tiny ESM bootstrap that registers tsx in the thread.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** What to pass to `new Worker(...)`. */
export interface WorkerEntry {
  /** A file path or a `data:` URL of the bootstrap. */
  target: string | URL
}

export function simulationWorkerEntry(
  moduleUrl: string = import.meta.url,
): WorkerEntry | undefined {
  const here = fileURLToPath(moduleUrl)
  const dir = dirname(here)
  if (here.endsWith('.ts')) {
    const file = join(dir, 'worker.ts')
    if (!existsSync(file)) return undefined
    let tsxApi: string
    try {
      tsxApi = createRequire(moduleUrl)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs')
    } catch {
      return undefined
    }
    const code = [
      `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};`,
      'register();',
      `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    ].join('\n')
    return { target: new URL(`data:text/javascript,${encodeURIComponent(code)}`) }
  }
  for (const candidate of [
    join(dir, 'simulation-worker.js'),
    join(dir, '..', 'simulation-worker.js'),
  ])
    if (existsSync(candidate)) return { target: candidate }
  return undefined
}
