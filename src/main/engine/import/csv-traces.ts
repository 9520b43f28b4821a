/**
 * Attaches demand traces from a generic CSV (`time_s,instance,cpu_percent[,memory_percent]`,
 * header optional) to a design: one trace per workload or per single-instance workload.
 * The `instance` column holds a workload id (the trace drives every instance of it) or an
 * instance id `${workloadId}#0` of a workload with one instance. Samples are taken every
 * `intervalS` (default: the smallest time step in the file); gaps repeat the last value.
 */
import type { Design, Trace } from '../../../shared/design/schema'

export type CsvImport =
  { ok: true; design: Design; traces: number } | { ok: false; message: string }

interface Row {
  tS: number
  cpu: number
  memory?: number
}

/** Parses the CSV; every problem names its line. */
function parseRows(text: string): Map<string, Row[]> | string {
  const byKey = new Map<string, Row[]>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line === '' || line.startsWith('#')) continue
    const f = line.split(',').map((x) => x.trim())
    if (i === 0 && Number.isNaN(Number(f[0]))) continue
    if (f.length < 3 || f.length > 4)
      return `line ${i + 1}: expected time_s,instance,cpu_percent[,memory_percent], got "${line}"`
    const tS = Number(f[0])
    const cpu = Number(f[2])
    const memory = f[3] === undefined || f[3] === '' ? undefined : Number(f[3])
    if (!Number.isFinite(tS) || tS < 0) return `line ${i + 1}: time "${f[0]}" must be seconds >= 0`
    if (!(cpu >= 0 && cpu <= 100)) return `line ${i + 1}: cpu "${f[2]}" must be a percentage 0..100`
    if (memory !== undefined && !(memory >= 0 && memory <= 100))
      return `line ${i + 1}: memory "${f[3]}" must be a percentage 0..100`
    const key = f[1] as string
    if (key === '') return `line ${i + 1}: the instance column is empty`
    const rows = byKey.get(key) ?? []
    rows.push(memory === undefined ? { tS, cpu } : { tS, cpu, memory })
    byKey.set(key, rows)
  }
  return byKey
}

/** A copy of `design` with the CSV's traces attached. */
export function importCsvTraces(
  design: Design,
  text: string,
  options: { intervalS?: number } = {},
): CsvImport {
  const parsed = parseRows(text)
  if (typeof parsed === 'string') return { ok: false, message: parsed }
  if (parsed.size === 0) return { ok: false, message: 'the CSV has no rows' }
  const workloads = new Map(design.workloads.map((w) => [w.id, w]))
  let interval = options.intervalS ?? Number.POSITIVE_INFINITY
  if (options.intervalS === undefined) {
    for (const rows of parsed.values()) {
      const times = [...new Set(rows.map((r) => r.tS))].sort((a, b) => a - b)
      for (let i = 1; i < times.length; i++)
        interval = Math.min(interval, (times[i] as number) - (times[i - 1] as number))
    }
    if (!Number.isFinite(interval)) interval = design.simulation.stepS
  }
  interval = Math.max(1, Math.round(interval))
  const out: Design = { ...design, workloads: [...design.workloads], traces: [...design.traces] }
  const ids = new Set([...design.workloads.map((w) => w.id), ...design.traces.map((t) => t.id)])
  for (const [key, rows] of [...parsed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const hash = key.lastIndexOf('#')
    const workloadId = hash >= 0 ? key.slice(0, hash) : key
    const w = workloads.get(workloadId)
    if (!w) return { ok: false, message: `"${key}" names no workload of the design` }
    if (hash >= 0 && (key.slice(hash + 1) !== '0' || w.count !== 1))
      return {
        ok: false,
        message: `"${key}": per-instance traces need a workload of one instance ("${workloadId}" has ${w.count}); use the workload id to drive all its instances`,
      }
    rows.sort((a, b) => a.tS - b.tS)
    const last = (rows[rows.length - 1] as Row).tS
    const n = Math.floor(last / interval) + 1
    const cpuPercent: number[] = []
    const memoryPercent: number[] = []
    let r = 0
    let cpu = (rows[0] as Row).cpu
    let memory = (rows[0] as Row).memory ?? 0
    for (let k = 0; k < n; k++) {
      while (r < rows.length && (rows[r] as Row).tS <= k * interval) {
        cpu = (rows[r] as Row).cpu
        memory = (rows[r] as Row).memory ?? memory
        r++
      }
      cpuPercent.push(cpu)
      memoryPercent.push(memory)
    }
    let id = `trace-${workloadId}`
    for (let i = 2; ids.has(id); i++) id = `trace-${workloadId}-${i}`
    ids.add(id)
    const trace: Trace = { id, name: `${key} (CSV)`, intervalS: interval, cpuPercent }
    if (rows.some((x) => x.memory !== undefined)) trace.memoryPercent = memoryPercent
    out.traces.push(trace)
    const index = out.workloads.findIndex((x) => x.id === workloadId)
    const { demand: _demand, ...rest } = out.workloads[index] as (typeof out.workloads)[number]
    out.workloads[index] = { ...rest, traceId: id }
  }
  return { ok: true, design: out, traces: parsed.size }
}
