/**
 * Where the experiment pool's worker module is: from the bundle, `experiment-worker.js` in
 * the bundle's folder (or its parent, from a shared chunk); from source, pool-worker-dev.mjs
 * (which registers tsx in the thread and loads pool-worker.ts).
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of the worker module for piscina; throws when none is found. */
export function experimentWorkerFile(moduleUrl: string = import.meta.url): string {
  const here = fileURLToPath(moduleUrl)
  const dir = dirname(here)
  const candidates = here.endsWith('.ts')
    ? [join(dir, 'pool-worker-dev.mjs')]
    : [join(dir, 'experiment-worker.js'), join(dir, '..', 'experiment-worker.js')]
  for (const candidate of candidates) if (existsSync(candidate)) return candidate
  throw new Error(`cannot find the experiment worker (looked for ${candidates.join(', ')})`)
}
