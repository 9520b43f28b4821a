/**
 * Reading a file the way a careful editor does: open without blocking (a FIFO would hang a
 * thread of the pool until someone writes to it), refuse anything but a regular file (a
 * device such as /dev/zero reports size 0 and never ends), and count bytes while reading, so
 * the size limit holds even when the file grows or lies about its size. Also returns what is
 * needed to notice a later change on disk.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { DEFAULT_MAX_FILE_BYTES } from '../../engine'
import { readFailureReason } from './io-errors'

/** Identity and state of a file when it was read or written, to detect a change since. */
export interface DiskStamp {
  dev: number
  ino: number
  size: number
  mtimeMs: number
}

export type SafeReadResult =
  | { ok: true; bytes: Buffer; stamp: DiskStamp }
  | { ok: false; reason: 'not-regular'; kind: string }
  | { ok: false; reason: 'too-large'; limit: number; seen: number }

/** What kind of thing a non-regular path is, in words. */
function kindOf(stats: {
  isDirectory(): boolean
  isFIFO(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
  isSocket(): boolean
}): string {
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a pipe (FIFO)'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

/** Reads a regular file of at most `maxBytes`; throws Node errors (ENOENT, EACCES, ...). */
export async function readRegularFile(path: string, maxBytes: number): Promise<SafeReadResult> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return { ok: false, reason: 'not-regular', kind: kindOf(stats) }
    if (stats.size > maxBytes)
      return { ok: false, reason: 'too-large', limit: maxBytes, seen: stats.size }
    const chunks: Buffer[] = []
    let total = 0
    const chunk = Buffer.allocUnsafe(1024 * 1024)
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) return { ok: false, reason: 'too-large', limit: maxBytes, seen: total }
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)))
    }
    return {
      ok: true,
      bytes: Buffer.concat(chunks, total),
      stamp: { dev: stats.dev, ino: stats.ino, size: total, mtimeMs: stats.mtimeMs },
    }
  } finally {
    await handle.close()
  }
}

/**
 * Reads `path` like `readRegularFile`, synchronously (for the CLI, which has no event loop to
 * keep free). `noFollow`: a symbolic link is not followed (Node's `ELOOP` error is thrown).
 */
export function readRegularFileSync(
  path: string,
  maxBytes: number,
  options: { noFollow?: boolean } = {},
): SafeReadResult {
  const fd = openSync(
    path,
    constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0),
  )
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return { ok: false, reason: 'not-regular', kind: kindOf(stats) }
    if (stats.size > maxBytes)
      return { ok: false, reason: 'too-large', limit: maxBytes, seen: stats.size }
    const chunks: Buffer[] = []
    let total = 0
    const chunk = Buffer.allocUnsafe(1024 * 1024)
    for (;;) {
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) return { ok: false, reason: 'too-large', limit: maxBytes, seen: total }
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)))
    }
    return {
      ok: true,
      bytes: Buffer.concat(chunks, total),
      stamp: { dev: stats.dev, ino: stats.ino, size: total, mtimeMs: stats.mtimeMs },
    }
  } finally {
    closeSync(fd)
  }
}

/** A file a user named, read; or one line saying which file and why not. */
export type UserFileRead = { ok: true; bytes: Buffer } | { ok: false; message: string }

function userFileOutcome(path: string, read: SafeReadResult): UserFileRead {
  if (read.ok) return { ok: true, bytes: read.bytes }
  if (read.reason === 'not-regular')
    return { ok: false, message: `${path} is ${read.kind}, not a regular file` }
  return {
    ok: false,
    message: `${path} is too large: at least ${read.seen} bytes, the limit is ${read.limit} bytes`,
  }
}

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

const cannotRead = (path: string, error: unknown): UserFileRead => ({
  ok: false,
  message: `cannot read ${path}: ${readFailureReason(error)}`,
})

/**
 * Reads a file whose path came from a user (a spec, its designs, results, CSV, traces):
 * regular files only, at most `maxBytes` (default 64 MiB, counted while reading). Never
 * throws; a refusal names the file: `/x/fifo is a pipe (FIFO), not a regular file`,
 * `cannot read /x/y: there is no such file`.
 */
export async function readUserFile(
  path: string,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
): Promise<UserFileRead> {
  try {
    return userFileOutcome(path, await readRegularFile(path, maxBytes))
  } catch (error) {
    return cannotRead(path, error)
  }
}

/**
 * `readUserFile`, synchronously (CLI commands). `noFollow`: a symbolic link is refused
 * (`/x/node1 is a symbolic link, not followed here`), not read through.
 */
export function readUserFileSync(
  path: string,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
  options: { noFollow?: boolean } = {},
): UserFileRead {
  try {
    return userFileOutcome(path, readRegularFileSync(path, maxBytes, options))
  } catch (error) {
    // ELOOP under O_NOFOLLOW: the file itself is a link, or a link on its path loops
    if (options.noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP' && isLink(path))
      return {
        ok: false,
        message: `${path} is a symbolic link; inputs are read only from regular files, not through links (name the file it points to)`,
      }
    return cannotRead(path, error)
  }
}
