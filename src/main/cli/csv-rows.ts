/**
 * Splits CSV text into rows of cells with the file line each row starts on, through the one
 * CSV reader (`csvRecords`: comma-separated, RFC 4180 quoting, a leading byte-order mark
 * dropped). Blank lines are kept out of the rows but still counted, so line numbers match
 * what an editor shows; a quote never closed is said at the line where it opens (review s9a
 * #6: this reader let papaparse guess the delimiter and printed its guess, "Unable to
 * auto-detect delimiting character", at line 1).
 */
import { csvRecords, type CsvRow } from '../engine'

/** The rows of `text` (cells trimmed), or the first syntax problem with its line. */
export function csvRows(
  text: string,
): { ok: true; rows: CsvRow[] } | { ok: false; message: string } {
  const parsed = csvRecords(text)
  if (!parsed.ok) return { ok: false, message: `line ${parsed.line}: ${parsed.message}` }
  const rows = parsed.records.map((cells, i) => ({
    line: parsed.lines[i] as number,
    cells: cells.map((c) => c.trim()),
  }))
  return { ok: true, rows }
}
