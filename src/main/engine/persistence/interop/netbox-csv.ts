/**
 * CSV reading and writing for NetBox device lists, on papaparse (RFC 4180: quoted fields,
 * doubled quotes, fields spanning lines, CRLF or LF, a byte-order mark).
 */
import Papa from 'papaparse'

export interface CsvTable {
  header: string[]
  /** Data rows; each has exactly `header.length` cells (short rows are padded with ''). */
  rows: string[][]
  /** The 1-based line of the file where each data row starts. */
  lines: number[]
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; message: string; line: number }

/** Parses CSV text with a header row; blank lines are skipped; errors name their line. */
export function readCsv(text: string): CsvResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const breaks: number[] = []
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) breaks.push(i)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = breaks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((breaks[mid] ?? 0) < offset) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
  const records: string[][] = []
  const lines: number[] = []
  let start = 0
  let failure: { message: string; line: number } | undefined
  Papa.parse<string[]>(s, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result) => {
      while (start < s.length && (s[start] === '\n' || s[start] === '\r')) start++
      const quoteError = result.errors.find((e) => e.type === 'Quotes')
      if (quoteError && !failure)
        failure = {
          message: 'a quoted field is never closed',
          line: lineAt(quoteError.index ?? start),
        }
      records.push(result.data)
      lines.push(lineAt(start))
      start = result.meta.cursor
    },
  })
  if (failure) return { ok: false, ...failure }
  const [header, ...rows] = records
  if (!header)
    return { ok: false, message: 'the file is empty; a header row was expected', line: 1 }
  return {
    ok: true,
    table: {
      header: header.map((h) => h.trim()),
      rows: rows.map((r) => header.map((_, k) => r[k] ?? '')),
      lines: lines.slice(1),
    },
  }
}

/** Formats a table as CSV with CRLF line ends (as RFC 4180 and NetBox's import accept), cells exact. */
export function writeCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  return (
    Papa.unparse(
      { fields: [...header], data: rows.map((r) => r.map(String)) },
      { newline: '\r\n', escapeFormulae: false },
    ) + '\r\n'
  )
}
