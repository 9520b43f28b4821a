/**
 * The values a saved `lastRun` must hold before it is believed (review s7b #2): its shape
 * (`last-run-shape.ts`) said nothing of its numbers or ids, so a run edited to −1e308 hosts,
 * to a host or instance the design does not have, or to a series of 3,000,000 samples on a
 * 13-host design (a 168 s report that then ran out of heap) opened silently and fed every
 * report. Checked here, against the design it belongs to:
 * - every number is finite; counts are whole and ≥ 0; energies, times, CPU and memory
 *   figures are ≥ 0; percentages lie in 0..100;
 * - `summary.horizonS` and `summary.stepS` are within `shared/design/simulation-limits.ts`;
 * - the series hold one sample per step instant: `timesS` rises within 0..horizonS, has at
 *   most `steps + 1` samples, and every other series has as many;
 * - every host, rack, tenant, workload and instance id names one of the design's (an instance
 *   id is `${workloadId}#${i}` with `i` below the workload's count, of the workload's tenant);
 * - and then that the values agree with each other and the design (`last-run-consistency.ts`).
 * Pure: no clock, no I/O.
 */
import type { Design } from '../../../shared/design/schema'
import {
  MAX_HORIZON_S,
  simulationStepCount,
  stepCountProblem,
} from '../../../shared/design/simulation-limits'
import { lastRunConsistencyProblem } from './last-run-consistency'

/** Where a value is wrong (a JSON path from `lastRun`) and why. */
export interface LastRunValueProblem {
  path: string
  message: string
}

type Rec = Record<string, unknown>
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** Thrown inside the walk with the first problem; caught by `lastRunValueProblem`. */
class Bad extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v))

/** Every number under `v` is finite (JSON's 1e400 reads as Infinity). */
function allFinite(v: unknown, path: string): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Bad(path, `${show(v)} is not a finite number`)
  } else if (Array.isArray(v)) v.forEach((x, i) => allFinite(x, `${path}.${i}`))
  else if (isRec(v)) for (const [k, x] of Object.entries(v)) allFinite(x, `${path}.${k}`)
}

/** Fields of `r` (those present) are ≥ 0; `whole`: also integers. */
function nonNegative(r: Rec, path: string, fields: readonly string[], whole = false): void {
  for (const f of fields) {
    const v = r[f]
    if (v === undefined) continue
    if (typeof v !== 'number' || !(v >= 0) || (whole && !Number.isInteger(v)))
      throw new Bad(
        `${path}.${f}`,
        `${show(v)} is not ${whole ? 'a count (a whole number ' : 'a figure ('}≥ 0)`,
      )
  }
}

function percent(r: Rec, path: string, fields: readonly string[]): void {
  for (const f of fields) {
    const v = r[f]
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 100))
      throw new Bad(`${path}.${f}`, `${show(v)} is not a percentage (0 to 100)`)
  }
}

/** The design's ids, to check references against. */
interface Known {
  hosts: Set<string>
  racks: Set<string>
  tenants: Set<string>
  workloads: Map<string, { tenantId: string; count: number }>
}

function knownIds(design: Design): Known {
  return {
    hosts: new Set(design.hosts.map((h) => h.id)),
    racks: new Set(design.racks.map((r) => r.id)),
    tenants: new Set(design.tenants.map((t) => t.id)),
    workloads: new Map(
      design.workloads.map((w) => [w.id, { tenantId: w.tenantId, count: w.count }]),
    ),
  }
}

function ref(set: Set<string>, v: unknown, path: string, what: string, optional = false): void {
  if (optional && v === undefined) return
  if (typeof v !== 'string' || !set.has(v))
    throw new Bad(path, `${show(v)} is not a ${what} of this design`)
}

/** `instanceId`, `workloadId` and `tenantId` of one record agree with the design. */
function instanceRef(r: Rec, path: string, known: Known): void {
  const workload = known.workloads.get(String(r.workloadId))
  if (typeof r.workloadId !== 'string' || !workload)
    throw new Bad(`${path}.workloadId`, `${show(r.workloadId)} is not a workload of this design`)
  ref(known.tenants, r.tenantId, `${path}.tenantId`, 'tenant')
  if (r.tenantId !== workload.tenantId)
    throw new Bad(
      `${path}.tenantId`,
      `${show(r.tenantId)} does not own workload ${show(r.workloadId)}`,
    )
  const id = String(r.instanceId)
  const prefix = `${r.workloadId}#`
  const index = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : NaN
  if (!(
    Number.isInteger(index) &&
    index >= 0 &&
    index < workload.count &&
    `${prefix}${index}` === id
  ))
    throw new Bad(
      `${path}.instanceId`,
      `${show(r.instanceId)} is not an instance of workload ${show(r.workloadId)} (it has ${workload.count})`,
    )
}

