/**
 * The CSV export carries every number once: no column of any report CSV (provider's or a
 * tenant's) repeats another column, in the same unit or another (a constant factor such as
 * 100 for fraction/percent or 3600 for s/h), and time is in seconds everywhere.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { produceReport } from '../../src/main/services/reports/produce-report'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import type { Design } from '../../src/shared/design/schema'

const design = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

/** RFC 4180 cells of one line (quoted cells may hold commas and doubled quotes). */
function cells(line: string): string[] {
  const out: string[] = []
  const re = /("([^"]|"")*"|[^,]*)(,|$)/g
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
    const raw = m[1] ?? ''
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw)
    if (m[3] === '') break
  }
  return out
}

interface Column {
  where: string
  values: number[]
}

/** The numeric columns of a CSV text that carry information (see below). */
function numericColumns(fileName: string, text: string): Column[] {
  const [head = '', ...lines] = text.trim().split('\r\n')
  const header = cells(head)
  const rows = lines.map(cells)
  return header.flatMap((name, j) => {
    const values = rows.map((r) => Number(r[j]))
    const numeric =
      rows.every((r) => r[j] !== '' && r[j] !== undefined) && values.every(Number.isFinite)
    // time_s is the key that joins the series files; a column of two values (a host off, then
    // on) or a short table (requested = placed when all is placed) matches another by chance,
    // so only series of 10+ rows with 3+ distinct values are compared.
    const informative = values.length >= 10 && new Set(values).size >= 3 && name !== 'time_s'
    return numeric && informative ? [{ where: `${fileName}:${name}`, values }] : []
  })
}

/** Whether b = k * a for one constant k (a copy, perhaps in another unit). */
function proportional(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false
  const i = a.findIndex((v) => v !== 0)
  if (i < 0 || b[i] === 0) return false
  const k = (b[i] as number) / (a[i] as number)
  return a.every(
    (v, n) => Math.abs((b[n] as number) - k * v) <= 1e-9 * Math.max(1, Math.abs(k * v)),
  )
}

/**
 * Two columns of one per-entity series file (`*-series.csv`, a column per link or host) in the
 * same unit are two entities of one quantity: equal series there are data (two uplinks of a
 * rack carry the same load when equal-cost paths split it evenly), not a number said twice.
 */
function sameQuantityOfTwoEntities(a: string, b: string): boolean {
  const [fileA = '', colA = ''] = a.split(/:(.*)/s)
  const [fileB = '', colB = ''] = b.split(/:(.*)/s)
  const unit = (c: string) => /\(([^)]*)\)$/.exec(c)?.[1]
  return fileA === fileB && fileA.endsWith('-series.csv') && unit(colA) === unit(colB)
}

function copies(files: Array<{ fileName: string; contents: string }>): string[] {
  const columns = files.flatMap((f) => numericColumns(f.fileName, f.contents))
  const found: string[] = []
  for (let x = 0; x < columns.length; x++)
    for (let y = x + 1; y < columns.length; y++)
      if (sameQuantityOfTwoEntities(columns[x]!.where, columns[y]!.where)) continue
      else if (proportional(columns[x]!.values, columns[y]!.values))
        found.push(`${columns[x]!.where} = k * ${columns[y]!.where}`)
  return found
}

describe('report CSV', () => {
  it('the provider report holds no column twice, and times only in seconds', async () => {
    const out = await produceReport({ design, csv: true })
    const files = out.csv ?? []
    expect(files.length).toBeGreaterThan(10)
    expect(copies(files)).toEqual([])
    expect(new Set(files.map((f) => f.fileName)).size).toBe(files.length)
    for (const f of files)
      expect(f.contents.split('\r\n')[0], f.fileName).not.toMatch(/time_h|time \(h\)/)
  })

  it('neither does any tenant report', async () => {
    for (const tenant of design.tenants) {
      const out = await produceReport({ design, tenantId: tenant.id, csv: true })
      expect(copies(out.csv ?? []), tenant.name).toEqual([])
    }
  })

  it('the check finds a copy in another unit (it is not blind)', () => {
    const times = Array.from({ length: 12 }, (_, i) => i * 300)
    const u = times.map((t) => ((t / 300) * 7) % 11)
    const a = ['time_s,time_h,u', ...times.map((t, i) => `${t},${t / 3600},${u[i]}`)].join('\r\n')
    const b = ['time_s,u_percent', ...times.map((t, i) => `${t},${(u[i] ?? 0) * 100}`)].join('\r\n')
    const files = [
      { fileName: 'a.csv', contents: a },
      { fileName: 'b.csv', contents: b },
    ]
    expect(copies(files)).toEqual(['a.csv:u = k * b.csv:u_percent'])
    expect(numericColumns('a.csv', a).map((c) => c.where)).toEqual(['a.csv:time_h', 'a.csv:u'])
  })
})
