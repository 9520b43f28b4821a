/**
 * Writing a file so that a crash, a full disk or a lost folder never leaves it half-written:
 * the new content goes to a temporary file in the same folder, is flushed to disk, the old
 * file is kept as `<name>.bak` (and older generations as `<name>.bak.2`, `.bak.3`), and only
 * then is the temporary renamed over the old file (an atomic replace on POSIX file systems
 * and on NTFS). On any failure the temporary file is removed and the old file is exactly as
 * it was. A symbolic link is written through to its target (the link stays a link); a
 * read-only file or anything but a regular file is refused with a clear message.
 */
import { constants } from 'node:fs'
import {
  copyFile,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { FileIoError, describeIoError } from './io-errors'

/** The steps of a save, in order (for fault-injection tests and progress). */
export type AtomicWriteStep = 'write' | 'flush' | 'backup' | 'replace'

export interface AtomicWriteOptions {
  /** Keep previous versions as `<path>.bak`, `.bak.2`, ... (default true). */
  backup?: boolean
  /** How many previous versions to keep (default 3). */
  backupGenerations?: number
  /**
   * Called before each step; a test may throw from it (e.g. an `ENOSPC` error) to prove a
   * failure at that step leaves the old file intact.
   */
  beforeStep?: (step: AtomicWriteStep) => void | Promise<void>
}

/** Marks the temporary files of a save, so that leftovers can be recognised and removed. */
const TEMP_MARK = '.strata-tmp-'
const TEMP_NAME = /^\..+\.strata-tmp-[A-Za-z0-9_-]+\.tmp(\.bak)?$/
export const DEFAULT_BACKUP_GENERATIONS = 3

/** The backup file kept next to `path`: generation 1 is the newest (`<path>.bak`). */
export function backupPathOf(path: string, generation = 1): string {
  return generation <= 1 ? `${path}.bak` : `${path}.bak.${generation}`
}

/** Where a write to `path` lands: the target of a symbolic link (followed), else `path`. */
export async function writeTargetOf(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined)
  if (!link?.isSymbolicLink()) return path
  // A dangling link: its target does not exist yet; write it there.
  return realpath(path).catch(async () => {
    const target = await readlink(path)
    return isAbsolute(target) ? target : join(dirname(path), target)
  })
}

async function flushFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; not every platform lets a folder be opened.
  try {
    const handle = await open(folder, constants.O_RDONLY)
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* best effort */
  }
}

/** Shifts `.bak` -> `.bak.2` -> ... and drops the oldest; then copies `path` to `.bak`. */
async function keepBackups(path: string, generations: number, temp: string): Promise<void> {
  // Copied first, so that the shift below leaves at most a moment without a `.bak`.
  await copyFile(path, temp)
  for (let g = generations; g >= 2; g--)
    await rename(backupPathOf(path, g - 1), backupPathOf(path, g)).catch(() => undefined)
  await rename(temp, backupPathOf(path))
}

/** Writes `data` to `path` atomically; throws a `FileIoError` with a clear message. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  let target = path
  let created = false
  let temp = ''
  let bakTemp = ''
  const step = async (name: AtomicWriteStep): Promise<void> => {
    await options.beforeStep?.(name)
  }
  try {
    target = await writeTargetOf(path)
    const folder = dirname(target)
    temp = join(folder, `.${basename(target)}${TEMP_MARK}${randomBytes(6).toString('hex')}.tmp`)
    bakTemp = `${temp}.bak`
    const existing = await stat(target).catch(() => undefined)
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' })
    if (existing && !existing.isFile())
      throw new FileIoError(`${target} is not a regular file`, 'EINVAL', target)
    if (existing && (existing.mode & 0o222) === 0)
      throw new FileIoError(
        `${target} is read-only; make it writable or save under another name`,
        'EROFILE',
        target,
      )
    await step('write')
    const handle = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o644)
    created = true
    try {
      await handle.writeFile(data)
      await step('flush')
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (existing && options.backup !== false) {
      await step('backup')
      await keepBackups(target, options.backupGenerations ?? DEFAULT_BACKUP_GENERATIONS, bakTemp)
    }
    await step('replace')
    await rename(temp, target)
    created = false
    await flushFolder(folder)
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined)
    if (bakTemp) await unlink(bakTemp).catch(() => undefined)
    if (error instanceof FileIoError && error.code === 'EROFILE')
      throw new FileIoError(`could not save ${path}: ${error.message}`, 'EACCES', target)
    const { code, reason } = describeIoError(error, target)
    throw new FileIoError(`could not save ${path}: ${reason}`, code, target)
  }
}

/**
 * Removes temporary files that interrupted saves left in `folder` (a crash, a kill), if
 * older than `minAgeMs` (a save in progress in another window is younger). Returns how many.
 */
export async function removeStaleTemps(
  folder: string,
  minAgeMs = 60_000,
  now: () => number = Date.now,
): Promise<number> {
  let removed = 0
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue
    const full = join(folder, name)
    const info = await lstat(full).catch(() => undefined)
    if (!info?.isFile() || now() - info.mtimeMs < minAgeMs) continue
    await unlink(full).then(
      () => removed++,
      () => undefined,
    )
  }
  return removed
}
