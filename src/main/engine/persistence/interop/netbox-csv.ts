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

export type CsvResult =
  | { ok: true; table: CsvTable }
  | {
      ok: false
      message: string
      line: number
      /** Past a size limit, not malformed. */ tooLarge?: true
    }

/**
 * At most this many columns in the header row: NetBox's device export has about 60 with
 * custom fields. Review s8a #3: a header of 3,000,000 columns (26 MB) cost 3.2 s of CPU and
 * 722 MB in one parse on the web host's main thread.
 */
export const MAX_CSV_COLUMNS = 1000
/**
 * At most this many data rows (devices): ten times the devices of a 10,000-host datacenter.
 * Review s8a #2: 500,000 rows of two characters held the web host 7.4 s.
 */
export const MAX_CSV_ROWS = 100_000

/** How many fields the first record of `s` has, counting stops past `limit` (no allocation). */
function headerFieldCount(s: string, limit: number): number {
  let fields = 1
  let quoted = false
  let i = 0
  while (i < s.length && /\s/.test(s.charAt(i))) i++ // blank lines before the header
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (!quoted && (c === 0x0a || c === 0x0d)) break
    else if (!quoted && c === 0x2c && ++fields > limit) break
  }
  return fields
}

/**
 * Parses CSV text with a header row; blank lines are skipped; errors name their line. A header
 * of more than {@link MAX_CSV_COLUMNS} columns is refused before parsing, and more than
 * {@link MAX_CSV_ROWS} data rows stop the parse (`tooLarge`), so no input costs more than a
 * bounded parse.
 */
export function readCsv(text: string): CsvResult {
  const read = csvRecords(text, { maxColumns: MAX_CSV_COLUMNS, maxRows: MAX_CSV_ROWS })
  if (!read.ok) return read
  const [header, ...rows] = read.records
  if (!header)
    return { ok: false, message: 'the file is empty; a header row was expected', line: 1 }
  return {
    ok: true,
    table: {
      header: header.map((h) => h.trim()),
      rows: rows.map((r) => header.map((_, k) => r[k] ?? '')),
      lines: read.lines.slice(1),
    },
  }
}

/** CSV records with the file line each starts on, or the first syntax problem and its line. */
export type CsvRecords =
  | { ok: true; records: string[][]; lines: number[] }
  | { ok: false; message: string; line: number; /** Past a size limit. */ tooLarge?: true }

/** Size limits of a CSV read: columns of the first record, data rows after it. */
export interface CsvLimits {
  maxColumns: number
  maxRows: number
}

/** A quote problem in words (papaparse's `code`), said at the line where the field's quote opens. */
function quoteProblem(code: string): string {
  return code === 'InvalidQuotes'
    ? 'a quoted field has a stray quote after its closing quote (a quote inside quotes is written "")'
    : 'a quoted field is never closed'
}

/**
 * Splits CSV text into records (comma-separated, RFC 4180 quoting; a leading byte-order mark
 * dropped; blank lines skipped but counted, so line numbers match what an editor shows). The
 * one CSV reader of NetBox device lists (`readCsv`, with its size limits) and generic CSV
 * traces (`strata import csv`). With `limits`, a first record of more columns is refused before
 * parsing and the parse stops past `maxRows` records after the first (`tooLarge`).
 */
export function csvRecords(text: string, limits?: CsvLimits): CsvRecords {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (limits && headerFieldCount(s, limits.maxColumns) > limits.maxColumns)
    return {
      ok: false,
      message: `the header row has more than ${limits.maxColumns.toLocaleString('en-US')} columns, the most an import reads`,
      line: 1,
      tooLarge: true,
    }
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
  let failure: { message: string; line: number; tooLarge?: true } | undefined
  Papa.parse<string[]>(s, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      if (limits && records.length > limits.maxRows) {
        failure ??= {
          message: `the file has more than ${limits.maxRows.toLocaleString('en-US')} data rows, the most an import reads`,
          line: lineAt(start),
          tooLarge: true,
        }
        parser.abort()
        return
      }
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
