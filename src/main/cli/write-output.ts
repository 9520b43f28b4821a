/**
 * The one way a `strata` command writes a file it was asked to write (`-o`, `--result`,
 * `--html`, ...): atomically, through the app's own save path (`writeFileAtomic`: a temporary
 * file in the same folder, flushed, then renamed over the old one), so that a full disk, a
 * file-size limit or a signal never leaves a truncated file or destroys the previous one
 * (review s7a #3). It never throws: a refusal or a failure comes back as one line naming the
 * file and the reason, with no stack trace. A symbolic link where the file would go is refused,
 * not written through (review s9a #7: `export -o out-link.json` overwrote the link's target).
 */
import { lstat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { writeFileAtomic } from '../services/files/atomic-write'

export type WriteOutcome = { ok: true; path: string } | { ok: false; message: string }

/**
 * Writes `contents` to `out` (relative to `cwd`), replacing any old file atomically (no
 * `.bak` is kept: the command is asked to write this file). An empty `out` is refused (it
 * would name the working folder), and so is a symbolic link at `out` (whose target would be
 * overwritten). The failure message reads `cannot write PATH: reason`.
 */
export async function writeOut(
  out: string,
  cwd: string,
  contents: string | Uint8Array,
): Promise<WriteOutcome> {
  if (out.trim() === '') return { ok: false, message: 'cannot write "": the path is empty' }
  const path = resolve(cwd, out)
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isSymbolicLink())
    return {
      ok: false,
      message: `cannot write ${path}: it is a symbolic link, and strata does not write through links (remove the link or name another file)`,
    }
  try {
    await writeFileAtomic(path, contents, { backup: false })
    return { ok: true, path }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const prefix = `could not save ${path}: `
    const reason = text.startsWith(prefix) ? text.slice(prefix.length) : text
    return { ok: false, message: `cannot write ${path}: ${reason}` }
  }
}
