/**
 * One simulation run: the integer-clock event loop over a design. It advances in slices
 * (`advance`), reports progress, and can be cancelled between slices; pausing is the caller
 * not calling `advance`. The same design, options and seed always give the same result.
 */
import type { LiveDelta, SimulationResult } from '../../../shared/domain/simulation-result'
import type { Problem } from '../../../shared/domain/problem'
import type { Design } from '../../../shared/design/schema'
import { checkDesignRules, hasErrors } from '../model/validate'
import { attachNetwork, hasNetworkTraffic, migrationDurationS, NetworkRun } from '../network'
import { optimizeAllocation } from './consolidation'
import { processAll, updateHost, type RunCounters } from './datacenter'
import { settleHostPower } from './energy'
import { EventQueue } from './event-queue'
import { toMs, type SimEventPayload } from './events'
import { createFailureLog, failHost, plannedFailures, restarted, type FailureLog } from './failures'
import { createOn, entryIndex, removeEntryAt } from './host-cpu'
import { createMetrics, finishMetrics, type Metrics } from './metrics'
import { Placement } from './placement'
import { parsePolicy, type PolicySpec } from './policy'
import { createRandom, type Random } from './random'
import { buildResult, type MigrationLog } from './result'
import {
  chargeCost,
  costStateChanged,
  createSeries,
  sampleSeries,
  type SeriesBuffer,
} from './series'
import { buildState, type SimState } from './state'
import { failInstance, plannedInstanceFailures } from '../nesting/instance-failure'
import { finishNestedRun, prepareNestedRun, type NestedRun } from '../nesting/nested-run'
import { usesStorageModel } from '../storage'
import { StorageLink } from './storage-link'

/** Options of a run; unset fields come from the design's simulation settings. */
export interface SimulationOptions {
  runId?: string
  /** A policy name (parsed here), or one already parsed by the caller (then not parsed again). */
  policy?: string | PolicySpec
  seed?: number
  horizonS?: number
  /** Keep per-host time series (default true). */
  hostSeries?: boolean
  /** At most this many migration records in the result (default 100,000). */
  migrationRecordLimit?: number
  /** Wall clock in ms, for `elapsedMs` (a port: the engine never reads the time itself). */
  nowMs?: () => number
  /** Called after every scheduling instant with the fraction done and the virtual time. */
  onProgress?: (progress: number, virtualTimeS: number) => void
}

export type SimulationStatus = 'running' | 'paused' | 'done' | 'cancelled'

/** Thrown by `new Simulation` for a design with rule errors (each with its JSON path). */
export class InvalidDesignError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error')
    super(
      `the design has ${errors.length} error(s): ` +
        errors.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; '),
    )
    this.name = 'InvalidDesignError'
  }
}

/** The policy of a run: `spec` as given, or parsed from a name; throws with the parser's message. */
function resolvePolicy(spec: string | PolicySpec): PolicySpec {
  if (typeof spec !== 'string') return spec
  const parsed = parsePolicy(spec)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.policy
}

/** A run in progress. */
export class Simulation {
  readonly policy: PolicySpec
  readonly seed: number
  readonly state: SimState
  private readonly metrics: Metrics
  private readonly counters: RunCounters
  private readonly queue = new EventQueue<SimEventPayload>()
  private readonly random: Random
  private readonly failures: FailureLog
  private readonly migrations: MigrationLog
  private readonly series: SeriesBuffer
  private readonly startedMs: number
  private readonly placement: Placement
  /** Nesting and injected instance failures (issue 18); undefined when the design has none. */
  private readonly nested?: NestedRun
  /** The design simulated: without nested workloads, which ride along with their outer ones. */
  private readonly simDesign: Design
  /** The storage model (issue 17), when the design uses it (never in CloudSim-compat mode). */
  private readonly storage?: StorageLink
  /** The flow model of the fabric (issue 17); only when traffic is declared, never in compat. */
  private readonly network?: NetworkRun
  private unplaced = 0
  private nowS = 0
  private lastEventMs = 0
  private result?: SimulationResult
  status: SimulationStatus = 'running'

