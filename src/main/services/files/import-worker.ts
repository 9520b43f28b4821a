/**
 * The import thread (bundled as out/main/import-worker.js; from source loaded through
 * import-worker-dev.mjs): piscina calls the default export once per `files:import`. It parses
 * and converts the file (a NetBox CSV of up to 1,000 columns and 100,000 rows takes seconds)
 * so that main's thread keeps answering every other session meanwhile.
 */
import {
  importNetboxCsv,
  importOpenDcTopology,
  parseJsonText,
  type ImportResult,
} from '../../engine'
import type { ImportTask } from './import-off-thread'

/** Imports one file's text; the same answer `importFile` gives on main's thread. */
export default function importInThread(task: ImportTask): ImportResult {
  return importFile(task)
}

/** Converts `task.contents` in the named format into a design (or says why not). */
export function importFile(task: ImportTask): ImportResult {
  if (task.format === 'netbox-csv') return importNetboxCsv(task.contents, task.name)
  const json = parseJsonText(task.contents, 'the OpenDC topology')
  return json.ok ? importOpenDcTopology(json.value, task.name) : json
}