function checkPlacement(p: Rec, known: Known): void {
  const at = 'lastRun.placement'
  allFinite(p, at)
  nonNegative(p, at, ['instanceCount', 'hostCount'], true)
  list(p.placed).forEach((x, i) => {
    const r = x as Rec
    instanceRef(r, `${at}.placed.${i}`, known)
    ref(known.hosts, r.hostId, `${at}.placed.${i}.hostId`, 'host')
  })
  list(p.unplaced).forEach((x, i) => instanceRef(x as Rec, `${at}.unplaced.${i}`, known))
  list(p.hostUsage).forEach((x, i) => {
    const r = x as Rec
    ref(known.hosts, r.hostId, `${at}.hostUsage.${i}.hostId`, 'host')
    for (const [k, v] of Object.entries(r))
      if (typeof v === 'number') nonNegative(r, `${at}.hostUsage.${i}`, [k])
  })
}

const SUMMARY_COUNTS = [
  'hosts',
  'vms',
  'migrations',
  'hostShutdowns',
  'hostFailures',
  'unplacedInstances',
]
const SUMMARY_FIGURES = [
  'energyKWh',
  'slatah',
  'pdm',
  'slav',
  'overallSlaViolation',
  'overallSlaViolationContentionOnly',
  'averageSlaViolation',
  'memoryPressureGiBHours',
  'elapsedMs',
]
const TENANT_COUNTS = ['instances', 'unplacedInstances', 'migrations']
const TENANT_FIGURES = [
  'vcpuHours',
  'usedVcpuHours',
  'memoryGiBHours',
  'usedMemoryGiBHours',
  'storageGiBMonths',
  'downtimeS',
  'requestedCpuMi',
  'stealCpuMi',
  'interferenceLostCpuMi',
  'lostCpuFraction',
]

/** The run's horizon, s, once its summary is checked. */
function checkSummary(s: Rec): { horizonS: number; stepS: number } {
  const at = 'lastRun.simulation.summary'
  nonNegative(s, at, SUMMARY_COUNTS, true)
  nonNegative(s, at, SUMMARY_FIGURES)
  percent(s, at, ['meanAvailabilityPercent'])
  if (isRec(s.energyBreakdownKWh))
    nonNegative(s.energyBreakdownKWh, `${at}.energyBreakdownKWh`, ['hosts', 'storage', 'switches'])
  const { horizonS, stepS } = s
  if (typeof horizonS !== 'number' || !(horizonS > 0 && horizonS <= MAX_HORIZON_S))
    throw new Bad(
      `${at}.horizonS`,
      `${show(horizonS)} s is not a horizon (above 0, at most ${MAX_HORIZON_S.toLocaleString('en-US')} s)`,
    )
  if (typeof stepS !== 'number' || !(stepS > 0))
    throw new Bad(`${at}.stepS`, `${show(stepS)} s is not a step (above 0)`)
  const tooMany = stepCountProblem(horizonS, stepS)
  if (tooMany) throw new Bad(`${at}.stepS`, tooMany)
  return { horizonS, stepS }
}

