/**
 * The one driver of a `Simulation`: it opens a run (the policy parsed once, here) and advances
 * it in slices of events (at most one scheduling step each), a step (one series sample) at a
 * time, or to the end with a pause between slices. The app's run worker (`slices.ts`), report production and the CLI all drive
 * runs through it, so they advance a run the same way.
 */
import { performance } from 'node:perf_hooks'
import type { SimulationResult } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { Simulation, type SimulationOptions } from '../../engine'

/** Events per slice when none is given: small enough for a responsive thread. */
export const EVENTS_PER_SLICE = 64

/** A run's options: as the engine's, the policy a name or an already parsed spec. */
export type RunOptions = Omit<SimulationOptions, 'nowMs'>

/** Opens a run of `design` with the wall clock for `elapsedMs`. Throws as `new Simulation` does. */
export function openSimulation(design: Design, options: RunOptions = {}): Simulation {
  return new Simulation(design, { ...options, nowMs: () => performance.now() })
}

/** What `runToEnd` may do between slices. */
export interface RunToEndOptions {
  /** Events per slice (default `EVENTS_PER_SLICE`). */
  eventsPerSlice?: number
  /** Called after each unfinished slice (progress); may wait (to let other work run). */
  between?: (sim: Simulation) => void | Promise<void>
  /** Asked after each `between`: true stops the run (the simulation is cancelled). */
  stop?: () => boolean
}

/** Advances `sim` by slices of events; knows how to take one step and how to run to the end. */
export class SimulationDriver {
  constructor(
    readonly sim: Simulation,
    readonly eventsPerSlice = EVENTS_PER_SLICE,
  ) {}

  /**
   * Runs one slice: events until `maxEvents` ran or a series sample was taken (a scheduling
   * step ended); true when the run has finished. A slice never spans two steps (review s9u B1:
   * a 10,000-host run has few events per step, each step ~0.65 s of CPU, so 64 events ran 23
   * of its 24 steps in one slice and its progress sat at "1 %" for a minute).
   */
  slice(maxEvents = this.eventsPerSlice): boolean {
    const from = this.sim.seriesLength
    for (let n = 0; n < maxEvents; n++) {
      if (this.sim.advance(1)) return true
      if (this.sim.seriesLength > from) return false
    }
    return false
  }

  /**
   * Runs to the next series sample (one scheduling step of virtual time): events one at a
   * time until the series has grown; true when the run has finished instead.
   */
  step(): boolean {
    const from = this.sim.seriesLength
    for (;;) {
      if (this.sim.advance(1)) return true
      if (this.sim.seriesLength > from) return false
    }
  }

  /** Runs slice after slice to the end on this thread (nothing to yield to) and returns the result. */
  complete(): SimulationResult {
    while (!this.slice());
    return this.sim.getResult()
  }

  /**
   * Runs slice after slice to the end and returns the result, or `undefined` if `stop` ended
   * it first (the simulation is then cancelled; its partial result stays on `sim`).
   */
  async runToEnd(options: RunToEndOptions = {}): Promise<SimulationResult | undefined> {
    const size = options.eventsPerSlice ?? this.eventsPerSlice
    while (!this.slice(size)) {
      if (options.between) await options.between(this.sim)
      if (options.stop?.()) {
        this.sim.cancel()
        return undefined
      }
    }
    return this.sim.getResult()
  }
}
