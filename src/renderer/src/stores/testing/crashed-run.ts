/**
 * For component tests of crash recovery: a REAL earlier run of the services that renames the
 * design (an unsaved change), writes its autosave the way the minute timer would, and ends
 * without saving, as a crash would. Loaded by path like `real-services.ts`.
 */
import type { Result, SessionInfo } from '../../../../shared/contract'

const SERVICES = '../../../../main/services/index.ts'
const PATHS = '../../../../main/services/paths.ts'
const FILES = '../../../../main/services/files/index.ts'

interface RunLike {
  ctx: object
  dispatch(session: SessionInfo, name: unknown, request: unknown): Promise<Result<unknown>>
  dispose(): Promise<void>
}

/** Runs and "crashes" an earlier session whose unsaved design is named `designName`. */
export async function leaveCrashedAutosave(designName: string): Promise<void> {
  const { startServices } = (await import(/* @vite-ignore */ SERVICES)) as {
    startServices(options: unknown): RunLike
  }
  const { defaultPaths } = (await import(/* @vite-ignore */ PATHS)) as {
    defaultPaths(): unknown
  }
  const { filesServices } = (await import(/* @vite-ignore */ FILES)) as {
    filesServices(ctx: object): { autosaver: { tick(): Promise<void> } }
  }
  const run = startServices({ version: 'test', paths: defaultPaths(), shell: { kind: 'web' } })
  const provider: SessionInfo = { role: 'provider' }
  const edited = await run.dispatch(provider, 'design:apply', {
    command: { type: 'set-meta', patch: { name: designName } },
  })
  if (!edited.ok) throw new Error(`edit failed: ${edited.error.message}`)
  await filesServices(run.ctx).autosaver.tick()
  // stop its timers without saving or clearing: the autosave stays behind
  await run.dispose()
  // the next run's autosave id is `${pid}-${ms}`: make sure it cannot equal this one's
  const until = Date.now() + 2
  while (Date.now() < until) await new Promise((r) => setTimeout(r, 1))
}
