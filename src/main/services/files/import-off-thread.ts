/**
 * `files:import` parses off the event loop (closing note s9: a NetBox CSV of up to 1,000
 * columns and 100,000 rows parsed on main's thread, about 3.5 s of CPU in which the web host
 * answered no other socket). One pool thread (piscina, as the report pool) converts the file;
 * main's thread only adopts the design it sends back.
 * - At most `MAX_IMPORT_THREADS` imports convert at once and `MAX_QUEUED_IMPORTS` more wait;
 *   one past that is refused with `ImportQueueFull` (never queued without bound).
 * - The thread's heap is bounded (`IMPORT_WORKER_HEAP_MIB`): beyond it the import fails with
 *   a clear message and only that thread ends.
 * - An idle thread ends after `IDLE_MS`; `destroyImportPool` ends it at shutdown.
 * Without a worker module (a build without `import-worker.js`) the file is converted here.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { ImportResult } from '../../engine'
import { importFile } from './import-worker'

/** What the import thread is given: the file's text, its format and the design's name. */
export interface ImportTask {
  format: 'netbox-csv' | 'opendc'
  contents: string
  name?: string
}

/** Imports converting at once (pool threads). */
export const MAX_IMPORT_THREADS = 1
/** Imports waiting for the thread; one more is refused. */
export const MAX_QUEUED_IMPORTS = 4
/** Largest old-generation heap of the import thread, in MiB. */
export const IMPORT_WORKER_HEAP_MIB = 1536
/** An idle import thread ends after this long, in milliseconds. */
const IDLE_MS = 30_000

/** An import the pool could not take or finish; its message is for the user. */
export class ImportUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ImportUnavailable'
  }
}

/**
 * The import worker module: from the bundle, `import-worker.js` beside it (or in its parent,
 * from a shared chunk); from source, `import-worker-dev.mjs` (registers tsx). `undefined`
 * when neither exists.
 */
export function importWorkerFile(moduleUrl: string = import.meta.url): string | undefined {
  const here = fileURLToPath(moduleUrl)
  const dir = dirname(here)
  const candidates = here.endsWith('.ts')
    ? [join(dir, 'import-worker-dev.mjs')]
    : [join(dir, 'import-worker.js'), join(dir, '..', 'import-worker.js')]
  return candidates.find((candidate) => existsSync(candidate))
}

let shared: Piscina | undefined
let pending = 0

function pool(filename: string): Piscina {
  if (shared) return shared
  shared = new Piscina({
    filename,
    minThreads: 0,
    maxThreads: MAX_IMPORT_THREADS,
    maxQueue: MAX_QUEUED_IMPORTS,
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MIB },
  })
  // A thread that fails with no task of its own (rare) must not throw on the host.
  shared.on('error', () => undefined)
  return shared
}

/**
 * Converts a file in the import thread (here when there is no worker module). Throws
 * `ImportUnavailable` when too many imports are running and waiting, or when the thread ran
 * out of its heap or stopped.
 */
export async function importOffThread(task: ImportTask): Promise<ImportResult> {
  const filename = importWorkerFile()
  if (!filename) return importFile(task)
  if (pending >= MAX_IMPORT_THREADS + MAX_QUEUED_IMPORTS)
    throw new ImportUnavailable(
      `${pending} imports are already running or waiting (at most ${MAX_IMPORT_THREADS} run ` +
        `and ${MAX_QUEUED_IMPORTS} wait); try again when one has finished`,
    )
  pending++
  try {
    return (await pool(filename).run(task)) as ImportResult
  } catch (error) {
    const code = (error as { code?: string } | null)?.code
    if (code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new ImportUnavailable(
        `the import needs more memory than allowed (${IMPORT_WORKER_HEAP_MIB} MiB); ` +
          'import a smaller file',
        { cause: error },
      )
    throw new ImportUnavailable(`the import thread stopped: ${(error as Error).message}`, {
      cause: error,
    })
  } finally {
    pending--
  }
}

/** Ends the import thread (shutdown); an import in progress fails. */
export async function destroyImportPool(): Promise<void> {
  const p = shared
  shared = undefined
  if (p) await p.destroy()
}
