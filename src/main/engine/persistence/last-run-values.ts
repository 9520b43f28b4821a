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
  MIGRATION_RECORD_LIMIT,
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

/** `v` is an instance id of the design: `${workloadId}#${i}` with `i` below the workload's count. */
function instanceIdRef(v: unknown, path: string, known: Known): void {
  const id = typeof v === 'string' ? v : ''
  const cut = id.lastIndexOf('#')
  const workload = cut > 0 ? known.workloads.get(id.slice(0, cut)) : undefined
  const index = Number(id.slice(cut + 1))
  if (
    !(workload && Number.isInteger(index) && index >= 0 && index < workload.count) ||
    `${id.slice(0, cut)}#${index}` !== id
  )
    throw new Bad(path, `${show(v)} is not an instance of this design`)
}

/** `r[field]` (when present, or always with `required`) is a time of the run: 0 ≤ t ≤ horizonS. */
function runTime(r: Rec, field: string, path: string, horizonS: number, required = false): void {
  const t = r[field]
  if (t === undefined && !required) return
  if (!(typeof t === 'number' && t >= 0 && t <= horizonS))
    throw new Bad(
      `${path}.${field}`,
      `${show(t)} s is not a time of the run (0 to its ${horizonS} s horizon)`,
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
  const { horizonS } = run
  list(sim.failures).forEach((x, i) => {
    const r = x as Rec
    const path = `${at}.failures.${i}`
    ref(known.hosts, r.hostId, `${path}.hostId`, 'host')
    runTime(r, 'atS', path, horizonS, true)
    runTime(r, 'repairedAtS', path, horizonS)
    if (typeof r.repairedAtS === 'number' && r.repairedAtS < (r.atS as number))
      throw new Bad(
        `${path}.repairedAtS`,
        `${r.repairedAtS} s is before the failure (${show(r.atS)} s)`,
      )
    if (r.instanceId !== undefined) instanceIdRef(r.instanceId, `${path}.instanceId`, known)
    list(r.instances).forEach((y, j) => {
      const e = isRec(y) ? y : {}
      const where = `${path}.instances.${j}`
      instanceIdRef(e.instanceId, `${where}.instanceId`, known)
      ref(known.hosts, e.restartedOnHostId, `${where}.restartedOnHostId`, 'host', true)
      runTime(e, 'restartedAtS', where, horizonS)
      if (typeof e.restartedAtS === 'number' && e.restartedAtS < (r.atS as number))
        throw new Bad(
          `${where}.restartedAtS`,
          `${e.restartedAtS} s is before the failure (${show(r.atS)} s)`,
        )
    })
  })
  const migrations = list(sim.migrations)
  const counted = isRec(sim.summary) ? sim.summary.migrations : undefined
  if (typeof counted === 'number' && migrations.length > counted)
    throw new Bad(
      `${at}.migrations`,
      `${migrations.length.toLocaleString('en-US')} migration records, more than the run's ${counted.toLocaleString('en-US')} migrations (lastRun.simulation.summary.migrations)`,
    )
  migrations.forEach((x, i) => {
    const r = x as Rec
    const path = `${at}.migrations.${i}`
    instanceIdRef(r.instanceId, `${path}.instanceId`, known)
    ref(known.hosts, r.fromHostId, `${path}.fromHostId`, 'host')
    ref(known.hosts, r.toHostId, `${path}.toHostId`, 'host')
    runTime(r, 'startS', path, horizonS, true)
    runTime(r, 'endS', path, horizonS, true)
    if ((r.endS as number) < (r.startS as number))
      throw new Bad(
        `${path}.endS`,
        `${show(r.endS)} s is before the migration's start (${show(r.startS)} s)`,
      )
  })
  checkSeries(isRec(sim.series) ? sim.series : {}, run, known)
}

/** How many instances `design` has (Σ workload counts). */
const instanceCount = (design: Design): number => design.workloads.reduce((n, w) => n + w.count, 0)

/**
 * Whether a saved run holds more records than any run of `design` makes, checked before
 * anything reads them (review s10a #3: 380,000 migrations in a 59 MB file took 9 s to open and
 * went to the window whole): at most `MIGRATION_RECORD_LIMIT` migrations (the engine keeps no
 * more), one instance record per instance of the design, and a failure's instances at most
 * that many too. The JSON path of the list and why; undefined when within.
 */
export function lastRunSizeProblem(
  lastRun: unknown,
  design: Design,
): LastRunValueProblem | undefined {
  const sim = isRec(lastRun) && isRec(lastRun.simulation) ? lastRun.simulation : undefined
  if (!sim) return undefined
  const at = 'lastRun.simulation'
  const count = (n: number): string => n.toLocaleString('en-US')
  const migrations = list(sim.migrations).length
  if (migrations > MIGRATION_RECORD_LIMIT)
    return {
      path: `${at}.migrations`,
      message: `${count(migrations)} migration records, more than a run keeps (${count(MIGRATION_RECORD_LIMIT)})`,
    }
  const instances = instanceCount(design)
  const records = list(sim.instances).length
  if (records > instances)
    return {
      path: `${at}.instances`,
      message: `${count(records)} instance records, more than the design's ${count(instances)} instances`,
    }
  for (const [i, f] of list(sim.failures).entries()) {
    const on = isRec(f) ? list(f.instances).length : 0
    if (on > instances)
      return {
        path: `${at}.failures.${i}.instances`,
        message: `${count(on)} instances on one failed host, more than the design's ${count(instances)}`,
      }
  }
  return undefined
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
