/**
 * Memory in use and memory pressure over time (issue 10), per host and per tenant, where the
 * CPU series are: the result JSON, the Parquet tables, the report's CSV data tables and its
 * chart. Expected values from arithmetic on a memory trace.
 *
 * One host of 65,536 MiB physical memory, memory allocation ratio 2. Tenant `a`: a VM of
 * 49,152 MiB whose memory trace is 50 % for the first hour and 100 % for the second; tenant `b`:
 * a VM of 49,152 MiB with no memory trace (all of it in use). Memory in use:
 * - first hour: a 24,576 + b 49,152 = 73,728 MiB; pressure 73,728 − 65,536 = 8,192 MiB, shared
 *   by use: a 8,192 × 24,576 / 73,728, b 8,192 × 49,152 / 73,728;
 * - second hour: 98,304 MiB; pressure 32,768 MiB, 16,384 each.
 * Over the run: (8,192 + 32,768) MiB × 1 h = 40 GiB-h. The sample at H starts no interval.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { parseDesign } from '../../src/main/engine/model/parse'
import { buildProviderReport } from '../../src/main/engine/reports/provider-report'
import { reportCharts, reportTables } from '../../src/main/engine/reports/model'
import { simulate } from '../../src/main/engine/simulation'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'
import type { Design } from '../../src/shared/design/schema'
import { design, host, tenant, vm } from './closed-form-designs'

const dir = mkdtempSync(join(tmpdir(), 'strata-i10-memory-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const STEP_S = 300
const H = 7200
const VM_MIB = 49_152
const PHYS_MIB = 65_536

function memoryTrace(): Design {
  const rates = { basis: 'used' as const, vcpuHour: 0, memoryGiBHour: 1, storageGiBMonth: 0 }
  const input = design(
    'memory over time',
    {
      hosts: [
        {
          ...host(0, { cores: 4, mipsPerCore: 1000, idleW: 100, busyW: 200 }),
          memoryAllocationRatio: 2,
        },
      ],
      tenants: [tenant('a', rates), tenant('b', rates)],
      workloads: [
        {
          ...vm(0, 'a', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: VM_MIB, diskGiB: 0, percent: 0 }),
          traceId: 'm',
        },
        vm(1, 'b', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: VM_MIB, diskGiB: 0, percent: 10 }),
      ],
      traces: [
        { id: 'm', name: 'm', intervalS: 3600, cpuPercent: [10, 10], memoryPercent: [50, 100] },
      ],
    },
    { horizonS: H, stepS: STEP_S, switchOffIdleHosts: true },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

/**
 * The expected value at sample time tS (the state held from tS on). A trace wraps like the CPU
 * trace, so the sample at the horizon (7,200 s, which holds for no time) reads its first value.
 */
function expected(tS: number) {
  const a = Math.floor(tS / 3600) % 2 === 0 ? VM_MIB / 2 : VM_MIB
  const b = VM_MIB
  const total = a + b
  const pressure = Math.max(0, total - PHYS_MIB)
  return {
    a,
    b,
    total,
    pressure,
    aPressure: (pressure * a) / total,
    bPressure: (pressure * b) / total,
  }
}

const times = Array.from({ length: H / STEP_S + 1 }, (_, k) => k * STEP_S)

function tenantSeries(r: SimulationResult, id: string) {
  const s = r.series.tenants.find((t) => t.tenantId === id)
  if (!s) throw new Error(`no series for ${id}`)
  return s
}

describe('memory in use and memory pressure over time', () => {
  const d = memoryTrace()
  const r = simulate(d, { hostSeries: true })

  it('are in the result JSON per host and per tenant', () => {
    expect(r.series.timesS).toEqual(times)
    const h0 = r.series.hosts[0]
    const a = tenantSeries(r, 'a')
    const b = tenantSeries(r, 'b')
    times.forEach((tS, i) => {
      const e = expected(tS)
      expect(h0?.memoryInUseMiB?.[i]).toBeCloseTo(e.total, 6)
      expect(h0?.memoryPressureMiB?.[i]).toBeCloseTo(e.pressure, 6)
      expect(a.memoryInUseMiB?.[i]).toBeCloseTo(e.a, 6)
      expect(b.memoryInUseMiB?.[i]).toBeCloseTo(e.b, 6)
      expect(a.memoryPressureMiB?.[i]).toBeCloseTo(e.aPressure, 6)
      expect(b.memoryPressureMiB?.[i]).toBeCloseTo(e.bPressure, 6)
    })
    // The series held step by step integrate to the run's total, 40 GiB-hours.
    const pressureMiBS = (h0?.memoryPressureMiB ?? [])
      .slice(0, -1)
      .reduce((sum, p) => sum + p * STEP_S, 0)
    expect(pressureMiBS / 1024 / 3600).toBeCloseTo(40, 9)
    expect(r.summary.memoryPressureGiBHours).toBeCloseTo(40, 9)
  })

  it('are in the report’s CSV data tables and its chart', () => {
    const model = buildProviderReport({ design: d, simulation: r })
    const tables = reportTables(model)
    const tenants = tables.find((t) => t.id === 'series-tenants')
    const col = (name: string) => tenants?.columns.indexOf(name) ?? -1
    const rowsOfA = tenants?.rows.filter((row) => row[1] === 'a') ?? []
    expect(rowsOfA.map((row) => row[col('memory_in_use_mib')])).toEqual(
      times.map((t) => expected(t).a),
    )
    const pressure = tables.find((t) => t.id === 'series-host-memory-pressure')
    expect(pressure?.rows.map((row) => row[1])).toEqual(times.map((t) => expected(t).pressure))
    const chart = reportCharts(model).find((c) => c.id === 'tenant-memory')
    expect(chart?.yUnit).toBe('MiB')
    expect(chart?.series.find((s) => s.name === 'b')?.values).toEqual(times.map(() => VM_MIB))
  })

  it('are in the Parquet tables', async () => {
    const file = join(dir, 'memory.strata.json')
    writeFileSync(file, JSON.stringify(d))
    const code = await runCli(['simulate', file, '--parquet', join(dir, 'pq')], {
      out: () => {},
      err: () => {},
      cwd: dir,
    })
    expect(code).toBe(0)
    const read = async (name: string) => {
      const b = readFileSync(join(dir, 'pq', name))
      return parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) })
    }
    const tenants = await read('tenant-series.parquet')
    const rowsOfA = tenants.filter((row) => row.tenant_id === 'a')
    expect(rowsOfA.map((row) => row.memory_in_use_mib)).toEqual(times.map((t) => expected(t).a))
    for (const [i, row] of rowsOfA.entries())
      expect(row.memory_pressure_mib).toBeCloseTo(expected(times[i] as number).aPressure, 6)
    const hosts = await read('host-series.parquet')
    expect(hosts.map((row) => row.memory_pressure_mib)).toEqual(
      times.map((t) => expected(t).pressure),
    )
  })
})
