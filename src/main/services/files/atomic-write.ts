/**
 * Writing a file so that a crash, a full disk or a lost folder never leaves it half-written:
 * the new content goes to a temporary file in the same folder, is flushed to disk, the old
 * file is copied to `<name>.bak`, and only then is the temporary renamed over the old file
 * (an atomic replace on POSIX file systems and on NTFS). On any failure the temporary file
 * is removed and the old file is exactly as it was.
 */
import { constants } from 'node:fs'
import { copyFile, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { FileIoError, describeIoError } from './io-errors'

/** The steps of a save, in order (for fault-injection tests and progress). */
export type AtomicWriteStep = 'write' | 'flush' | 'backup' | 'replace'

export interface AtomicWriteOptions {
  /** Keep the previous version as `<path>.bak` (default true). */
  backup?: boolean
  /**
   * Called before each step; a test may throw from it (e.g. an `ENOSPC` error) to prove a
   * failure at that step leaves the old file intact.
   */
  beforeStep?: (step: AtomicWriteStep) => void | Promise<void>
}

let counter = 0

/** The backup file kept next to `path`. */
export function backupPathOf(path: string): string {
  return `${path}.bak`
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

/** Writes `data` to `path` atomically; throws a `FileIoError` with a clear message. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${process.pid}-${++counter}.tmp`)
  const bakTemp = `${temp}.bak`
  const step = async (name: AtomicWriteStep): Promise<void> => {
    await options.beforeStep?.(name)
  }
  let created = false
  try {
    const existing = await stat(path).catch(() => undefined)
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' })
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
      await copyFile(path, bakTemp)
      await rename(bakTemp, backupPathOf(path))
    }
    await step('replace')
    await rename(temp, path)
    created = false
    await flushFolder(folder)
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined)
    await unlink(bakTemp).catch(() => undefined)
    const { code, reason } = describeIoError(error, path)
    throw new FileIoError(`could not save ${path}: ${reason}`, code, path)
  }
}
