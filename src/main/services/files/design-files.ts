/**
 * Opening and saving design files for the open design session: size checked before
 * reading, all-or-nothing opens, atomic saves that leave the design dirty on failure, the
 * recent-files list, and the last run's results carried along with the design.
 */
import { basename, resolve } from 'node:path'
import { fail, ok, type Result } from '../../../shared/contract'
import type { DesignState } from '../../../shared/contract/calls/design'
import type { DesignSession } from '../../engine'
import {
  DEFAULT_MAX_FILE_BYTES,
  STRATA_FILE_SUFFIX,
  designFingerprint,
  openIntoSession,
  serializeStrataFile,
  type LastRun,
  type OpenedFile,
} from '../../engine/persistence'
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write'
import { FileIoError, describeIoError } from './io-errors'
import type { RecentFiles } from './recent-files'
import { readRegularFile } from './safe-read'

export interface DesignFilesOptions {
  session: DesignSession
  recent?: RecentFiles
  maxBytes?: number
  /** Passed to every save (fault injection in tests). */
  writeOptions?: AtomicWriteOptions
}

/** A file name for a design: its name, made safe, with the `.strata.json` suffix. */
export function fileNameFor(designName: string, suffix = STRATA_FILE_SUFFIX): string {
  const stem = designName
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .slice(0, 80)
  return (stem.replace(/^[-.]+|[-.]+$/g, '') || 'design') + suffix
}

export class DesignFiles {
  /** Results belonging to the open design (dropped when they no longer match it). */
  private lastRun: LastRun | undefined

  constructor(private readonly options: DesignFilesOptions) {}

  private get session(): DesignSession {
    return this.options.session
  }

  /** The results to save with the design, if they still belong to it. */
  currentLastRun(): LastRun | undefined {
    const run = this.lastRun
    return run && run.designFingerprint === designFingerprint(this.session.design) ? run : undefined
  }

  /** Records results computed for the open design, so that the next save keeps them. */
  setLastRun(run: Omit<LastRun, 'designFingerprint'>): void {
    this.lastRun = { ...run, designFingerprint: designFingerprint(this.session.design) }
  }

  /** The file text of the open design. */
  contents(): string {
    return serializeStrataFile(this.session.design, this.currentLastRun())
  }

  /** Opens a file from disk. The open design is untouched unless this succeeds. */
  async openPath(path: string): Promise<Result<OpenedFile>> {
    const full = resolve(path)
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
    let bytes: Uint8Array
    try {
      const read = await readRegularFile(full, maxBytes)
      if (!read.ok && read.reason === 'not-regular')
        return fail('io', `${full} is ${read.kind}, not a design file`)
      if (!read.ok && read.reason === 'too-large')
        return fail('invalid-design', `${full} cannot be opened: it is too large`, [
          {
            severity: 'error',
            path: '',
            message: `the file has at least ${read.seen} bytes; the limit is ${read.limit} bytes`,
          },
        ])
      if (!read.ok) return fail('io', `${full} cannot be read`)
      bytes = read.bytes
    } catch (error) {
      const { code, reason } = describeIoError(error, full)
      return fail(code === 'ENOENT' ? 'not-found' : 'io', `could not open ${full}: ${reason}`)
    }
    const opened = this.openBytes(bytes, basename(full), full)
    if (opened.ok) await this.options.recent?.add(full, this.session.design.meta.name)
    return opened
  }

  /** Opens uploaded contents (the web host); `filePath` stays unset. */
  openBytes(bytes: Uint8Array | string, name: string, filePath?: string): Result<OpenedFile> {
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
    let input = bytes
    // Node's strict decoder is much faster; on invalid UTF-8 the engine's decoder locates the byte.
    if (typeof bytes !== 'string' && bytes.byteLength <= maxBytes) {
      try {
        input = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
      } catch {
        input = bytes
      }
    }
    const opened = openIntoSession(this.session, input, {
      source: name,
      maxBytes: this.options.maxBytes,
      filePath,
    })
    if (opened.ok) this.lastRun = opened.value.lastRun
    return opened
  }

  /**
   * Saves the open design to `path` atomically. On failure the old file is intact and the
   * design stays open and dirty; the message says why and what was kept.
   */
  async saveTo(path: string): Promise<Result<{ state: DesignState; path: string }>> {
    const full = resolve(path)
    const design = this.session.design
    try {
      await writeFileAtomic(full, this.contents(), this.options.writeOptions)
    } catch (error) {
      const message =
        error instanceof FileIoError ? error.message : `could not save ${full}: ${String(error)}`
      return fail(
        'io',
        `${message}. The previous file is unchanged, and your design is still open with its unsaved changes.`,
      )
    }
    // Only what was written counts as saved (an edit may have landed meanwhile).
    if (this.session.design === design) this.session.markSaved(full)
    await this.options.recent?.add(full, design.meta.name)
    return ok({ state: this.session.state, path: full })
  }
}
