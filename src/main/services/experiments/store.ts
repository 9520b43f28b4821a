/**
 * An experiment's output folder: `plan.json` (the runs and their factors), `runs/<id>.json`
 * (one finished run each, written atomically as it ends, so a crash loses only runs in
 * flight), and the tables written at the end (results.csv/json, combinations.csv/json).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseJsonText, type RunRecord } from '../../engine'
import { checkRunRecord } from './results-file'
import { readUserFileSync } from '../files/safe-read'

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

/** The per-run results of one output folder. */
export class RunStore {
  readonly runsDir: string

  constructor(readonly dir: string) {
    this.runsDir = join(dir, 'runs')
  }

  /** Creates the folders; throws a clear error when the folder cannot be made. */
  open(): this {
    try {
      mkdirSync(this.runsDir, { recursive: true })
    } catch (error) {
      throw new Error(`cannot create the output folder ${this.dir}: ${(error as Error).message}`, {
        cause: error,
      })
    }
    return this
  }

  private file(id: string): string {
    return join(this.runsDir, `${id}.json`)
  }

  /**
   * The stored record of run `id`, or undefined when absent, unreadable or not a regular file
   * (a FIFO planted in the user's folder is not waited on); then it reruns. A record that is
   * not JSON, or fails the schema of a `results.json` record, is told to `onInvalid` (file and
   * field: `runs/<id>.json: summary.migrations must be >= 0`) and reruns too.
   */
  read(id: string, onInvalid?: (message: string) => void): RunRecord | undefined {
    const file = readUserFileSync(this.file(id))
    if (!file.ok) return undefined
    const name = `runs/${id}.json`
    const json = parseJsonText(file.bytes.toString('utf8'), name)
    if (!json.ok) {
      onInvalid?.(`${name}: not JSON (${json.problems[0]?.message}); it is run again`)
      return undefined
    }
    const checked = checkRunRecord(json.value)
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

  write(record: RunRecord): void {
    writeTextAtomic(this.file(record.id), JSON.stringify(record))
  }

  /** Writes `name` (e.g. `results.csv`) in the output folder. */
  writeFile(name: string, text: string | Uint8Array): string {
    const path = join(this.dir, name)
    writeTextAtomic(path, text)
    return path
  }
}
