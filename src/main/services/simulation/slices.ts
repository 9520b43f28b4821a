/**
 * Runs a `start` message's simulation through the driver, in slices, so the thread it runs on
 * stays responsive: one slice of events (at most one scheduling step), then a yield (where
 * pause / resume / step / cancel messages are handled), progress reported at most every
 * `progressEveryMs`. Each progress names the run's phase (review s9u B1): `placing` before the
 * placement a `placeFirst` start makes, `preparing` before the run's model is built (both are
 * one piece of work each: about 1 and 2 s of CPU for 10,000 hosts and 80,000 instances), then
 * the step being simulated.
 */
import { performance } from 'node:perf_hooks'
import { createScheduler, type Scheduler, type Simulation } from '../../engine'
import { openSimulation, SimulationDriver } from './driver'
import type { FromWorker, StartMessage, ToWorker } from './protocol'
import { packHostSeries } from './host-series-store'
import { simulatingPhase, type RunPhase } from '../../../shared/domain/run-phase'

/** Answers the control messages of one run. */
export interface SliceRunner {
  pause(): void
  resume(): void
  /** A paused run only: one scheduling step (one series sample), then held again. */
  step(): void
  cancel(): void
}

/** Hands a control message to `runner`. */
export function control(runner: SliceRunner, message: Exclude<ToWorker, { type: 'start' }>): void {
  if (message.type === 'pause') runner.pause()
  else if (message.type === 'resume') runner.resume()
  else if (message.type === 'step') runner.step()
  else runner.cancel()
}

/** The `done` message of `sim`: its result, with the per-host series packed beside it. */
export function doneMessage(sim: Simulation, cancelled: boolean): FromWorker {
  const result = sim.getResult()
  const { hosts } = result.series
  if (hosts.length === 0) return { type: 'done', cancelled, result }
  return {
    type: 'done',
    cancelled,
    result: { ...result, series: { ...result.series, hosts: [] } },
    hostSeries: packHostSeries(hosts, result.series.timesS.length),
  }
}

/** How `runInSlices` paces a run (tests make every slice report). */
export interface SlicePacing {
  /** Least wall time between two progress messages, ms (default 100). */
  progressEveryMs?: number
  /** Events per slice (default the driver's `EVENTS_PER_SLICE`). */
  eventsPerSlice?: number
}

/** Runs `start` in slices, sending progress and the result to `send`. */
export function runInSlices(
  start: StartMessage,
  send: (message: FromWorker) => void,
  pacing: SlicePacing = {},
): SliceRunner {
  const progressEveryMs = pacing.progressEveryMs ?? 100
  const horizonS = start.horizonS ?? start.design.simulation.horizonS
  /** A progress message of the phases before the run opens (nothing simulated yet). */
  const before = (phase: RunPhase): FromWorker => ({
    type: 'progress',
    progress: 0,
    virtualTimeS: 0,
    horizonS,
    paused: false,
    phase,
  })
  let sim: Simulation
  try {
    // The placement reported is the one the run starts from: placed once (review s11 #4).
    let placed: Scheduler | undefined
    if (start.placeFirst) {
      const { design } = start
      const instances = design.workloads.reduce((n, w) => n + w.count, 0)
      send(before({ kind: 'placing', instances, hosts: design.hosts.length }))
      const seed = start.seed ?? design.simulation.seed
      placed = createScheduler(design, { seed })
      send({ type: 'placed', result: placed.placeAll() })
    }
    send(before({ kind: 'preparing' }))
    sim = openSimulation(start.design, {
      ...(placed ? { placed } : {}),
      runId: start.runId,
      ...(start.policy !== undefined ? { policy: start.policy } : {}),
      ...(start.seed !== undefined ? { seed: start.seed } : {}),
      ...(start.horizonS !== undefined ? { horizonS: start.horizonS } : {}),
      hostSeries: start.hostSeries ?? true,
    })
  } catch (error) {
    send({ type: 'error', message: (error as Error).message })
    return { pause() {}, resume() {}, step() {}, cancel() {} }
  }
  const driver = new SimulationDriver(sim, pacing.eventsPerSlice)
  let paused = false
  let finished = false
  let lastReport = 0
  let sentPoints = 0
  const report = (): void => {
    const live = sim.liveDelta(sentPoints)
    sentPoints = sim.seriesLength
    send({
      type: 'progress',
      progress: sim.progress,
      virtualTimeS: sim.virtualTimeS,
      horizonS: sim.state.horizonS,
      paused,
      phase: simulatingPhase(sim.virtualTimeS, sim.state.horizonS, sim.state.stepS),
      live,
    })
  }
  /** Runs `advance`; on the end sends the result, on an engine error the message. */
  const guarded = (advance: () => boolean): boolean => {
    try {
      if (!advance()) return false
      finished = true
      send(doneMessage(sim, false))
    } catch (error) {
      finished = true
      send({ type: 'error', message: (error as Error).message })
    }
    return true
  }
  const slice = (): void => {
    if (finished || paused) return
    if (guarded(() => driver.slice())) return
    const now = performance.now()
    if (now - lastReport >= progressEveryMs) {
      lastReport = now
      report()
    }
    setImmediate(slice)
  }
  // the run is open: its first step is under way (10,000 hosts: ~4 s of CPU before its sample)
  report()
  setImmediate(slice)
  return {
    pause() {
      if (finished || paused) return
      paused = true
      report()
    },
    resume() {
      if (finished || !paused) return
      paused = false
      report()
      setImmediate(slice)
    },
    step() {
      if (finished || !paused) return
      if (!guarded(() => driver.step())) report()
    },
    cancel() {
      if (finished) return
      finished = true
      sim.cancel()
      send(doneMessage(sim, true))
    },
  }
}
