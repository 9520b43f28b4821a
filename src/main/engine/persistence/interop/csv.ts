/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends, a header row. */

export interface CsvTable {
  header: string[]
  /** Data rows; each has exactly `header.length` cells (short rows are padded with ''). */
  rows: string[][]
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; message: string; line: number }

/** Parses CSV text; an unterminated quote is an error naming its line. */
export function parseCsv(text: string): CsvResult {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let quoteLine = 0
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      quoteLine = line
    } else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
      line++
    } else field += ch
  }
  if (quoted) return { ok: false, message: 'a quoted field is never closed', line: quoteLine }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''))
  const [header, ...rows] = nonEmpty
  if (!header)
    return { ok: false, message: 'the file is empty; a header row was expected', line: 1 }
  return {
    ok: true,
    table: {
      header: header.map((h) => h.trim()),
      rows: rows.map((r) => header.map((_, k) => r[k] ?? '')),
    },
  }
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** Formats a table as CSV with CRLF line ends (as RFC 4180 and spreadsheets expect). */
export function formatCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const lines = [header.map(quote).join(',')]
  for (const row of rows) lines.push(row.map((c) => quote(String(c))).join(','))
  return lines.join('\r\n') + '\r\n'
}
