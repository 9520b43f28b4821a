/**
 * The files services of one app context: design files, recent files and autosave, made
 * once per context so that every handler (files, reports, simulation) shares them.
 */
import { dirname } from 'node:path'
import type { PlacementResult, SimulationResult } from '../../../shared/contract'
import type { AppContext } from '../context'
import { Autosaver, type EveryFn } from './autosave'
import { removeStaleTemps, type AtomicWriteOptions } from './atomic-write'
import { DesignFiles } from './design-files'
import { RecentFiles } from './recent-files'
import { SAVED_HOST_SERIES_BUDGET } from '../simulation/runs'

export interface FilesServices {
  files: DesignFiles
  recent: RecentFiles
  autosaver: Autosaver
  /** The start-up clean-up of leftover temporary files; resolves to how many were removed. */
  cleanup?: Promise<number>
}

export interface FilesServicesOptions {
  every?: EveryFn
  now?: () => Date
  isAlive?: (pid: number) => boolean
  pid?: number
  /** The Strata checkout whose autosaves are offered (default: this one). */
  checkout?: string
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
    // An opened file's saved results are shown as if just computed (review s9u C1).
    onOpenedResults: (run) => {
      const placement = run.placement as unknown as PlacementResult | undefined
      if (placement) ctx.placement.adoptSaved(placement)
      if (run.simulation)
        ctx.runs.adopt(ctx.design.design, run.simulation as unknown as SimulationResult, placement)
    },
  })
  const autosaver = new Autosaver({
    session: ctx.design,
    dataDir: ctx.paths.dataDir,
    intervalMs: options.autosaveIntervalMs ?? autosaveIntervalFromEnv(),
    every: options.every,
    now: options.now,
    pid: options.pid,
    checkout: options.checkout,
    isAlive: options.isAlive,
    onAutosave: (outcome) => ctx.hub.publish('files:autosave', outcome),
  })
  autosaver.start()
  ctx.disposers.push(() => autosaver.stop())
  // Results kept for the next save belong to the design they were computed for.
  ctx.disposers.push(ctx.epoch.onReplaced('reset', () => files.forgetLastRun()))
  // What the next save keeps (review s9u C1: only a report export recorded it): the latest
  // placement of the open design, and a finished run of it (a rename since does not matter)
  // with the placement THAT run started from, not the one shown when it ended (review s10a
  // #1: a Place during the run, or a shorter run started later, paired another placement
  // with it). A CloudSim-compatible run places itself: it is saved without a placement.
  ctx.disposers.push(
    ctx.placement.onPlaced((placement) =>
      files.setLastRun({ placement: placement as unknown as Record<string, unknown> }),
    ),
    ctx.runs.onRunEvent((event) => {
      const { detail } = event.kind === 'finished' ? event : {}
      if (!detail?.result || detail.status !== 'done') return
      const design = ctx.runs.designOf(detail.runId)
      if (!design || !files.resultsFit(design)) return
      const placement = ctx.runs.placementOf(detail.runId)
      files.setLastRun(
        {
          ...(placement ? { placement: placement as unknown as Record<string, unknown> } : {}),
          // with its per-host series, as much as a file keeps (review s10u A1: saved without any)
          simulation: ctx.runs.fullResult(detail.runId, SAVED_HOST_SERIES_BUDGET)
            .result as unknown as Record<string, unknown>,
        },
        design,
      )
    }),
  )
  const services: FilesServices = { files, recent, autosaver }
  byContext.set(ctx, services)
  services.cleanup = cleanUpTemps(services)
  return services
}

/**
 * Removes what interrupted saves of earlier runs left behind (temporary files older than a
 * minute) in the data folder, the autosave folder and the folders of the recent files.
 */
async function cleanUpTemps(services: Omit<FilesServices, 'cleanup'>): Promise<number> {
  const folders = new Set([services.recent.folder, services.autosaver.folder])
  for (const f of await services.recent.list().catch(() => [])) folders.add(dirname(f.path))
  let removed = 0
  for (const folder of folders) removed += await removeStaleTemps(folder).catch(() => 0)
  return removed
}

export { Autosaver, nodeEvery, type EveryFn } from './autosave'
export {
  backupPathOf,
  removeStaleTemps,
  writeFileAtomic,
  type AtomicWriteStep,
} from './atomic-write'
export { DesignFiles, fileNameFor } from './design-files'
export { FileIoError } from './io-errors'
export { RecentFiles } from './recent-files'
