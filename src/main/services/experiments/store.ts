/**
 * An experiment's output folder: `plan.json` (the runs and their factors), `runs/<id>.json`
 * (one finished run each, written atomically as it ends, so a crash loses only runs in
 * flight), and the tables written at the end (results.csv/json, combinations.csv/json).
 */
import { randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunRecord } from '../../engine'
import { checkRunRecord } from './results-file'
import { displayPath, MAX_RUN_RECORD_BYTES, readStoredJsonSync } from './stored-json'

/** A run id: the sha256 of its design and version, in hex. */
const RUN_ID = /^[0-9a-f]{64}$/

/** Writes `text` to `path` through a temporary file and a rename (never a torn file). */
export function writeTextAtomic(path: string, text: string | Uint8Array): void {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, text, { flush: true })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/**
 * The per-run results of one output folder. Its `runs` folder is never followed when it is a
 * symbolic link (review s7b #4: records were read from, and written to, wherever it pointed):
 * the store refuses it, in the words of a linked record, when it opens and before each read
 * and write (CLI and app share this store).
 */
export class RunStore {
  readonly runsDir: string

  constructor(readonly dir: string) {
    this.runsDir = join(dir, 'runs')
  }

  /**
   * Creates the folders; throws a clear error when the folder cannot be made or `runs` is a
   * symbolic link.
   */
  open(): this {
    this.refuseLinkedRuns()
    try {
      mkdirSync(this.runsDir, { recursive: true })
    } catch (error) {
      throw new Error(`cannot create the output folder ${this.dir}: ${(error as Error).message}`, {
        cause: error,
      })
    }
    return this
  }

  /** Throws when `runs` is a symbolic link (see the class comment); absent is fine. */
  private refuseLinkedRuns(): void {
    let linked: boolean
    try {
      linked = lstatSync(this.runsDir).isSymbolicLink()
    } catch {
      return // absent (made by `open`), or unreadable: then `open` or the read says why
    }
    if (linked)
      throw new Error(
        `${displayPath(this.runsDir)} is a symbolic link, not a folder Strata made (not followed); ` +
          'remove it or choose another output folder',
      )
  }

  /**
   * The file of run `id`. A run id is a sha256 in hex (`runId`), so a file name, never a path:
   * anything else throws (review s11 #1: a worker's `../../x` was written outside the folder).
   */
  private file(id: string): string {
    if (!RUN_ID.test(id))
      throw new Error(`"${id.slice(0, 80)}" is not a run id (64 hex digits); nothing is stored`)
    return join(this.runsDir, `${id}.json`)
  }

  /**
   * The stored record of run `id`, or undefined when absent or unusable; then it reruns.
   * Unusable records are told to `onInvalid` with the file and why (`readStoredJsonSync`: a
   * FIFO is not waited on, a folder, a symbolic link or a record past `MAX_RUN_RECORD_BYTES`
   * is refused unread; then not JSON, with its line and column; then the schema of a
   * `results.json` record: `runs/<id>.json: summary.migrations must be >= 0`).
   */
  read(id: string, onInvalid?: (message: string) => void): RunRecord | undefined {
    const name = `runs/${id}.json`
    this.refuseLinkedRuns()
    const read = readStoredJsonSync(this.file(id), MAX_RUN_RECORD_BYTES)
    if (!read.ok) {
      if (!read.missing)
        onInvalid?.(
          read.syntax
            ? `${name}: not JSON (${read.syntax}); it is run again`
            : `${name} ${read.problem}; it is run again`,
        )
      return undefined
    }
    const checked = checkRunRecord(read.json)
    if (!checked.ok) {
      onInvalid?.(`${name}: ${checked.problems.join('; ')}; it is run again`)
      return undefined
    }
    if (checked.value.id !== id) {
      onInvalid?.(`${name}: id must be "${id}" (the file's name); it is run again`)
      return undefined
    }
    return checked.value
  }

  /**
   * Stores `record` as `runs/<id>.json`; throws an Error naming that file when it cannot be
   * written (a folder in its place, a full disk), never Node's bare `EISDIR … rename`.
   */
  write(record: RunRecord): void {
    this.refuseLinkedRuns()
    try {
      writeTextAtomic(this.file(record.id), JSON.stringify(record))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new Error(
        `runs/${record.id}.json cannot be written (${
          code === 'EISDIR' ? 'a folder is in its place' : (code ?? (error as Error).message)
        })`,
        { cause: error },
      )
    }
  }

  /** Writes `name` (e.g. `results.csv`) in the output folder. */
  writeFile(name: string, text: string | Uint8Array): string {
    const path = join(this.dir, name)
    writeTextAtomic(path, text)
    return path
  }
}
