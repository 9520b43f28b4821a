/**
 * For component tests of crash recovery: a REAL earlier run of the services that renames the
 * design (an unsaved change), writes its autosave the way the minute timer would, and ends
 * without saving, as a crash would.
 */
import { startServices } from '../../../src/main/services'
import { defaultPaths } from '../../../src/main/services/paths'
import { filesServices } from '../../../src/main/services/files'
import { PROVIDER } from './real-services'

/** Runs and "crashes" an earlier session whose unsaved design is named `designName`. */
export async function leaveCrashedAutosave(designName: string): Promise<void> {
  process.env.STRATA_DATA_DIR ??= `${process.cwd()}/test-results/component-data`
  const run = startServices({ version: 'test', paths: defaultPaths(), shell: { kind: 'web' } })
  const edited = await run.dispatch(PROVIDER, 'design:apply', {
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
