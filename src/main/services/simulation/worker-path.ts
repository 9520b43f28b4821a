/**
 * How to start a worker thread of the main process: from the bundle, its `.js` in the
 * bundle's folder (or its parent, when this code sits in a shared chunk); from source (tsx),
 * its `.ts` (the simulation's `worker.ts` beside this file), loaded through a tiny ESM
 * bootstrap that registers tsx in the thread. (Reports run on a piscina pool that finds its
 * own module: `../reports/report-off-thread.ts`.)
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

/** The simulation run worker (`simulation-worker.js`, from source `worker.ts`). */
export function simulationWorkerEntry(
  moduleUrl: string = import.meta.url,
): WorkerEntry | undefined {
  return workerEntry('simulation-worker.js', 'worker.ts', moduleUrl)
}

/**
 * A worker's entry: `bundled` (a file name) beside the bundle or in its parent; from source,
 * `source` (a path relative to this file's folder). `undefined` when neither is found.
 */
function workerEntry(bundled: string, source: string, moduleUrl: string): WorkerEntry | undefined {
  const here = fileURLToPath(moduleUrl)
  const dir = dirname(here)
  if (here.endsWith('.ts')) {
    const file = join(dir, source)
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
  for (const candidate of [join(dir, bundled), join(dir, '..', bundled)])
    if (existsSync(candidate)) return { target: candidate }
  return undefined
}
