/**
 * Starting the services for one shell: context, handlers, dispatcher, design events.
 * Electron (src/main/app), the web host (strata serve) and tests all start here.
 */
import { DesignSession } from '../engine'
import { createAppContext, type AppContext, type AppPaths, type ShellCapabilities } from './context'
import { createDispatcher, type Dispatch, type DispatcherOptions } from './dispatcher'
import { DEFAULT_SAMPLE, readSample } from './samples'

export interface Services {
  ctx: AppContext
  dispatch: Dispatch
  dispose: () => Promise<void>
}

export function startServices(options: {
  version: string
  paths: AppPaths
  shell: ShellCapabilities
  /** A raw design to open; else the default sample. */
  document?: unknown
  documentPath?: string
  /** Dispatcher hooks (tests count the calls that reach a handler). */
  dispatcher?: DispatcherOptions
}): Services {
  const ctx = createAppContext({ ...options, design: new DesignSession() })
  const raw = options.document ?? readSample(options.paths.samplesDir, DEFAULT_SAMPLE)
  if (raw !== undefined) {
    const loaded = ctx.design.load(raw, { filePath: options.documentPath })
    if (!loaded.ok)
      throw new Error(
        `${loaded.error.message}: ${loaded.error.problems?.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      )
  }
  const dispatch = createDispatcher(ctx, undefined, options.dispatcher)
  return {
    ctx,
    dispatch,
    dispose: async () => {
      for (const dispose of ctx.disposers.splice(0).reverse()) await dispose()
    },
  }
}
