/**
 * Reading a file the way a careful editor does: open without blocking (a FIFO would hang a
 * thread of the pool until someone writes to it), refuse anything but a regular file (a
 * device such as /dev/zero reports size 0 and never ends), and count bytes while reading, so
 * the size limit holds even when the file grows or lies about its size. Also returns what is
 * needed to notice a later change on disk.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'

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
