/**
 * Simulation runs started from the app, owned by the services' context: each in a worker
 * thread (so the window never freezes), or in slices on this thread when no worker entry is
 * available (tests, odd layouts). Progress and results go to typed listeners (tenancy) and
 * then on the event hub to provider sessions.
 */
import { progressPercent } from '../../../shared/domain/number-text'
import { cutText } from '../../../shared/domain/problem'
import { MAX_ERROR_MESSAGE_CHARS } from '../../../shared/domain/result'
import { Worker } from 'node:worker_threads'
import type {
  HostSeriesAnswer,
  SimulationResult,
  SimulationRunDetail,
  SimulationRunInfo,
  SimulationRunStatus,
} from '../../../shared/contract/calls/simulation'
import type { Design } from '../../../shared/design/schema'
import type { PlacementResult } from '../../../shared/domain/placement'
import type { EventHub } from '../event-hub'
import { flowBoundError, resolvePolicy } from '../../engine'
import type { FromWorker, StartMessage, ToWorker } from './protocol'
import { control, runInSlices, type SliceRunner } from './slices'
import { simulationWorkerEntry } from './worker-path'
import {
  HOST_SERIES_MEMORY_BUDGET_BYTES,
  HostSeriesTable,
  MAX_HOST_SERIES_PER_CALL,
  packedBytes,
  packHostSeries,
} from './host-series-store'

/**
 * A whole result (`simulation:get` without `lean`) carries per-host series while hosts ×
 * samples stays within this count (three series of 2 M numbers: ~50 MB as JSON); beyond it
 * they stay in main and are read per host (`simulation:host-series`).
 */
export const HOST_SERIES_BUDGET = 2_000_000

/**
 * A lean result (`simulation:get` with `lean`, what the window reads at a run's end) carries
 * per-host series only while hosts × samples stays within this count (~3 MB of JSON); beyond
 * it the window asks for the hosts it shows.
 */
export const LEAN_HOST_SERIES_BUDGET = 100_000

/**
 * Whether a run of `hosts` hosts over `horizonS` in `stepS` steps keeps per-host series: their
 * packed size within HOST_SERIES_MEMORY_BUDGET_BYTES (10,000 hosts for a day of 5-minute
 * steps take 115.6 MB and are kept; for a week, 809 MB, they are not).
 */
export function keepsHostSeries(
  hosts: number,
  horizonS: number,
  stepS: number,
  asked?: boolean,
): boolean {
  // a caller may decline them (`asked: false`) but never ask past the budget (review s6a #8:
  // `hostSeries: true` on a large run bypassed it)
  if (asked === false) return false
  const samples = Math.ceil(horizonS / Math.max(1, stepS)) + 1
  return packedBytes(hosts, samples) <= HOST_SERIES_MEMORY_BUDGET_BYTES
}

/**
 * Per-host series a design file keeps with its saved run, host-samples (hosts × samples): five
 * series of pretty-printed numbers take ~190 B a host-sample, so 200,000 stay near 38 MB, within
 * the 64 MiB a file may have (`DEFAULT_MAX_FILE_BYTES`); 690 hosts for a day of 5-minute steps.
 */
export const SAVED_HOST_SERIES_BUDGET = 200_000

/** Why a run has no per-host series: the clause the canvas and the charts show. */
export const HOST_SERIES_NOTES = {
  tooLarge: 'this run was too large to keep a series per host',
  notAsked: 'this run was started without a series per host',
  pushedOut: "newer runs' per-host series took the memory this run's were kept in",
  notSaved: 'the saved file has no per-host series',
} as const

/** A run's whole result (`SimulationRuns.fullResult`). */
export interface FullRunResult {
  /** The result, per-host series in `series.hosts` when the run has them within the bound. */
  result: SimulationResult
  /** Set when `result.series.hosts` is empty though the design has hosts: why. */
  hostSeriesNote?: string
}

interface Run {
  info: SimulationRunInfo
  /** The design the run simulated (for `designOf`). */
  design: Design
  /** The result without per-host series (`series.hosts` is empty: they are in `hosts`). */
  result?: SimulationResult
  /** Per-host series, packed, while within the memory budget. */
  hosts?: HostSeriesTable
  send: (message: ToWorker) => void
  stop: () => void
  /** Told the placement the run starts from, when it was asked to report it. */
  placement?: RunPlacementReport
  /** Whether the run's thread has reported its placement. */
  placed: boolean
  /** Whether the run has ended (its end told): later messages of its thread are dropped. */
  ended: boolean
  /** Whether the run's thread was asked to keep per-host series (`keepsHostSeries`). */
  startedWithHostSeries?: boolean
}

