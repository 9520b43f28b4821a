/** Opening a file's bytes into the open design session, all or nothing. */
import { fail, ok, type Result } from '../../../shared/domain/result'
import type { Problem } from '../../../shared/domain/problem'
import type { DesignState } from '../../../shared/domain/design-edits'
import type { DesignSession } from '../design-session'
import type { LastRun } from './file-format'
import { readStrataFile, type ReadOptions } from './read-file'

export interface OpenedFile {
  state: DesignState
  warnings: Problem[]
  lastRun?: LastRun
  migratedFrom?: number
}

/**
 * Reads `input` and, only if it is a design that can be opened, replaces the session's
 * design with it (history cleared, marked saved at `filePath`). On any problem the session
 * is untouched and the result is `invalid-design` with every problem and its path.
 */
export function openIntoSession(
  session: DesignSession,
  input: Uint8Array | string,
  options: ReadOptions & { filePath?: string } = {},
): Result<OpenedFile> {
  const read = readStrataFile(input, options)
  if (!read.ok) return fail('invalid-design', read.message, read.problems)
  session.replace(read.design, options.filePath)
  const opened: OpenedFile = { state: session.state, warnings: read.warnings }
  if (read.lastRun) opened.lastRun = read.lastRun
  if (read.migratedFrom !== undefined) opened.migratedFrom = read.migratedFrom
  return ok(opened)
}
