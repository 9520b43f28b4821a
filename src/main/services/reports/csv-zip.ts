/**
 * A report's CSV files as ONE zip archive (fflate), as the app downloads it and
 * `strata report --csv OUT.zip` writes it: every file inside one folder named after the
 * archive, UTF-8 text, deflated. Deterministic: the entries carry the report's own time
 * (`generatedAt`), never the clock, so the same report gives the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { CsvFile } from '../../engine'

/** The earliest time a zip entry can carry (MS-DOS dates start in 1980). */
const ZIP_EPOCH = '1980-01-01T00:00:00Z'

/**
 * Zips `files` under `folder/` (e.g. `two-hall-csv/hosts.csv`). `generatedAt` (ISO 8601) is
 * the entries' modification time; without it, 1980-01-01. Throws on duplicate file names,
 * which would silently drop one file.
 */
export function zipCsvFiles(
  files: readonly CsvFile[],
  folder: string,
  generatedAt?: string,
): Uint8Array {
  const entries: Zippable = {}
  const parsed = generatedAt ? Date.parse(generatedAt) : NaN
  const at = new Date(
    Number.isFinite(parsed) && parsed >= Date.parse(ZIP_EPOCH) ? parsed : Date.parse(ZIP_EPOCH),
  )
  // Zip times are local wall-clock fields; give the UTC fields so every time zone writes the same bytes.
  const mtime = new Date(
    at.getUTCFullYear(),
    at.getUTCMonth(),
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  )
  for (const f of files) {
    const name = `${folder}/${f.fileName}`
    if (name in entries) throw new Error(`two CSV files are named ${f.fileName}`)
    entries[name] = [strToU8(f.contents), { mtime }]
  }
  return zipSync(entries, { level: 6 })
}
