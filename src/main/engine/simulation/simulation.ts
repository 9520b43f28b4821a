/**
 * One simulation run: the integer-clock event loop over a design. It advances in slices
 * (`advance`), reports progress, and can be cancelled between slices; pausing is the caller
 * not calling `advance`. The same design, options and seed always give the same result.
 */
import { MIGRATION_RECORD_LIMIT } from '../../../shared/design/simulation-limits'
import type { LiveDelta, SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import { checkDesignRules, hasErrors } from '../model/validate'
import { InvalidDesignError, runPolicy, runProblems } from './run-checks'
import { attachNetwork, flowBoundError, hasNetworkTraffic, NetworkRun } from '../network'
import { optimizeAllocation } from './consolidation'
import { processAll, type RunCounters } from './datacenter'
import { catchUpAll, catchUpHost } from './entry-lag'
import { EventQueue } from './event-queue'
import { toMs, type SimEventPayload } from './events'
import {
  failHost,
  failInstance,
  failStorage,
  repairHost,
  repairStorage,
  restart,
} from './failure-handling'
import { createFailureLog, plannedFailures, type FailureLog } from './failures'
import { addEnergyLine, addPowerToSample } from './energy-lines'
import { completeMigration, retimeMigration, startMigrations } from './migration-handling'
import { createMetrics, finishMetrics, type Metrics } from './metrics'
import { Placement } from './placement'
import { createScheduler, type Scheduler } from '../scheduler'
import type { PolicySpec } from './policy'
import { createRandom, type Random } from './random'
import { buildResult, type MigrationLog } from './result'
import type { RunLoop } from './run-loop'
import {
  chargeCost,
  costStateChanged,
  createSeries,
  sampleSeries,
  type SeriesBuffer,
} from './series'
import { buildState, type SimState } from './state'
import { plannedInstanceFailures } from '../nesting/instance-failure'
import { finishNestedRun, prepareNestedRun, type NestedRun } from '../nesting/nested-run'
import { NestedTraffic } from '../nesting/nested-traffic'
import { usesStorageModel } from '../storage'
import { StorageLink } from './storage-link'

export { InvalidDesignError } from './run-checks'

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
  /**
   * A scheduler of exactly this design, with the run's seed and the design's own preset and
   * weights, whose `placeAll` already ran (a run that reported its placement first): the run
   * starts every instance where it put them and does not place again. Ignored in
   * CloudSim-compatible mode.
   */
  placed?: Scheduler
}