/**
 * Where a run that places first reports: `placed` with the placement it starts from, before
 * any progress; `unplaced` when it ends without having reported one (cancelled before it,
 * failed while placing or opening).
 */
export interface RunPlacementReport {
  placed: (result: PlacementResult) => void
  unplaced: () => void
}

/** A run's news: each progress report, and its end (with the result when there is one). */
export type RunEvent =
  { kind: 'progress'; info: SimulationRunInfo } | { kind: 'finished'; detail: SimulationRunDetail }

/** Told every `RunEvent` of every run, before the event goes out on the hub. */
export type RunListener = (event: RunEvent) => void

const isActive = (r: Run): boolean => r.info.status === 'running' || r.info.status === 'paused'

export interface StartOptions {
  policy?: string
  seed?: number
  horizonS?: number
  hostSeries?: boolean
}

/** Runs that may be in progress at once (each is a worker thread). */
export const MAX_ACTIVE_RUNS = 4
/** Finished runs kept with their results (older ones are dropped, oldest first). */
export const MAX_KEPT_RUNS = 20

/** Keeps the runs of the app session (newest last): all active ones, the latest finished. */
export class SimulationRuns {
  private readonly runs = new Map<string, Run>()
  private readonly listeners = new Set<RunListener>()
  /** Each result handed out (lean, whole, or adopted from a file) -> its run. */
  private readonly byResult = new WeakMap<object, Run>()
  private counter = 0

  constructor(
    private readonly hub: EventHub,
    private readonly useWorker = true,
  ) {}

  /**
   * Starts a run of `design`; throws with a clear message on a bad policy. With `placement`,
   * the run's thread first places the design as the app's `place` does and `placement` is
   * told that placement before any progress of the run (review s7b #3: main placed it on its
   * own thread, stalling every session), or told it never will be.
   */
  start(
    design: Design,
    options: StartOptions = {},
    placement?: RunPlacementReport,
  ): SimulationRunInfo {
    // Parsed once here; the worker gets the parsed policy.
    const parsed = resolvePolicy(options.policy ?? design.simulation.policy)
    if (!parsed.ok) throw new Error(parsed.message)
    // Refused at once when its traffic can make more flows than a run allows (the bound
    // `strata validate` reports), not after placing every instance in the worker.
    const tooManyFlows = flowBoundError(design)
    if (tooManyFlows) throw new Error(tooManyFlows.message)
    if (this.activeCount() >= MAX_ACTIVE_RUNS)
      throw new Error(
        `${MAX_ACTIVE_RUNS} simulation runs are already in progress; cancel one or wait for it`,
      )
    this.dropOldFinished()
    const runId = `run-${++this.counter}`
    const info: SimulationRunInfo = {
      runId,
      status: 'running',
      policy: parsed.policy.name,
      seed: options.seed ?? design.simulation.seed,
      progress: 0,
      virtualTimeS: 0,
      horizonS: options.horizonS ?? design.simulation.horizonS,
    }
    // Per-host series of very large runs would make the pushed result huge.
    const hostSeries = keepsHostSeries(
      design.hosts.length,
      info.horizonS,
      design.simulation.stepS,
      options.hostSeries,
    )
    const start: StartMessage = {
      type: 'start',
      runId,
      design,
      ...options,
      policy: parsed.policy,
      hostSeries,
      ...(placement ? { placeFirst: true } : {}),
    }
    const run: Run = {
      info,
      design,
      send: () => {},
      stop: () => {},
      placed: false,
      ended: false,
      startedWithHostSeries: options.hostSeries === false ? false : hostSeries,
      ...(placement ? { placement } : {}),
    }
    this.runs.set(runId, run)
    const onMessage = (m: FromWorker): void => this.onMessage(run, m)
    const entry = this.useWorker ? simulationWorkerEntry() : undefined
    if (entry) {
      const worker = new Worker(entry.target)
      worker.on('message', onMessage)
      worker.on('error', (error) => onMessage({ type: 'error', message: error.message }))
      run.send = (m) => worker.postMessage(m)
      run.stop = () => void worker.terminate()
      worker.postMessage(start)
    } else {
      const runner: SliceRunner = runInSlices(start, onMessage)
      run.send = (m) => {
        if (m.type !== 'start') control(runner, m)
      }
    }
    return { ...info }
  }