  constructor(
    readonly design: Design,
    readonly options: SimulationOptions = {},
  ) {
    // The same rules every command and call runs first: a design that fails them (a host
    // with no cores, a dangling reference) never reaches the arithmetic (no NaN results).
    const problems = checkDesignRules(design)
    if (hasErrors(problems)) throw new InvalidDesignError(problems)
    this.policy = resolvePolicy(options.policy ?? design.simulation.policy)
    this.seed = options.seed ?? design.simulation.seed
    const horizonS = options.horizonS ?? design.simulation.horizonS
    this.nested = prepareNestedRun(design, this.seed)
    const simDesign = (this.simDesign = this.nested?.simDesign ?? design)
    this.state = buildState(simDesign, this.policy, this.seed)
    this.state.horizonS = horizonS
    this.random = createRandom(this.seed)
    this.metrics = createMetrics(this.state.hostCount, this.state.vmCount)
    this.counters = {
      energyJ: 0,
      switchOffs: 0,
      memoryPressureMiBS: 0,
      lastProcessS: 0,
      migrations: 0,
      residentInstances: 0,
      interference: !design.simulation.cloudsimCompat && design.simulation.interference,
    }
    this.failures = createFailureLog(this.state.vmCount)
    this.migrations = {
      records: [],
      limit: options.migrationRecordLimit ?? 100_000,
      perVm: new Int32Array(this.state.vmCount),
      truncated: false,
    }
    this.series = createSeries(simDesign, this.state, options.hostSeries ?? true)
    this.startedMs = options.nowMs?.() ?? 0
    this.placement = new Placement(this.state, simDesign, this.seed)
    this.unplaced = this.placement.placeAll()
    if (hasNetworkTraffic(design))
      this.network = new NetworkRun(design, this.seed, this.random.split('network'))
    // CloudSim's first processing instant is one step (plus 0.1 s) in; the general model
    // starts accounting at 0 so that every quantity covers the whole horizon [0, H].
    const first = this.state.compat ? this.state.offsetS + this.state.stepS : 0
    this.queue.push(toMs(first), { type: 'process', tS: first })
    for (const [host, atS, repairS] of plannedFailures(design, this.random.split('failures')))
      this.queue.push(toMs(atS), { type: 'fail', tS: atS, host, repairS })
    for (const [vm, atS, repairS] of plannedInstanceFailures(simDesign, this.state))
      this.queue.push(toMs(atS), { type: 'fail-instance', tS: atS, vm, repairS })
    if (usesStorageModel(design)) {
      this.storage = new StorageLink(simDesign, this.state, this.placement.storageOf(), this.seed)
      for (const [system, atS, repairS] of StorageLink.failures(simDesign, this.random))
        this.queue.push(toMs(atS), { type: 'storage-fail', tS: atS, system, repairS })
    }
  }

  /** Virtual time reached, seconds. */
  get virtualTimeS(): number {
    return this.nowS
  }

  /** Fraction of the horizon simulated, 0..1. */
  get progress(): number {
    return this.status === 'done' ? 1 : Math.min(1, this.nowS / this.state.horizonS)
  }

  /** The series points from `fromIndex` on, and the latest state, for live views. */
  liveDelta(fromIndex: number): LiveDelta {
    const b = this.series
    const s = this.state
    const last = b.timesS.length - 1
    const failedHostIds: string[] = []
    for (let h = 0; h < s.hostCount; h++)
      if (s.hostDown[h] === 1) failedHostIds.push(s.hostIds[h] as string)
    return {
      fromIndex,
      timesS: b.timesS.slice(fromIndex),
      totalPowerW: b.totalPowerW.slice(fromIndex),
      activeHosts: b.activeHosts.slice(fromIndex),
      tenantAllocMips: b.tenantAlloc.map((xs) => xs.slice(fromIndex)),
      tenantCost: b.tenantCost.map((xs) => xs.slice(fromIndex)),
      hostUtilizationNow: b.hostSeries && last >= 0 ? b.hostUtil.map((xs) => xs[last] ?? 0) : [],
      failedHostIds,
      energyKWh: (this.counters.energyJ + (this.storage?.energyJ ?? 0)) / 3.6e6,
      migrations: this.counters.migrations,
    }
  }

