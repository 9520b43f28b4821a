/**
 * Splits CSV text into rows of cells with the file line each row starts on (RFC 4180 quoting
 * by papaparse; a leading byte-order mark is dropped). Blank lines are kept out of the rows
 * but still counted, so line numbers match what an editor shows.
 */
import Papa from 'papaparse'
import type { CsvRow } from '../engine'

/** The rows of `text`, or the first syntax problem with its line. */
export function csvRows(
  text: string,
): { ok: true; rows: CsvRow[] } | { ok: false; message: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: CsvRow[] = []
  let startOffset = 0
  let line = 1
  let problem: string | undefined
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor
      const cells = result.data
      if (result.errors.length > 0 && problem === undefined)
        problem = `line ${line}: ${(result.errors[0] as Papa.ParseError).message}`
      if (!(cells.length === 1 && (cells[0] as string).trim() === ''))
        rows.push({ line, cells: cells.map((c) => c.trim()) })
      for (let i = startOffset; i < end; i++) if (body.charCodeAt(i) === 10) line++
      startOffset = end
    },
  })
  return problem === undefined ? { ok: true, rows } : { ok: false, message: problem }
}