  /** Runs running or paused now. */
  activeCount(): number {
    let n = 0
    for (const r of this.runs.values()) if (isActive(r)) n++
    return n
  }

  /** Keeps at most MAX_KEPT_RUNS - 1 finished runs, so a new one fits. */
  private dropOldFinished(): void {
    const finished = [...this.runs.values()].filter((r) => !isActive(r))
    for (const r of finished.slice(0, Math.max(0, finished.length - (MAX_KEPT_RUNS - 1))))
      this.runs.delete(r.info.runId)
  }

  private onMessage(run: Run, m: FromWorker): void {
    // A run forgotten (another design was opened) says nothing more, even from its queue.
    if (this.runs.get(run.info.runId) !== run || run.ended) return
    if (m.type === 'placed') {
      run.placed = true
      run.placement?.placed(m.result)
      return
    }
    if (m.type === 'progress') {
      if (run.info.status !== 'running' && run.info.status !== 'paused') return
      run.info.progress = m.progress
      run.info.virtualTimeS = m.virtualTimeS
      run.info.status = m.paused ? 'paused' : 'running'
      this.tell({ kind: 'progress', info: { ...run.info } })
      // The live delta rides on this event only; the kept run info stays small.
      this.hub.publish('simulation:progress', { ...run.info, live: m.live })
      return
    }
    if (m.type === 'done') {
      run.result = m.result
      if (m.hostSeries) {
        run.hosts = new HostSeriesTable(m.hostSeries)
        this.keepWithinMemoryBudget(run)
      }
      run.info.hostSeries = run.hosts ? 'kept' : 'none'
      if (!run.hosts)
        run.info.hostSeriesNote =
          run.startedWithHostSeries === false
            ? HOST_SERIES_NOTES.notAsked
            : HOST_SERIES_NOTES.tooLarge
      this.byResult.set(m.result, run)
      run.info.status = m.cancelled ? 'cancelled' : 'done'
      run.info.progress = m.cancelled ? run.info.progress : 1
      run.info.virtualTimeS = m.cancelled ? run.info.virtualTimeS : run.info.horizonS
    } else {
      run.info.status = 'failed'
      // cut as failures are: the worker's message may quote design text (closing note s9)
      run.info.error = cutText(m.message, MAX_ERROR_MESSAGE_CHARS)
    }
    this.end(run)
  }

  /** Stops `run`'s thread and tells its end (and, if it never placed, gives its ticket back). */
  private end(run: Run): void {
    run.ended = true
    run.stop()
    if (run.placement && !run.placed) run.placement.unplaced()
    this.tell({ kind: 'finished', detail: this.detail(run) })
    // the result is read with `simulation:get`: a large one is not pushed to every session
    this.hub.publish('simulation:finished', { ...run.info })
  }

  /** Drops older runs' per-host series (oldest first) until all fit the memory budget. */
  private keepWithinMemoryBudget(newest: Run): void {
    let bytes = 0
    for (const r of this.runs.values()) bytes += r.hosts?.bytes ?? 0
    for (const r of this.runs.values()) {
      if (bytes <= HOST_SERIES_MEMORY_BUDGET_BYTES) return
      if (r === newest || !r.hosts) continue
      bytes -= r.hosts.bytes
      delete r.hosts
      r.info.hostSeries = 'none'
      r.info.hostSeriesNote = HOST_SERIES_NOTES.pushedOut
    }
  }

  /**
   * Keeps a finished run's `result` that was not run in this app session (the results saved
   * with an opened design file) as the latest run, and announces it (`simulation:finished`),
   * so every view shows it as it would a run of its own.
   */
  adopt(design: Design, result: SimulationResult): SimulationRunInfo {
    this.dropOldFinished()
    const { policy, seed, horizonS } = result.summary
    const info: SimulationRunInfo = {
      runId: `run-${++this.counter}`,
      ...{ status: 'done', policy, seed, progress: 1, virtualTimeS: horizonS, horizonS },
      hostSeries: 'none',
    }
    // The saved per-host series come back as a run of this session keeps them (review s10u A1).
    const saved = result.series.hosts
    const lean = saved.length > 0 ? { ...result, series: { ...result.series, hosts: [] } } : result
    const run: Run = {
      ...{ info, design, result: lean, send: () => {}, stop: () => {} },
      ...{ placed: true, ended: true },
    }
    if (saved.length > 0) {
      run.hosts = new HostSeriesTable(packHostSeries(saved, result.series.timesS.length))
      info.hostSeries = 'kept'
    } else info.hostSeriesNote = HOST_SERIES_NOTES.notSaved
    this.byResult.set(result, run)
    this.byResult.set(lean, run)
    this.runs.set(info.runId, run)
    if (run.hosts) this.keepWithinMemoryBudget(run)
    this.tell({ kind: 'finished', detail: this.detail(run) })
    this.hub.publish('simulation:finished', { ...info })
    return { ...info }
  }