  /** Number of series points recorded so far. */
  get seriesLength(): number {
    return this.series.timesS.length
  }

  /** Holds the run: `advance` does nothing until `resume`. */
  pause(): void {
    if (this.status === 'running') this.status = 'paused'
  }

  resume(): void {
    if (this.status === 'paused') this.status = 'running'
  }

  /** Runs up to `maxEvents` events; returns true when the run has finished. */
  advance(maxEvents = Number.POSITIVE_INFINITY): boolean {
    if (this.status === 'paused') return false
    if (this.status !== 'running') return true
    let n = 0
    while (n < maxEvents) {
      const next = this.queue.peek()
      if (!next || next.payload.tS >= this.state.horizonS) {
        this.closeHorizon()
        this.finish()
        return true
      }
      this.queue.pop()
      if (next.timeMs < this.lastEventMs) throw new Error('time went backwards')
      this.lastEventMs = next.timeMs
      this.nowS = next.payload.tS
      this.handle(next.payload)
      n++
    }
    return false
  }

  /**
   * General mode: a last processing instant at the horizon H, so the final (possibly partial)
   * step is charged. CloudSim-compat runs end at their last processing instant, as CloudSim does.
   */
  private closeHorizon(): void {
    const s = this.state
    const endS = s.horizonS
    if (s.compat || this.counters.lastProcessS >= endS) return
    this.nowS = endS
    chargeCost(this.series, s, this.metrics, endS)
    processAll(s, this.metrics, this.counters, endS, this.isNpa)
    this.storage?.update(endS, true)
    sampleSeries(this.series, s, this.metrics, endS)
    this.storage?.addPowerToSample(this.series.totalPowerW)
    this.options.onProgress?.(1, endS)
  }

  /** Stops the run; `getResult` then reports what was simulated so far. */
  cancel(): void {
    if (this.status === 'running' || this.status === 'paused') {
      this.finish()
      this.status = 'cancelled'
    }
  }

  /** The result (available once done or cancelled). */
  getResult(): SimulationResult {
    if (!this.result) throw new Error('the run has not finished')
    return this.result
  }

  private handle(e: SimEventPayload): void {
    // The bill so far follows every change of state, not only the sampled instants.
    chargeCost(this.series, this.state, this.metrics, e.tS)
    switch (e.type) {
      case 'process':
        return this.processInstant(e.tS)
      case 'migrate':
        this.completeMigration(e)
        break
      case 'fail':
        this.failHost(e.host, e.tS, e.repairS)
        break
      case 'repair':
        this.repair(e.host, e.tS)
        break
      case 'restart':
        this.restart(e.vm, e.tS)
        break
      case 'fail-instance':
        this.failInstance(e.vm, e.tS, e.repairS)
        break
      case 'storage-fail':
        this.failStorage(e.system, e.tS, e.repairS)
        break
      case 'storage-repair':
        this.repairStorage(e.system, e.tS)
        break
    }
    costStateChanged(this.series)
  }

  private get isNpa(): boolean {
    return this.policy.kind === 'npa'
  }

  private processInstant(tS: number): void {
    const s = this.state
    const resident = processAll(s, this.metrics, this.counters, tS, this.isNpa)
    if (this.failures.waiting.length > 0) {
      const waiting = this.failures.waiting.splice(0)
      for (const v of waiting) this.restart(v, tS)
    }
    const decided =
      this.policy.kind === 'migration' ? optimizeAllocation(s, this.policy, this.random, tS) : []
    const ratesGbps = this.network?.advance(
      tS,
      s,
      decided.map((m) => ({
        fromHost: s.vmHome[m.vm] as number,
        toHost: m.host,
        memoryMiB: s.vmMemMiB[m.vm] as number,
      })),
    )
    decided.forEach((m, i) => this.startMigration(m.vm, m.host, tS, m.reason, ratesGbps?.[i]))
    this.storage?.update(tS, true)
    sampleSeries(this.series, s, this.metrics, tS)
    this.storage?.addPowerToSample(this.series.totalPowerW)
    this.options.onProgress?.(Math.min(1, tS / s.horizonS), tS)
    if (resident > 0 || !s.compat) {
      const next = tS + s.stepS
      this.queue.push(toMs(next), { type: 'process', tS: next })
    }
  }

