/**
 * CSV reading (NetBox device lists, generic CSV traces) and writing (NetBox), on papaparse (RFC 4180: quoted fields,
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

/** CSV records with the file line each starts on, or the first syntax problem and its line. */
export type CsvRecords =
  { ok: true; records: string[][]; lines: number[] } | { ok: false; message: string; line: number }

/** A quote problem in words (papaparse's `code`), said at the line where the field's quote opens. */
function quoteProblem(code: string): string {
  return code === 'InvalidQuotes'
    ? 'a quoted field has a stray quote after its closing quote (a quote inside quotes is written "")'
    : 'a quoted field is never closed'
}

/**
 * Splits CSV text into records (comma-separated, RFC 4180 quoting; a leading byte-order mark
 * dropped; blank lines skipped but counted, so line numbers match what an editor shows). The
 * one CSV reader of NetBox device lists and generic CSV traces (`strata import csv`).
 */
export function csvRecords(text: string): CsvRecords {
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
          message: quoteProblem(quoteError.code),
          line: lineAt(quoteError.index ?? start),
        }
      records.push(result.data)
      lines.push(lineAt(start))
      start = result.meta.cursor
    },
  })
  return failure ? { ok: false, ...failure } : { ok: true, records, lines }
}

/** Parses CSV text with a header row (`csvRecords`); errors name their line. */
export function readCsv(text: string): CsvResult {
  const parsed = csvRecords(text)
  if (!parsed.ok) return parsed
  const [header, ...rows] = parsed.records
  if (!header)
    return { ok: false, message: 'the file is empty; a header row was expected', line: 1 }
  return {
    ok: true,
    table: {
      header: header.map((h) => h.trim()),
      rows: rows.map((r) => header.map((_, k) => r[k] ?? '')),
      lines: parsed.lines.slice(1),
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
