/** Shared set-up for the files tests: a real app context on a temporary data folder. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext, type AppContext } from '../../src/main/services/context'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { filesServices, type FilesServicesOptions } from '../../src/main/services/files'

export const ROOT = join(__dirname, '../..')
export const SAMPLE_PATH = join(ROOT, 'resources/samples/two-hall.strata.json')
export const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8')
export const FIXTURES = join(ROOT, 'test/fixtures/files')

export function tempDir(prefix = 'strata-files-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A provider-side app: context, dispatcher, and its files services (fake timer by default). */
export function makeApp(options: FilesServicesOptions & { dataDir?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir('strata-data-')
  const ctx: AppContext = createAppContext({
    version: 'test',
    paths: { dataDir, samplesDir: join(ROOT, 'resources/samples') },
    shell: { kind: 'web' },
  })
  let tick: (() => void) | undefined
  const services = filesServices(ctx, {
    every: (_ms, fn) => {
      tick = fn
      return () => (tick = undefined)
    },
    ...options,
  })
  const dispatch = createDispatcher(ctx)
  const call = async <T = unknown>(name: string, request: unknown = {}) =>
    (await dispatch({ role: 'provider' }, name, request)) as
      | { ok: true; value: T }
      | {
          ok: false
          error: {
            code: string
            message: string
            problems?: Array<{ path: string; message: string }>
          }
        }
  return { ctx, services, call, dataDir, fireTimer: () => tick?.() }
}