  private startMigration(
    v: number,
    target: number,
    tS: number,
    reason: 'overload' | 'underload',
    /** The rate the flow model gives the migration on its path (absent: no flow model). */
    rateGbps?: number,
  ): void {
    const s = this.state
    s.vmInMig[v] = 1
    createOn(s, target, v, true)
    updateHostAt(s, this.metrics, this.counters, target, tS)
    updateHostAt(s, this.metrics, this.counters, s.vmHome[v] as number, tS)
    this.counters.migrations++
    this.migrations.perVm[v] = (this.migrations.perVm[v] as number) + 1
    const bandwidth = ((s.hostNicGbps[target] as number) * 1_000_000) / (2 * 8000)
    const end =
      rateGbps !== undefined && rateGbps > 0
        ? tS + migrationDurationS(s.vmMemMiB[v] as number, rateGbps)
        : tS + (s.vmMemMiB[v] as number) / bandwidth
    let record = -1
    if (this.migrations.records.length < this.migrations.limit) {
      record = this.migrations.records.length
      this.migrations.records.push({
        instanceId: s.vmIds[v] as string,
        fromHostId: s.hostIds[s.vmHome[v] as number] ?? '',
        toHostId: s.hostIds[target] as string,
        startS: tS,
        endS: end,
        reason,
      })
    } else this.migrations.truncated = true
    this.queue.push(toMs(end), {
      type: 'migrate',
      tS: end,
      vm: v,
      host: target,
      from: s.vmHome[v] as number,
      token: this.failures.migToken[v] as number,
      record,
    })
  }

  private completeMigration(e: Extract<SimEventPayload, { type: 'migrate' }>): void {
    if (e.token !== this.failures.migToken[e.vm]) return
    const s = this.state
    if (e.tS > this.counters.lastProcessS)
      processAll(s, this.metrics, this.counters, e.tS, this.isNpa)
    const home = s.vmHome[e.vm] as number
    if (home >= 0) {
      const i = entryIndex(s, home, e.vm)
      if (i >= 0) removeEntryAt(s, home, i)
    }
    s.vmHome[e.vm] = -1
    const k = entryIndex(s, e.host, e.vm, true)
    if (k >= 0) removeEntryAt(s, e.host, k)
    s.vmInMig[e.vm] = 0
    createOn(s, e.host, e.vm)
    s.vmHome[e.vm] = e.host
    s.vmRemoved[e.vm] = 0
    if (!this.moreMigrationsAt(e.tS)) processAll(s, this.metrics, this.counters, e.tS, this.isNpa)
  }

  private moreMigrationsAt(tS: number): boolean {
    const next = this.queue.peek()
    return next !== undefined && next.payload.type === 'migrate' && next.timeMs === toMs(tS)
  }

  private failHost(h: number, tS: number, repairS: number): void {
    const s = this.state
    if (s.hostDown[h] === 1) return
    if (tS > this.counters.lastProcessS) processAll(s, this.metrics, this.counters, tS, this.isNpa)
    const down = failHost(s, this.metrics, this.failures, h, tS)
    if (!s.compat) settleHostPower(s, this.counters, h, tS)
    this.placement.hostState(h, false)
    const startS = s.hostStartTimeS[h] as number
    for (const v of down) {
      const at = tS + startS
      this.queue.push(toMs(at), {
        type: 'restart',
        tS: at,
        vm: v,
        failure: this.failures.records.length - 1,
      })
    }
    this.storage?.update(tS, false)
    const back = tS + repairS
    this.queue.push(toMs(back), { type: 'repair', tS: back, host: h })
  }

  /** An injected instance failure: it stops, and restarts after repair + its host's start time. */
  private failInstance(v: number, tS: number, repairS: number): void {
    const s = this.state
    if (tS > this.counters.lastProcessS) processAll(s, this.metrics, this.counters, tS, this.isNpa)
    const h = failInstance(s, this.metrics, this.failures, v, tS)
    if (h < 0) return
    updateHostAt(s, this.metrics, this.counters, h, tS)
    const at = tS + repairS + (s.hostStartTimeS[h] as number)
    const failure = this.failures.records.length - 1
    this.queue.push(toMs(at), { type: 'restart', tS: at, vm: v, failure })
  }

