/** RFC 4180 CSV writing for report tables (NetBox files use papaparse: `netbox-csv.ts`). */

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
