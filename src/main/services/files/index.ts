/**
 * The files services of one app context: design files, recent files and autosave, made
 * once per context so that every handler (files, reports, simulation) shares them.
 */
import type { AppContext } from '../context'
import { Autosaver, type EveryFn } from './autosave'
import type { AtomicWriteOptions } from './atomic-write'
import { DesignFiles } from './design-files'
import { RecentFiles } from './recent-files'

export interface FilesServices {
  files: DesignFiles
  recent: RecentFiles
  autosaver: Autosaver
}

export interface FilesServicesOptions {
  every?: EveryFn
  now?: () => Date
  isAlive?: (pid: number) => boolean
  pid?: number
  autosaveIntervalMs?: number
  maxBytes?: number
  writeOptions?: AtomicWriteOptions
}

const byContext = new WeakMap<AppContext, FilesServices>()

/** `STRATA_AUTOSAVE_MS` shortens (or lengthens) the autosave interval, e.g. for tests. */
function autosaveIntervalFromEnv(): number | undefined {
  const ms = Number(process.env.STRATA_AUTOSAVE_MS)
  return Number.isFinite(ms) && ms >= 100 ? ms : undefined
}

/** The context's files services, made (and autosave started) on first use. */
export function filesServices(ctx: AppContext, options: FilesServicesOptions = {}): FilesServices {
  const existing = byContext.get(ctx)
  if (existing) return existing
  const recent = new RecentFiles(ctx.paths.dataDir, 10, options.now)
  const files = new DesignFiles({
    session: ctx.design,
    recent,
    maxBytes: options.maxBytes,
    writeOptions: options.writeOptions,
  })
  const autosaver = new Autosaver({
    session: ctx.design,
    dataDir: ctx.paths.dataDir,
    intervalMs: options.autosaveIntervalMs ?? autosaveIntervalFromEnv(),
    every: options.every,
    now: options.now,
    pid: options.pid,
    isAlive: options.isAlive,
    onAutosave: (outcome) => ctx.hub.publish('files:autosave', outcome),
  })
  autosaver.start()
  ctx.disposers.push(() => autosaver.stop())
  const services = { files, recent, autosaver }
  byContext.set(ctx, services)
  return services
}

export { Autosaver, nodeEvery, type EveryFn } from './autosave'
export { backupPathOf, writeFileAtomic, type AtomicWriteStep } from './atomic-write'
export { DesignFiles, fileNameFor } from './design-files'
export { FileIoError } from './io-errors'
export { RecentFiles } from './recent-files'