  /**
   * The whole result of run `runId`, for whatever exports a run (reports, CSV, the saved file):
   * its result with the per-host series it keeps put back into `series.hosts` while hosts ×
   * samples is within `maxHostSamples`; else without them and `hostSeriesNote` says why.
   * Throws for an unknown run or one without a result.
   */
  fullResult(runId: string, maxHostSamples = Number.POSITIVE_INFINITY): FullRunResult {
    const run = this.find(runId)
    const lean = run.result
    if (!lean) throw new Error(`simulation run "${runId}" is ${run.info.status}: no result yet`)
    const table = run.hosts
    if (!table) {
      const note = lean.series.hosts.length > 0 ? undefined : run.info.hostSeriesNote
      return { result: lean, ...(note ? { hostSeriesNote: note } : {}) }
    }
    const hostSamples = table.hostCount * table.packed.samples
    if (hostSamples > maxHostSamples)
      return {
        result: lean,
        hostSeriesNote: `its per-host series (${table.hostCount.toLocaleString('en-US')} hosts × ${table.packed.samples.toLocaleString('en-US')} samples) are more than ${maxHostSamples.toLocaleString('en-US')} host-samples`,
      }
    const result = { ...lean, series: { ...lean.series, hosts: table.all() } }
    this.byResult.set(result, run)
    return { result }
  }

  /**
   * `fullResult` of the run whose result `result` is (as handed out by `get`, `fullResult` or
   * a file `adopt`ed); a result of no kept run comes back as it is.
   */
  fullResultOf(result: SimulationResult, maxHostSamples?: number): FullRunResult {
    const run = this.byResult.get(result)
    if (!run || !this.runs.has(run.info.runId) || !run.result) return { result }
    if (result.series.hosts.length > 0 && maxHostSamples === undefined) return { result }
    return this.fullResult(run.info.runId, maxHostSamples)
  }

  /** The design run `runId` simulated; undefined for an unknown run. */
  designOf(runId: string): Design | undefined {
    return this.runs.get(runId)?.design
  }