export type SimulationStatus = 'running' | 'paused' | 'done' | 'cancelled'

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
  /** Nested workloads' instances as the network sees them; only with nesting and traffic. */
  private readonly nestedTraffic?: NestedTraffic
  /** What the event handlers (`failure-handling.ts`, `migration-handling.ts`) share. */
  private readonly loop: RunLoop
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
    const problems = [...checkDesignRules(design), ...runProblems(design)]
    if (hasErrors(problems)) throw new InvalidDesignError(problems)
    // Traffic whose flow bound is above the run's limit is refused before placement (review
    // s6u #4: a 10,000-host run placed for minutes before its first instant refused it).
    const tooManyFlows = hasNetworkTraffic(design) ? flowBoundError(design) : undefined
    if (tooManyFlows) throw tooManyFlows
    this.policy = runPolicy(options.policy ?? design.simulation.policy)
    this.seed = options.seed ?? design.simulation.seed
    const horizonS = options.horizonS ?? design.simulation.horizonS
    // One initial placement per run (review s11 #4): the caller's, or made here once; the
    // nesting and the instances' start both read it.
    const placed = design.simulation.cloudsimCompat
      ? undefined
      : (options.placed ?? placedScheduler(design, this.seed))
    this.nested = prepareNestedRun(design, this.seed, placed)
    const simDesign = (this.simDesign = this.nested?.simDesign ?? design)
    this.state = buildState(simDesign, this.policy, this.seed)
    this.state.horizonS = horizonS
    this.random = createRandom(this.seed)
    this.metrics = createMetrics(this.state.hostCount, this.state.vmCount)
    this.state.catchUp = (h) => catchUpHost(this.state, this.metrics, h)
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
      limit: options.migrationRecordLimit ?? MIGRATION_RECORD_LIMIT,
      perVm: new Int32Array(this.state.vmCount),
      truncated: false,
    }
    this.series = createSeries(simDesign, this.state, options.hostSeries ?? true)
    this.startedMs = options.nowMs?.() ?? 0
    this.placement = new Placement(this.state, simDesign, this.seed, placed)
    this.unplaced = this.placement.placeAll()
    // The network numbers instances as the state does (review s7c #1), and sends nested
    // workloads' own traffic from their outer instances' hosts (`nesting/nested-traffic.ts`).
    if (hasNetworkTraffic(design)) {
      this.nestedTraffic = NestedTraffic.of(design, this.nested, this.state, this.failures)
      const networkDesign = this.nestedTraffic?.design ?? simDesign
      this.network = new NetworkRun(networkDesign, this.seed, this.random.split('network'))
      for (const tS of this.nestedTraffic?.injectedChangesS() ?? [])
        this.queue.push(toMs(tS), { type: 'network', tS })
    }
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
    this.loop = {
      state: this.state,
      metrics: this.metrics,
      counters: this.counters,
      queue: this.queue,
      failures: this.failures,
      migrations: this.migrations,
      placement: this.placement,
      storage: this.storage,
      isNpa: this.isNpa,
      pendingMigrations: new Map(),
      hostMarks: new Uint8Array(this.state.hostCount),
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
      energyKWh:
        (this.counters.energyJ +
          (this.storage?.energyJ ?? 0) +
          (this.network?.switchEnergyJ ?? 0)) /
        3.6e6,
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
    sampleSeries(this.series, s, this.metrics, endS, this.network?.tenantGbSentUpTo(endS))
    addPowerToSample(this.series.totalPowerW, this.storage, this.network)
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
    if (e.type === 'network') return this.networkChangeAt(e.tS)
    // The bill so far follows every change of state, not only the sampled instants.
    chargeCost(this.series, this.state, this.metrics, e.tS)
    // Only the passes of migration completions leave instance entries unwritten
    // (`entry-lag.ts`); every other event sees them written (a processing instant's full
    // updates would write them anyway).
    if (e.type !== 'migrate') catchUpAll(this.state, this.metrics)
    switch (e.type) {
      case 'process':
        return this.processInstant(e.tS)
      case 'migrate':
        completeMigration(this.loop, e)
        break
      case 'fail':
        failHost(this.loop, e.host, e.tS, e.repairS)
        break
      case 'repair':
        repairHost(this.loop, e.host, e.tS)
        break
      case 'restart':
        restart(this.loop, e.vm, e.tS)
        break
      case 'fail-instance':
        failInstance(this.loop, e.vm, e.tS, e.repairS)
        break
      case 'storage-fail':
        failStorage(this.loop, e.system, e.tS, e.repairS)
        break
      case 'storage-repair':
        repairStorage(this.loop, e.system, e.tS)
        break
    }
    // A failure may have called migrations off: the network charges them up to now only.
    if (e.type === 'fail' || e.type === 'fail-instance' || e.type === 'storage-fail')
      this.network?.callOff(e.tS, this.state)
    // an instance down or back between processing instants is a network instant (s10u A2)
    if (
      e.type === 'fail' ||
      e.type === 'repair' ||
      e.type === 'restart' ||
      e.type === 'fail-instance'
    )
      this.networkChangeAt(e.tS)
    // so are the starts of the layers nested in a restarted instance
    if (e.type === 'restart' && this.network && this.nestedTraffic)
      for (const tS of this.nestedTraffic.startsAfterRestart(e.vm, e.tS))
        this.queue.push(toMs(tS), { type: 'network', tS })
    costStateChanged(this.series)
  }

  /** A network instant at `tS` where instances went down or came back (`NetworkRun.changeAt`). */
  private networkChangeAt(tS: number): void {
    this.network?.changeAt(tS, this.nestedTraffic?.placement(tS) ?? this.state)
  }

  private get isNpa(): boolean {
    return this.policy.kind === 'npa'
  }

  private processInstant(tS: number): void {
    const s = this.state
    const resident = processAll(s, this.metrics, this.counters, tS, this.isNpa)
    if (this.failures.waiting.length > 0) {
      const waiting = this.failures.waiting.splice(0)
      for (const v of waiting) restart(this.loop, v, tS)
    }
    const decided =
      this.policy.kind === 'migration' ? optimizeAllocation(s, this.policy, this.random, tS) : []
    const rates = this.network?.advance(
      tS,
      this.nestedTraffic?.placement(tS) ?? s,
      decided.map((m) => ({
        vm: m.vm,
        fromHost: s.vmHome[m.vm] as number,
        toHost: m.host,
        memoryMiB: s.vmMemMiB[m.vm] as number,
      })),
    )
    for (const t of rates?.retimed ?? []) retimeMigration(this.loop, t.vm, t.endS)
    startMigrations(this.loop, decided, tS, rates?.startGbps)
    this.storage?.update(tS, true)
    sampleSeries(this.series, s, this.metrics, tS, this.network?.tenantGbSentUpTo(tS))
    addPowerToSample(this.series.totalPowerW, this.storage, this.network)
    this.options.onProgress?.(Math.min(1, tS / s.horizonS), tS)
    if (resident > 0 || !s.compat) {
      const next = tS + s.stepS
      this.queue.push(toMs(next), { type: 'process', tS: next })
    }
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
    catchUpAll(s, this.metrics)
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
    if (this.network) {
      const network = this.network.finish(endS)
      attachNetwork(this.result, network, this.design)
      if (this.design.switches.some((w) => w.power !== undefined))
        addEnergyLine(this.result, 'switches', network.switchEnergyKWh)
    }
    this.status = 'done'
  }
}

/** Runs `design` to the end in one go and returns its result. */
export function simulate(design: Design, options: SimulationOptions = {}): SimulationResult {
  const sim = new Simulation(design, options)
  sim.advance()
  return sim.getResult()
}

/** A scheduler of `design` that has placed every instance (the run's initial placement). */
function placedScheduler(design: Design, seed: number): Scheduler {
  const scheduler = createScheduler(design, { seed })
  scheduler.placeAll()
  return scheduler
}
