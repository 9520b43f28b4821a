/**
 * Discrete-event simulation runs (issue 4): start, pause, resume, step, cancel, read; progress and
 * results pushed as events. The result types are domain types, defined in
 * `src/shared/domain/simulation-result.ts` and re-exported here; the run's lifecycle
 * (`SimulationRunInfo`) is the contract's own.
 */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { simulationRequests } from '../schemas/simulation'
import type { HostSeries, SimulationResult, LiveDelta } from '../../domain/simulation-result'
import type { RunPhase } from '../../domain/run-phase'

export type {
  SimulationSummary,
  HostSeries,
  RackSeries,
  TenantSeries,
  SimulationSeries,
  BillLine,
  TenantBill,
  TenantUsage,
  InstanceRecord,
  FailureRecord,
  MigrationRecord,
  SimulationResult,
  LiveDelta,
} from '../../domain/simulation-result'
export type { RunPhase } from '../../domain/run-phase'

export const simulationCalls = {
  'simulation:start': 'provider',
  'simulation:pause': 'provider',
  'simulation:resume': 'provider',
  'simulation:step': 'provider',
  'simulation:cancel': 'provider',
  'simulation:get': 'provider',
  'simulation:list': 'provider',
  // provider only: per-host series name every tenant's hosts (a tenant session is refused)
  'simulation:host-series': 'provider',
} as const satisfies Record<keyof typeof simulationRequests, CallAccess>

export type SimulationRequests = {
  [K in keyof typeof simulationRequests]: z.input<(typeof simulationRequests)[K]>
}

/** Lifecycle of a run. */
export type SimulationRunStatus = 'running' | 'paused' | 'done' | 'cancelled' | 'failed'

/** State of a run as `simulation:get` / `simulation:list` report it. */
export interface SimulationRunInfo {
  runId: string
  status: SimulationRunStatus
  policy: string
  seed: number
  /** Fraction of virtual time simulated, 0..1. */
  progress: number
  virtualTimeS: number
  horizonS: number
  /** Set when status is `failed`. */
  error?: string
  /**
   * Set once a run ended: `kept` when main holds its per-host series (read them per host with
   * `simulation:host-series`), `none` when it keeps per-rack series only (beyond the memory
   * budget, asked for none, or pushed out by newer runs' series).
   */
  hostSeries?: 'kept' | 'none'
  /** While it runs: what it is doing (placing, preparing, step k of N; review s9u B1). */
  phase?: RunPhase
  /**
   * With `hostSeries: 'none'`: why, as a clause that ends "Utilization per rack: …, so each
   * host shows its rack's mean" (too large to keep, not asked for, pushed out by newer runs,
   * or a reopened run whose saved file has none).
   */
  hostSeriesNote?: string
  /** On `simulation:progress` events only: what the run produced since the previous one. */
  live?: LiveDelta
}

export interface SimulationRunDetail extends SimulationRunInfo {
  /** Present once the run is done. */
  result?: SimulationResult
}

/** Per-host series of some hosts of a finished run (`simulation:host-series`). */
export interface HostSeriesAnswer {
  runId: string
  /** The run's sample instants, s (each host's series has one value per instant). */
  timesS: number[]
  /** The asked hosts the run has series for, in the asked order (duplicates once). */
  hosts: HostSeries[]
  /** Asked ids the run has no host of (not in the design it ran). */
  unknownHostIds: string[]
}

export interface SimulationResponses {
  'simulation:start': SimulationRunInfo
  'simulation:pause': SimulationRunInfo
  'simulation:resume': SimulationRunInfo
  /** The run as it was asked (still paused); its `simulation:progress` event follows the step. */
  'simulation:step': SimulationRunInfo
  'simulation:cancel': SimulationRunInfo
  'simulation:get': SimulationRunDetail
  'simulation:list': SimulationRunInfo[]
  'simulation:host-series': HostSeriesAnswer
}

/** Events this domain pushes, with their payloads. */
export interface SimulationEvents {
  /** Progress of a run (also on pause/resume/cancel). */
  'simulation:progress': SimulationRunInfo
  /** A run ended: done, cancelled or failed (read its result with `simulation:get`). */
  'simulation:finished': SimulationRunInfo
}
export const simulationEventNames = [
  'simulation:progress',
  'simulation:finished',
] as const satisfies ReadonlyArray<keyof SimulationEvents>
