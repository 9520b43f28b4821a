/**
 * Attaches demand traces from a generic CSV (`time_s,instance,cpu_percent[,memory_percent]`,
 * header optional) to a design: one trace per workload or per single-instance workload. The
 * `instance` column holds a workload id (the trace drives every instance of it) or an instance
 * id `${workloadId}#0` of a workload with one instance. Pure: the caller splits the file into
 * rows (`CsvRow`, with line numbers) and reads the bytes.
 *
 * Time never bends (issue 10). The rules, stated once:
 * - Time stamps may start anywhere (Unix seconds, offsets of days): every trace starts at the
 *   file's first time stamp t0, which becomes 0; the shift is reported (`shiftS`).
 * - The sample interval is `intervalS`, or the smallest step between two consecutive time
 *   stamps of one instance. Row t goes to slot round((t − t0) / interval).
 * - Two rows of one instance in the same slot (duplicate times) are an error naming both
 *   lines. Rows out of time order are sorted, with a warning naming the first such line.
 * - A gap (missing slots) is filled by holding the previous value (before an instance's first
 *   row: its first value), with a warning naming the line after it; a gap longer than
 *   `maxGapIntervals` (default 12) intervals is an error naming that line.
 * - A cell that is not a number, or a percentage outside 0..100, is an error naming the line
 *   and the column.
 */
import type { Design, Trace } from '../../../shared/design/schema'

/** One CSV row: the file line it starts on and its cells (trimmed). */
export interface CsvRow {
  line: number
  cells: string[]
}

export interface CsvImportOptions {
  intervalS?: number
  /** How to name the file in messages. */
  source?: string
  /** Longest gap filled with a warning, in intervals (default 12); longer gaps are errors. */
  maxGapIntervals?: number
}

/** What an import wrote, for its summary line. */
export interface CsvImportSummary {
  traces: number
  samples: number
  instances: number
  intervalS: number
  /** Seconds subtracted from every time stamp (the file's first stamp). */
  shiftS: number
}

export type CsvImport =
  | { ok: true; design: Design; summary: CsvImportSummary; warnings: string[] }
  | { ok: false; message: string }

interface Row {
  line: number
  tS: number
  cpu: number
  memory?: number
}

const COLUMNS = ['time_s', 'instance', 'cpu_percent', 'memory_percent']
const DEFAULT_MAX_GAP_INTERVALS = 12
/**
 * The largest time stamp read, seconds: 10^12 s is 31,700 years, far past any clock in
 * seconds (Unix time is about 1.7 × 10^9), and below 2^53 / 1000, where doubles stop telling
 * milliseconds apart (review s12 #3: 10^15 and 10^15 + 0.001 read as one time).
 */
const MAX_CSV_TIME_S = 1e12

/** The longest sample interval read from a CSV's times: a 365-day year, in seconds. */
export const MAX_CSV_INTERVAL_S = 365 * 86_400

/**
 * Why an inferred sample interval (seconds) cannot be a trace's: under a second (traces hold
 * one sample per whole second at most) or over a year (times in another unit, most likely).
 */
function intervalProblem(intervalS: number): string | undefined {
  if (intervalS < 0.5)
    return 'traces hold at most one sample per second; are the times in seconds (not milliseconds)?'
  if (intervalS > MAX_CSV_INTERVAL_S)
    return `more than a year (${MAX_CSV_INTERVAL_S} s) between samples; are the times in seconds?`
  return undefined
}

/** Reads the rows; every problem names its line and column. */
function parseRows(rows: readonly CsvRow[], at: (line: number, col?: number) => string) {
  const byKey = new Map<string, Row[]>()
  for (let i = 0; i < rows.length; i++) {
    const { line, cells } = rows[i] as CsvRow
    if ((cells[0] ?? '').startsWith('#')) continue
    if (i === 0 && cells[0] !== undefined && Number.isNaN(Number(cells[0]))) continue
    if (cells.length < 3 || cells.length > 4)
      return `${at(line)}: expected ${COLUMNS.join(',')} (the last optional), got ${cells.length} cell(s)`
    const num = (col: number): number | string => {
      const raw = cells[col] as string
      const x = raw === '' ? Number.NaN : Number(raw)
      return Number.isFinite(x) ? x : `${at(line, col)}: "${raw}" is not a number`
    }
    const tS = num(0)
    if (typeof tS === 'string') return tS
    if (tS < 0) return `${at(line, 0)}: time ${tS} must be seconds >= 0`
    if (tS > MAX_CSV_TIME_S)
      return `${at(line, 0)}: time ${cells[0]} is more than 10^12 s (31,700 years), where times a millisecond apart read as one number; are the times in seconds (not milliseconds)?`
    const key = cells[1] as string
    if (key === '') return `${at(line, 1)}: the instance cell is empty`
    const cpu = num(2)
    if (typeof cpu === 'string') return cpu
    if (cpu < 0 || cpu > 100) return `${at(line, 2)}: cpu ${cpu} must be a percentage 0..100`
    let memory: number | undefined
    if (cells[3] !== undefined && cells[3] !== '') {
      const m = num(3)
      if (typeof m === 'string') return m
      if (m < 0 || m > 100) return `${at(line, 3)}: memory ${m} must be a percentage 0..100`
      memory = m
    }
    const list = byKey.get(key) ?? []
    list.push(memory === undefined ? { line, tS, cpu } : { line, tS, cpu, memory })
    byKey.set(key, list)
  }
  return byKey
}

