/** Messages between the simulation run manager and its worker thread. */
import type { LiveDelta, SimulationResult } from '../../../shared/contract/calls/simulation'
import type { PlacementResult } from '../../../shared/domain/placement'
import type { RunPhase } from '../../../shared/domain/run-phase'
import type { Design } from '../../../shared/design/schema'
import type { PolicySpec } from '../../engine'
import type { PackedHostSeries } from './host-series-store'

export interface StartMessage {
  type: 'start'
  runId: string
  design: Design
  /** Parsed once by the run manager; the worker does not parse it again. */
  policy?: PolicySpec
  seed?: number
  horizonS?: number
  hostSeries?: boolean
  /**
   * Place the design as the app's `place` does (`createScheduler(design, { seed })`) before
   * the run opens, and report it (`placed`): main shows the placement the run starts from
   * without placing on its own thread (review s7b #3).
   */
  placeFirst?: boolean
}

/** To the worker. */
export type ToWorker =
  | StartMessage
  | { type: 'pause' }
  | { type: 'resume' }
  /** One scheduling step of a paused run, then held again. */
  | { type: 'step' }
  | { type: 'cancel' }

/** From the worker. */
export type FromWorker =
  /** The placement of a `placeFirst` start, before any progress but the `placing` phase's. */
  | { type: 'placed'; result: PlacementResult }
  | {
      type: 'progress'
      progress: number
      virtualTimeS: number
      horizonS: number
      paused: boolean
      /** What the run is doing (review s9u B1). */
      phase: RunPhase
      /** Series points since the previous progress message (none before the run opened). */
      live?: LiveDelta
    }
  | {
      type: 'done'
      cancelled: boolean
      /** The result with `series.hosts` empty: they come packed in `hostSeries`. */
      result: SimulationResult
      /** Per-host series, packed (their buffers are transferred, not copied). */
      hostSeries?: PackedHostSeries
    }
  | { type: 'error'; message: string }