/** Series: one sample per step instant, each series as long as `timesS`. */
function checkSeries(series: Rec, run: { horizonS: number; stepS: number }, known: Known): void {
  const at = 'lastRun.simulation.series'
  const times = list(series.timesS) as number[]
  const most = simulationStepCount(run.horizonS, run.stepS) + 1
  if (times.length > most)
    throw new Bad(
      `${at}.timesS`,
      `${times.length.toLocaleString('en-US')} samples, more than the ${most.toLocaleString('en-US')} step instants of a ${run.horizonS} s run in ${run.stepS} s steps`,
    )
  times.forEach((t, i) => {
    if (!(t >= 0 && t <= run.horizonS) || (i > 0 && t < (times[i - 1] as number)))
      throw new Bad(
        `${at}.timesS.${i}`,
        `${show(t)} s is not a step instant after the one before, within the ${run.horizonS} s horizon`,
      )
  })
  const n = times.length
  const sameLength = (v: unknown, path: string, atLeastZero: boolean): void => {
    if (v === undefined) return
    if (!Array.isArray(v) || v.length !== n)
      throw new Bad(path, `${Array.isArray(v) ? v.length : show(v)} samples where timesS has ${n}`)
    if (atLeastZero)
      v.forEach((x, i) => {
        if (!(typeof x === 'number' && x >= 0))
          throw new Bad(`${path}.${i}`, `${show(x)} is not a figure (≥ 0)`)
      })
  }
  sameLength(series.totalPowerW, `${at}.totalPowerW`, true)
  sameLength(series.activeHosts, `${at}.activeHosts`, true)
  const rows = (
    key: string,
    idKey: string,
    ids: Set<string>,
    what: string,
    signed: string[] = [],
  ) =>
    list(series[key]).forEach((x, i) => {
      const r = isRec(x) ? x : {}
      ref(ids, r[idKey], `${at}.${key}.${i}.${idKey}`, what)
      for (const [k, v] of Object.entries(r))
        if (k !== idKey) sameLength(v, `${at}.${key}.${i}.${k}`, !signed.includes(k))
    })
  rows('hosts', 'hostId', known.hosts, 'host')
  rows('racks', 'rackId', known.racks, 'rack')
  rows('tenants', 'tenantId', known.tenants, 'tenant', ['cumulativeCost'])
}

function checkSimulation(sim: Rec, known: Known): void {
  const at = 'lastRun.simulation'
  allFinite(sim, at)
  const run = checkSummary(isRec(sim.summary) ? sim.summary : {})
  list(sim.tenants).forEach((x, i) => {
    const r = x as Rec
    const path = `${at}.tenants.${i}`
    ref(known.tenants, r.tenantId, `${path}.tenantId`, 'tenant')
    nonNegative(r, path, TENANT_COUNTS, true)
    nonNegative(r, path, TENANT_FIGURES)
    percent(r, path, ['availabilityPercent', 'slaAvailabilityPercent'])
  })
  list(sim.instances).forEach((x, i) => {
    const r = x as Rec
    const path = `${at}.instances.${i}`
    instanceRef(r, path, known)
    ref(known.hosts, r.initialHostId, `${path}.initialHostId`, 'host', true)
    ref(known.hosts, r.finalHostId, `${path}.finalHostId`, 'host', true)
    nonNegative(r, path, ['migrations'], true)
    nonNegative(r, path, ['downtimeS', 'requestedCpuMi', 'allocatedCpuMi', 'interferenceLostMi'])
    percent(r, path, ['availabilityPercent'])
  })
  list(sim.failures).forEach((x, i) => {
    const r = x as Rec
    ref(known.hosts, r.hostId, `${at}.failures.${i}.hostId`, 'host')
    nonNegative(r, `${at}.failures.${i}`, ['atS', 'repairedAtS'])
  })
  list(sim.migrations).forEach((x, i) => {
    const r = x as Rec
    ref(known.hosts, r.fromHostId, `${at}.migrations.${i}.fromHostId`, 'host')
    ref(known.hosts, r.toHostId, `${at}.migrations.${i}.toHostId`, 'host')
    nonNegative(r, `${at}.migrations.${i}`, ['startS', 'endS'])
  })
  checkSeries(isRec(sim.series) ? sim.series : {}, run, known)
}

/**
 * The first value of a saved run (already of the right shape: `lastRunShapeProblem`) that
 * cannot be true of `design`, as a JSON path from `lastRun` (e.g.
 * `lastRun.placement.placed.0.hostId`) and why; undefined when every value can be.
 */
export function lastRunValueProblem(
  lastRun: { placement?: unknown; simulation?: unknown },
  design: Design,
): LastRunValueProblem | undefined {
  const known = knownIds(design)
  try {
    if (isRec(lastRun.placement)) checkPlacement(lastRun.placement, known)
    if (isRec(lastRun.simulation)) checkSimulation(lastRun.simulation, known)
    // then what the values must agree on: each tenant's bill by its own pricing, placements
    // that can be (review s8a #4)
    return lastRunConsistencyProblem(lastRun, design)
  } catch (error) {
    if (error instanceof Bad) return { path: error.path, message: error.message }
    throw error
  }
}
