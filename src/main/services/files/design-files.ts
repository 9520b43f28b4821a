/**
 * Opening and saving design files for the open design session: size checked before
 * reading, all-or-nothing opens, atomic saves that leave the design dirty on failure, the
 * recent-files list, and the last run's results carried along with the design.
 */
import { createHash } from 'node:crypto'
import { realpath, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { fail, ok, type Result } from '../../../shared/contract'
import type { DesignState } from '../../../shared/contract/calls/design'
import type { Design } from '../../../shared/design/schema'
import { samePlacementInputs } from '../placement/current-placement'
import {
  DEFAULT_MAX_FILE_BYTES,
  STRATA_FILE_SUFFIX,
  designFingerprint,
  openIntoSession,
  resultsFingerprint,
  serializeStrataFile,
  type DesignSession,
  type LastRun,
  type OpenedFile,
} from '../../engine'
import { writeFileAtomic, writeTargetOf, type AtomicWriteOptions } from './atomic-write'
import { FileIoError, describeIoError } from './io-errors'
import type { RecentFiles } from './recent-files'
import { readRegularFile, type DiskStamp } from './safe-read'

export interface DesignFilesOptions {
  session: DesignSession
  recent?: RecentFiles
  maxBytes?: number
  /** Passed to every save (fault injection in tests). */
  writeOptions?: AtomicWriteOptions
  /** Told the results an opened file brought (after the design was replaced). */
  onOpenedResults?: (run: LastRun) => void
}

/** A file name for a design: its name, made safe, with the `.strata.json` suffix. */
export function fileNameFor(designName: string, suffix = STRATA_FILE_SUFFIX): string {
  const stem = designName
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .slice(0, 80)
  return (stem.replace(/^[-.]+|[-.]+$/g, '') || 'design') + suffix
}

const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

/** Whether the file on disk is no longer the one read or written (another program wrote it). */
function changedOnDisk(
  now: { dev: number; ino: number; size: number; mtimeMs: number },
  then: DiskStamp,
): boolean {
  return (
    now.dev !== then.dev ||
    now.ino !== then.ino ||
    now.size !== then.size ||
    now.mtimeMs !== then.mtimeMs
  )
}

/** Results kept for the next save: the run, the design it was computed for, its fingerprint. */
interface KeptRun {
  run: Omit<LastRun, 'designFingerprint'>
  design: Design
  /** `resultsFingerprint(design)`: the design but its `meta`. */
  inputs: string
}

/** What a save says when it left results out (review s10a #2: it said nothing). */
export const RESULTS_NOT_SAVED =
  'The results of the last run were not saved with it: the design has changed since they were computed. Run it again, then save, to keep them.'

export class DesignFiles {
  /** Results for the open design (left out of a save once it changes but for its `meta`). */
  private kept: KeptRun | undefined
  /** The file last opened or saved (its real path) and its state on disk then. */
  private known: { path: string; stamp: DiskStamp; sha256: string } | undefined
  /**
   * Counts what asked for another design: every `openPath` as it begins, and every replace of
   * the design from elsewhere (an upload, new, sample, import, recovery). An `openPath` whose
   * read ends after a later one was asked gives way (review s7a #6: of two opens sent back to
   * back, the first, slower to read, replaced the second, and both answered ok).
   */
  private asked = 0
  /** True while `openPath` replaces the design itself (not counted as another ask). */
  private replacing = false

  constructor(private readonly options: DesignFilesOptions) {
    options.session.onChange((change) => {
      if (change.changes.replaced && !this.replacing) this.asked++
    })
  }

  private get session(): DesignSession {
    return this.options.session
  }

  /**
   * Whether results computed for `design` are results of the open design: the two differ in
   * nothing but `meta`, which neither placement nor simulation reads (review s10a #2: a rename
   * or a new description after a run made the next save drop the run and its placement).
   */
  resultsFit(design: Design, inputs?: string): boolean {
    const open = this.session.design
    if (design === open || samePlacementInputs(design, open)) return true
    return (inputs ?? resultsFingerprint(design)) === resultsFingerprint(open)
  }

  /** The results to save with the design, if they still belong to it (stamped for it). */
  currentLastRun(): LastRun | undefined {
    const kept = this.kept
    if (!kept || !this.resultsFit(kept.design, kept.inputs)) return undefined
    return { ...kept.run, designFingerprint: designFingerprint(this.session.design) }
  }

  /**
   * Records results computed for `design` (default: the open one), so that the next save
   * keeps them while the open design differs from it in `meta` at most.
   */
  setLastRun(run: Omit<LastRun, 'designFingerprint'>, design = this.session.design): void {
    const { placement, simulation } = run
    this.kept = {
      run: { ...(placement ? { placement } : {}), ...(simulation ? { simulation } : {}) },
      design,
      inputs: resultsFingerprint(design),
    }
  }

  /** Drops the kept results (another design was opened; an opened file brings its own). */
  forgetLastRun(): void {
    this.kept = undefined
  }

  /** `RESULTS_NOT_SAVED` when results are kept that a save leaves out (the design changed since). */
  resultsLeftOut(): string | undefined {
    const kept = this.kept
    return kept && !this.resultsFit(kept.design, kept.inputs) ? RESULTS_NOT_SAVED : undefined
  }

  /** The file text of the open design. */
  contents(): string {
    return serializeStrataFile(this.session.design, this.currentLastRun())
  }

  /**
   * Opens a file from disk. The open design is untouched unless this succeeds. The last asked
   * wins: if another open (or another design) is asked for while this one reads, this one
   * answers `cancelled` and opens nothing.
   */
  async openPath(path: string): Promise<Result<OpenedFile>> {
    const mine = ++this.asked
    const full = resolve(path)
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
    let bytes: Uint8Array
    let readStamp: DiskStamp
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
      readStamp = read.stamp
    } catch (error) {
      const { code, reason } = describeIoError(error, full)
      return fail(code === 'ENOENT' ? 'not-found' : 'io', `could not open ${full}: ${reason}`)
    }
    // The last asked wins: a later open (or another design) was asked for during the read.
    if (mine !== this.asked)
      return fail(
        'cancelled',
        `${full} was not opened: another design was asked for after this open began`,
      )
    this.replacing = true
    let opened: Result<OpenedFile>
    try {
      opened = this.openBytes(bytes, basename(full), full)
    } finally {
      this.replacing = false
    }
    if (opened.ok) {
      this.known = {
        path: await realpath(full).catch(() => full),
        stamp: readStamp,
        sha256: sha256(bytes),
      }
      await this.options.recent?.add(full, this.session.design.meta.name)
    }
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
    if (opened.ok) {
      const saved = opened.value.lastRun
      if (saved) this.setLastRun(saved)
      else this.forgetLastRun()
      this.known = undefined
      if (saved) this.options.onOpenedResults?.(saved)
    }
    return opened
  }

  /**
   * Saves the open design to `path` atomically (through a symbolic link to its target). If
   * that is the file last opened or saved and it changed on disk since (another window, an
   * editor), answers `conflict` and writes nothing, unless `overwrite`; with `keepOtherFiles`
   * (a path from a request, not a dialog) another existing file is never replaced unless
   * `overwrite` either. On failure the old
   * file is intact and the design stays open and dirty; the message says why and what was
   * kept.
   */
  async saveTo(
    path: string,
    options: { overwrite?: boolean; keepOtherFiles?: boolean } = {},
  ): Promise<Result<{ state: DesignState; path: string; resultsNotSaved?: string }>> {
    const full = resolve(path)
    const design = this.session.design
    const target = await writeTargetOf(full).catch(() => full)
    const known = this.known
    // A path given in a request (not chosen in a dialog that already asked) never replaces
    // another existing file unless the caller says so.
    if (options.keepOtherFiles && !options.overwrite && known?.path !== target) {
      const existing = await stat(target).catch(() => undefined)
      // (what is not a regular file is refused below, by the writer, as an `io` error)
      if (existing?.isFile())
        return fail(
          'conflict',
          `${full} already exists and is not the file this design came from; nothing was written. Save under another name, or save again choosing to overwrite it.`,
        )
    }
    if (!options.overwrite && known && known.path === target) {
      const now = await stat(target).catch(() => undefined)
      // Size and mtime can be kept by an edit (`cp -p`, `rsync -t`): the contents decide.
      const sameContents = async (): Promise<boolean> => {
        const read = await readRegularFile(target, this.options.maxBytes ?? DEFAULT_MAX_FILE_BYTES)
        return read.ok && sha256(read.bytes) === known.sha256
      }
      if (now && (changedOnDisk(now, known.stamp) || !(await sameContents())))
        return fail(
          'conflict',
          `${full} was changed on disk since it was opened or last saved (by another window or program); nothing was written. Save under another name, or save again choosing to overwrite it.`,
        )
    }
    const text = this.contents()
    const dropped = this.resultsLeftOut()
    try {
      await writeFileAtomic(full, text, this.options.writeOptions)
    } catch (error) {
      const message =
        error instanceof FileIoError ? error.message : `could not save ${full}: ${String(error)}`
      return fail(
        'io',
        `${message}. The previous file is unchanged, and your design is still open with its unsaved changes.`,
      )
    }
    const written = await stat(target).catch(() => undefined)
    this.known = written
      ? {
          path: target,
          stamp: {
            dev: written.dev,
            ino: written.ino,
            size: written.size,
            mtimeMs: written.mtimeMs,
          },
          sha256: sha256(text),
        }
      : undefined
    // Only what was written counts as saved (an edit may have landed meanwhile).
    if (this.session.design === design) this.session.markSaved(full)
    await this.options.recent?.add(full, design.meta.name)
    return ok({
      state: this.session.state,
      path: full,
      ...(dropped ? { resultsNotSaved: dropped } : {}),
    })
  }
}