  /** Calls `listener` with every run's progress and end; returns the unsubscribe. */
  onRunEvent(listener: RunListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private tell(event: RunEvent): void {
    for (const listener of [...this.listeners]) listener(event)
  }

  /**
   * The run with its result: per-host series in it while hosts × samples is within `budget`
   * (none when 0); `lean` leaves out the per-instance records too.
   */
  private detail(run: Run, budget = 0, lean = false): SimulationRunDetail {
    const r = run.result
    if (!r) return { ...run.info }
    const table = run.hosts
    const withHosts = table && table.hostCount * table.packed.samples <= budget
    if (!withHosts && !lean) return { ...run.info, result: r }
    return {
      ...run.info,
      result: {
        ...r,
        ...(lean ? { instances: [] } : {}),
        series: { ...r.series, hosts: withHosts ? table.all() : [] },
      },
    }
  }

  private find(runId: string): Run {
    const run = this.runs.get(runId)
    if (!run) throw new Error(`no simulation run "${runId}"`)
    return run
  }

  private control(runId: string, message: ToWorker, to: SimulationRunStatus): SimulationRunInfo {
    const run = this.find(runId)
    const active = run.info.status === 'running' || run.info.status === 'paused'
    if (active) {
      run.send(message)
      // a cancelled run answers so at once (review s7a #11: it said "running"); its result
      // and `simulation:finished` follow when its thread has stopped
      run.info.status = to
    }
    return { ...run.info }
  }

  pause(runId: string): SimulationRunInfo {
    return this.control(runId, { type: 'pause' }, 'paused')
  }

  resume(runId: string): SimulationRunInfo {
    return this.control(runId, { type: 'resume' }, 'running')
  }

  /**
   * Advances a paused run by one scheduling step (one series sample) and holds it again; its
   * `simulation:progress` event follows. Throws for an unknown run or one not paused.
   */
  step(runId: string): SimulationRunInfo {
    const run = this.find(runId)
    if (run.info.status !== 'paused')
      throw new Error(`simulation run "${runId}" is ${run.info.status}: only a paused run steps`)
    run.send({ type: 'step' })
    return { ...run.info }
  }

  /**
   * Cancels a run: it answers `cancelled` at once, its result (what it simulated so far) and
   * `simulation:finished` follow when its thread has stopped. A run still placing is stopped
   * there (its thread ended, nothing more placed) and ends at once without a result: its
   * placement is never published (review s9a #2).
   */
  cancel(runId: string): SimulationRunInfo {
    const run = this.find(runId)
    if (run.placement && !run.placed && isActive(run)) {
      run.info.status = 'cancelled'
      run.info.hostSeries = 'none'
      this.end(run)
      return { ...run.info }
    }
    return this.control(runId, { type: 'cancel' }, 'cancelled')
  }

  /**
   * One run with its result once done; without `runId` the latest run. Per-host series are in
   * the result within HOST_SERIES_BUDGET; `lean` (the window's read) leaves out the
   * per-instance records and keeps per-host series within LEAN_HOST_SERIES_BUDGET only.
   */
  get(runId?: string, lean = false): SimulationRunDetail {
    return this.detail(this.pick(runId), lean ? LEAN_HOST_SERIES_BUDGET : HOST_SERIES_BUDGET, lean)
  }

  /** One run's state (no result); without `runId` the latest. Throws for an unknown run. */
  info(runId?: string): SimulationRunInfo {
    return { ...this.pick(runId).info }
  }

  private pick(runId?: string): Run {
    if (runId !== undefined) return this.find(runId)
    const last = [...this.runs.values()].pop()
    if (!last) throw new Error('no simulation has been run yet')
    return last
  }

  /**
   * The per-host series of `hostIds` (at most MAX_HOST_SERIES_PER_CALL) in run `runId` (the
   * latest without one). Throws when the run is unknown, not finished, or kept none (beyond
   * the memory budget, asked for none, or pushed out by newer runs).
   */
  hostSeries(runId: string | undefined, hostIds: ReadonlyArray<string>): HostSeriesAnswer {
    const run = this.pick(runId)
    const id = run.info.runId
    if (hostIds.length > MAX_HOST_SERIES_PER_CALL)
      throw new Error(
        `at most ${MAX_HOST_SERIES_PER_CALL} hosts per call (${hostIds.length} asked)`,
      )
    if (!run.result) throw new Error(`simulation run "${id}" is ${run.info.status}: no result yet`)
    const table = run.hosts
    if (!table)
      throw new Error(
        `simulation run "${id}" kept no per-host series (beyond the memory budget or not asked for): views show per-rack means`,
      )
    const hosts = []
    const unknownHostIds: string[] = []
    for (const hostId of new Set(hostIds)) {
      const series = table.series(hostId)
      if (series) hosts.push(series)
      else unknownHostIds.push(hostId)
    }
    return { runId: id, timesS: run.result.series.timesS, hosts, unknownHostIds }
  }

  list(): SimulationRunInfo[] {
    return [...this.runs.values()].map((r) => ({ ...r.info }))
  }

  /**
   * Stops every run and forgets them all, results and per-host series included (another
   * design was opened: they are not its runs). Run ids go on counting, so an old id never
   * names a new run. Returns the sentence that says which runs in progress were stopped
   * (review s7u #6), undefined when none was.
   */
  forget(): string | undefined {
    const all = [...this.runs.values()]
    this.runs.clear()
    const stopped = all.filter(isActive).map((r) => `${progressPercent(r.info.progress)} %`)
    for (const run of all) {
      // A run on this thread has no worker to end: it stops at its next slice.
      if (isActive(run)) run.send({ type: 'cancel' })
      run.stop()
    }
    return stoppedRunsNotice(stopped)
  }

  /** Stops every worker (app shutdown). */
  dispose(): void {
    for (const run of this.runs.values()) run.stop()
  }
}

/**
 * `The running simulation (22 %) was stopped because another design was opened.`; for several,
 * `2 running simulations (22 %, 40 %) were stopped …`; undefined for none. `done`: each run's
 * progress, as text.
 */
export function stoppedRunsNotice(done: readonly string[]): string | undefined {
  if (done.length === 0) return undefined
  const which =
    done.length === 1
      ? `The running simulation (${done[0]}) was`
      : `${done.length} running simulations (${done.join(', ')}) were`
  return `${which} stopped because another design was opened.`
}