/** A copy of `design` with the CSV's traces attached, or the first problem. */
export function importCsvTraces(
  design: Design,
  rows: readonly CsvRow[],
  options: CsvImportOptions = {},
): CsvImport {
  const source = options.source ?? 'the CSV'
  const at = (line: number, col?: number): string =>
    col === undefined
      ? `${source} line ${line}`
      : `${source} line ${line}, column ${col + 1} (${COLUMNS[col]})`
  const parsed = parseRows(rows, at)
  if (typeof parsed === 'string') return { ok: false, message: parsed }
  if (parsed.size === 0) return { ok: false, message: `${source} has no data rows` }
  const warnings: string[] = []
  let t0 = Number.POSITIVE_INFINITY
  for (const list of parsed.values()) for (const r of list) t0 = Math.min(t0, r.tS)
  for (const [key, list] of parsed) {
    const bad = list.findIndex((r, i) => i > 0 && r.tS < (list[i - 1] as Row).tS)
    if (bad >= 0) {
      warnings.push(
        `${at((list[bad] as Row).line)}: rows of "${key}" are not in time order; sorted by time`,
      )
      list.sort((a, b) => a.tS - b.tS || a.line - b.line)
    }
  }
  let interval = options.intervalS ?? Number.POSITIVE_INFINITY
  if (options.intervalS !== undefined && options.intervalS > MAX_CSV_INTERVAL_S)
    return {
      ok: false,
      message: `the interval ${options.intervalS} s is more than a year (${MAX_CSV_INTERVAL_S} s)`,
    }
  if (options.intervalS === undefined) {
    // the smallest step, and the two lines it lies between (named if it cannot be used)
    let lines: [number, number] = [0, 0]
    for (const list of parsed.values())
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1] as Row
        const b = list[i] as Row
        const d = b.tS - a.tS
        if (d > 0 && d < interval) [interval, lines] = [d, [a.line, b.line]]
      }
    if (!Number.isFinite(interval)) interval = design.simulation.stepS
    else {
      const bad = intervalProblem(interval)
      if (bad)
        return {
          ok: false,
          message: `${source} lines ${lines[0]} and ${lines[1]}: samples of one instance ${+interval.toPrecision(6)} s apart: ${bad}`,
        }
    }
  }
  interval = Math.max(1, Math.round(interval))
  const maxGap = options.maxGapIntervals ?? DEFAULT_MAX_GAP_INTERVALS
  const workloads = new Map(design.workloads.map((w) => [w.id, w]))
  const out: Design = { ...design, workloads: [...design.workloads], traces: [...design.traces] }
  const ids = new Set([...design.workloads.map((w) => w.id), ...design.traces.map((t) => t.id)])
  let samples = 0
  let instances = 0
  for (const [key, list] of [...parsed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const hash = key.lastIndexOf('#')
    const workloadId = hash >= 0 ? key.slice(0, hash) : key
    const w = workloads.get(workloadId)
    const first = list[0] as Row
    if (!w) return { ok: false, message: `${at(first.line, 1)}: "${key}" names no workload` }
    if (hash >= 0 && (key.slice(hash + 1) !== '0' || w.count !== 1))
      return {
        ok: false,
        message: `${at(first.line, 1)}: "${key}": per-instance traces need a workload of one instance ("${workloadId}" has ${w.count}); use the workload id to drive all its instances`,
      }
    const cpuPercent: number[] = []
    const memoryPercent: number[] = []
    let previousLine = 0
    let previousS = Number.NaN
    for (const r of list) {
      const slot = Math.round((r.tS - t0) / interval)
      if (slot < cpuPercent.length)
        return {
          ok: false,
          message:
            r.tS === previousS
              ? `${at(r.line, 0)}: "${key}" has a second sample for time ${r.tS} (line ${previousLine}); duplicate times are not allowed`
              : `${at(r.line, 0)}: "${key}" has a second sample in the ${interval}-s interval of line ${previousLine} (times ${previousS} and ${r.tS} s); one sample per interval`,
        }
      const missing = slot - cpuPercent.length
      if (missing > maxGap)
        return {
          ok: false,
          message: `${at(r.line, 0)}: "${key}" has a gap of ${missing} samples (${missing * interval} s) before this row, more than the ${maxGap} that are filled`,
        }
      if (missing > 0)
        warnings.push(
          `${at(r.line, 0)}: "${key}" misses ${missing} sample(s) before this row; ${cpuPercent.length === 0 ? 'filled with its first value' : 'the previous value is held'}`,
        )
      const fillCpu = cpuPercent.length === 0 ? r.cpu : (cpuPercent.at(-1) as number)
      const fillMemory =
        memoryPercent.length === 0 ? (r.memory ?? 0) : (memoryPercent.at(-1) as number)
      for (let k = 0; k < missing; k++) {
        cpuPercent.push(fillCpu)
        memoryPercent.push(fillMemory)
      }
      cpuPercent.push(r.cpu)
      memoryPercent.push(r.memory ?? (memoryPercent.at(-1) as number | undefined) ?? 0)
      previousLine = r.line
      previousS = r.tS
    }
    let id = `trace-${workloadId}`
    for (let i = 2; ids.has(id); i++) id = `trace-${workloadId}-${i}`
    ids.add(id)
    const trace: Trace = { id, name: `${key} (CSV)`, intervalS: interval, cpuPercent }
    if (list.some((x) => x.memory !== undefined)) trace.memoryPercent = memoryPercent
    out.traces.push(trace)
    samples += cpuPercent.length
    instances += w.count
    const index = out.workloads.findIndex((x) => x.id === workloadId)
    const { demand: _demand, ...rest } = out.workloads[index] as (typeof out.workloads)[number]
    out.workloads[index] = { ...rest, traceId: id }
  }
  return {
    ok: true,
    design: out,
    summary: { traces: parsed.size, samples, instances, intervalS: interval, shiftS: t0 },
    warnings,
  }
}