  private repair(h: number, tS: number): void {
    if (tS > this.counters.lastProcessS)
      processAll(this.state, this.metrics, this.counters, tS, this.isNpa)
    const s = this.state
    s.hostDown[h] = 0
    this.placement.hostState(h, true)
    if (!s.compat) settleHostPower(s, this.counters, h, tS)
    const id = this.state.hostIds[h]
    const open = this.failures.records.findLast(
      (r) => r.hostId === id && r.repairedAtS === undefined && r.instanceId === undefined,
    )
    if (open) open.repairedAtS = tS
    // General mode: instances waiting for capacity restart at the repair instant (CloudSim-compat
    // keeps retrying them at processing instants only).
    if (!s.compat && this.failures.waiting.length > 0)
      for (const v of this.failures.waiting.splice(0)) this.restart(v, tS)
  }

  /** A storage system fails: instances that held their only copy there go down (issue 17). */
  private failStorage(system: number, tS: number, repairS: number): void {
    const link = this.storage as StorageLink
    if (tS > this.counters.lastProcessS)
      processAll(this.state, this.metrics, this.counters, tS, this.isNpa)
    for (const h of link.fail(system, tS, this.metrics, this.failures))
      updateHostAt(this.state, this.metrics, this.counters, h, tS)
    const back = tS + repairS
    this.queue.push(toMs(back), { type: 'storage-repair', tS: back, system })
  }

  /** A storage system is repaired: the instances waiting for it restart after their start time. */
  private repairStorage(system: number, tS: number): void {
    for (const [vm, atS] of (this.storage as StorageLink).repair(system, tS))
      this.queue.push(toMs(atS), { type: 'restart', tS: atS, vm, failure: -1 })
  }

  private restart(v: number, tS: number): void {
    const s = this.state
    if (s.vmDown[v] === 0) return
    if (this.storage?.blocks(v)) return
    const h = this.placement.start(v)
    if (h < 0) {
      this.failures.waiting.push(v)
      return
    }
    restarted(s, this.failures, v, h, tS)
    updateHostAt(s, this.metrics, this.counters, h, tS)
    this.storage?.update(tS, false)
  }

  private finish(): void {
    if (this.result) return
    const s = this.state
    const endS = Math.max(this.nowS, this.counters.lastProcessS)
    for (let v = 0; v < s.vmCount; v++) {
      const since = this.failures.downSinceS[v] as number
      if (since >= 0)
        this.failures.downtimeS[v] = (this.failures.downtimeS[v] as number) + (s.horizonS - since)
    }
    finishMetrics(this.metrics, s.hostCount, s.vmCount)
    const elapsedMs = (this.options.nowMs?.() ?? 0) - this.startedMs
    this.result = buildResult({
      runId: this.options.runId ?? 'run',
      design: this.simDesign,
      state: s,
      policy: this.policy,
      seed: this.seed,
      metrics: this.metrics,
      counters: this.counters,
      failures: this.failures,
      migrations: this.migrations,
      series: this.series,
      unplaced: this.unplaced,
      elapsedMs,
      endS,
    })
    if (this.nested) {
      const index = new Map(s.vmIds.map((id, v) => [id, v]))
      const spanS = (id: string): number => {
        const v = index.get(id) ?? -1
        return v < 0
          ? 0
          : (this.metrics.vResidentS[v] as number) + (this.failures.downtimeS[v] as number)
      }
      finishNestedRun(this.design, this.nested, this.result, spanS)
    }
    this.storage?.attach(this.result, endS, this.metrics, this.failures)
    if (this.network) attachNetwork(this.result, this.network.finish(endS), this.design)
    this.status = 'done'
  }
}

function updateHostAt(s: SimState, m: Metrics, c: RunCounters, h: number, tS: number): void {
  if (h < 0 || s.hostDown[h] === 1) return
  updateHost(s, m, c, h, tS)
}

/** Runs `design` to the end in one go and returns its result. */
export function simulate(design: Design, options: SimulationOptions = {}): SimulationResult {
  const sim = new Simulation(design, options)
  sim.advance()
  return sim.getResult()
}
