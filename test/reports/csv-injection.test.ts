/**
 * CSV formula injection (issue 11): a report written from a design whose every name looks
 * like a formula opens in a spreadsheet as text. Oracle: the report model the CSV was made
 * from, cell by cell, under OWASP's rule (text starting with = + - @ tab CR gets a leading
 * `'`; numbers, negative ones included, are written as the numbers they are).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readStrataFile } from '../../src/main/engine/persistence'
import Papa from 'papaparse'
import {
  reportCharts,
  reportTables,
  spreadsheetSafeCell,
  type ReportModel,
} from '../../src/main/engine/reports'
import { columnCsvHeader } from '../../src/main/engine/reports/model'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r']
const NAMES = [
  '=HYPERLINK("http://127.0.0.1/x","click")',
  "-2+3+cmd|' /C calc'!A0",
  '+1+1',
  '@SUM(1,2)',
  // names with a tab or CR are refused by the design schema since review s11 #5 (control
  // characters); the writer still prefixes such cells (the property test below)
  '=1+2',
  '-',
]

function formulaDesign(): Design {
  const read = readStrataFile(
    readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8'),
  )
  if (!read.ok) throw new Error(read.message)
  const design = structuredClone(read.design) as Design
  let n = 0
  const rename = (items: Array<{ name?: string }>) => {
    for (const item of items) item.name = `${NAMES[n++ % NAMES.length]} ${n}`
  }
  rename(design.zones)
  rename(design.racks)
  rename(design.hosts)
  rename(design.switches)
  rename(design.storage)
  rename(design.tenants)
  rename(design.networks)
  rename(design.workloads)
  design.meta.name = '=cmd|"/C calc"!A0'
  return design
}

/** Every (source value, CSV cell) pair of a report's CSV files. */
function pairs(model: ReportModel, files: Array<{ fileName: string; contents: string }>) {
  const byName = new Map(files.map((f) => [f.fileName, f.contents]))
  const out: Array<{ source: string | number; cell: string; where: string }> = []
  const collect = (fileName: string, header: string[], rows: Array<Array<string | number>>) => {
    // An independent RFC 4180 reader (papaparse), not the writer's own code.
    const parsed = Papa.parse<string[]>(byName.get(fileName) ?? '', { skipEmptyLines: true })
    expect(parsed.errors, fileName).toEqual([])
    const [head = [], ...body] = parsed.data
    header.forEach((h, k) =>
      out.push({ source: h, cell: head[k] as string, where: `${fileName} header` }),
    )
    expect(body.length, fileName).toBe(rows.length)
    rows.forEach((row, i) =>
      row.forEach((source, k) =>
        out.push({
          source,
          cell: body[i]?.[k] as string,
          where: `${fileName}:${i}:${k}`,
        }),
      ),
    )
  }
  for (const t of reportTables(model))
    collect(`${t.id}.csv`, t.columns.map(columnCsvHeader), t.rows)
  for (const c of reportCharts(model)) {
    if (c.dataTableId) continue
    collect(
      `${c.id}-series.csv`,
      ['time_s', ...c.series.map((s) => `${s.name} (${c.yUnit})`)],
      c.timesS.map((t, i) => [t, ...c.series.map((s) => s.values[i] ?? '')]),
    )
  }
  return out
}

function checkCells(cells: ReturnType<typeof pairs>): { neutralised: number; numbers: number } {
  let neutralised = 0
  let numbers = 0
  for (const { source, cell, where } of cells) {
    if (typeof source === 'number') {
      numbers++
      expect(Number(cell), where).toBe(source)
      expect(cell, where).toBe(String(source))
    } else if (DANGEROUS.includes(source[0] ?? '')) {
      neutralised++
      expect(cell, where).toBe(`'${source}`)
    } else expect(cell, where).toBe(source)
  }
  return { neutralised, numbers }
}

describe('report CSVs from a design full of formula-like names', () => {
  it('prefix every formula-like text cell and keep every number, provider and tenant alike', async () => {
    const design = formulaDesign()
    for (const tenantId of [undefined, 't-acme']) {
      const out = await produceReport({ design, tenantId, csv: true })
      const cells = pairs(out.model, out.csv ?? [])
      const { neutralised, numbers } = checkCells(cells)
      // The names did reach the CSVs, and there are numbers (negative ones among them).
      expect(neutralised, `tenant ${tenantId}`).toBeGreaterThan(3)
      expect(numbers, `tenant ${tenantId}`).toBeGreaterThan(100)
    }
  })
})

describe('spreadsheetSafeCell', () => {
  it('keeps every number; prefixes exactly the text that starts with one of the six', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (n) => {
        expect(spreadsheetSafeCell(n)).toBe(n)
        expect(spreadsheetSafeCell(-Math.abs(n))).toBe(-Math.abs(n))
      }),
    )
    fc.assert(
      fc.property(fc.constantFrom('', ...DANGEROUS), fc.string(), (start, rest) => {
        const text = start + rest
        const safe = spreadsheetSafeCell(text)
        if (DANGEROUS.includes(text[0] ?? '')) expect(safe).toBe(`'${text}`)
        else expect(safe).toBe(text)
      }),
    )
  })
})
