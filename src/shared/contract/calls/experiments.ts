/** Experiments in the app (issue 16): sweeps of the open design or of a spec file, on every core. */
import type { z } from 'zod'
import type { SimulationSummary } from '../../domain/simulation-result'
import type { CallAccess } from '../session'
import type { DesignState } from '../../domain/design-edits'
import type { RunSeries } from '../../domain/run-series'
import type { experimentsRequests } from '../schemas/experiments'

export const experimentsCalls = {
  'experiments:start': 'provider',
  'experiments:cancel': 'provider',
  'experiments:list': 'provider',
  'experiments:results': 'provider',
  'experiments:run': 'provider',
  'experiments:open-run': 'provider',
  'experiments:series': 'provider',
} as const satisfies Record<keyof typeof experimentsRequests, CallAccess>

export type ExperimentsRequests = {
  [K in keyof typeof experimentsRequests]: z.input<(typeof experimentsRequests)[K]>
}

/** A JSON value, as factor values are. */
export type ExperimentFactorValue =
  | string
  | number
  | boolean
  | null
  | ExperimentFactorValue[]
  | { [key: string]: ExperimentFactorValue }

export type ExperimentStatus = 'running' | 'done' | 'cancelled' | 'failed'

/** Warnings an experiment's progress lists in full (`ExperimentProgressEvent.warnings`). */
export const MAX_EXPERIMENT_WARNINGS = 20

/** Progress of an experiment (pushed as `experiments:progress`). */
export interface ExperimentProgressEvent {
  experimentId: string
  status: ExperimentStatus
  /** Runs in the plan (identical runs counted once). */
  total: number
  /** Runs finished in this experiment. */
  done: number
  failed: number
  running: number
  /** Runs whose results were already stored (not rerun). */
  skipped: number
  elapsedMs: number
  /** Estimated time to finish, milliseconds; null until a run has ended. */
  etaMs: number | null
  /** Why the experiment failed as a whole (status `failed`). */
  message?: string
  /**
   * Stored run records found damaged in the output folder, each naming its file and field
   * (`runs/<id>.json: summary.migrations must be >= 0; it is run again`); at most
   * `MAX_EXPERIMENT_WARNINGS`, then one line saying how many more. Absent when there are none.
   */
  warnings?: string[]
  /**
   * While the plan is still being made (status `running`, no run started yet): `check` counts
   * factor values checked, `build` combinations resolved, `ids` runs given their id. Absent
   * once the runs start.
   */
  planning?: { phase: 'check' | 'build' | 'ids'; done: number; total: number }
}

/** An experiment as `experiments:list` and `experiments:start` describe it. */
export interface ExperimentInfo {
  experimentId: string
  name: string
  /** Factor names (design paths, and `design` with alternative designs), in order. */
  factorNames: string[]
  combinations: number
  repeat: number
  /** Runs in the plan. */
  runs: number
  /** ISO 8601. */
  startedAt: string
  progress: ExperimentProgressEvent
}

/** One run's figures: its factors, seed and summary, the provider's energy cost and carbon. */
export interface ExperimentRunRow {
  runId: string
  index: number
  factors: Record<string, ExperimentFactorValue>
  repetition: number
  seed: number
  summary: SimulationSummary
  /** Facility energy (IT energy x PUE), kWh. */
  facilityEnergyKWh: number
  /** Energy cost in `energyCostCurrency`; null when the design gives no electricity price. */
  energyCost: number | null
  energyCostCurrency: string | null
  carbonKgCO2e: number | null
  /** Tenants whose SLA the run violated. */
  tenantSlaViolations: number
}

/** Mean and 95 % confidence interval (Student's t, clamped to the metric's range). */
export interface ExperimentEstimate {
  mean: number
  /** Null with fewer than 2 repetitions. */
  ci95Low: number | null
  ci95High: number | null
}

/** One combination of factor values over its repetitions. */
export interface ExperimentCombinationRow {
  factors: Record<string, ExperimentFactorValue>
  runs: number
  /** By metric name (a key of `ExperimentResults.metrics`). */
  estimates: Record<string, ExperimentEstimate>
}

/** A metric of the comparison: its column name, a label with its unit, its range. */
export interface ExperimentMetric {
  key: string
  label: string
  /** Bounds the confidence intervals are clamped to (e.g. 0..100 for availability). */
  min: number | null
  max: number | null
}

export interface ExperimentResults {
  experimentId: string
  name: string
  factorNames: string[]
  metrics: ExperimentMetric[]
  runs: ExperimentRunRow[]
  combinations: ExperimentCombinationRow[]
  /** Runs that failed, with the engine's message. */
  failures: Array<{
    index: number
    factors: Record<string, ExperimentFactorValue>
    message: string
  }>
}

/** One run in full: its row and each tenant's availability, bill and SLA verdict. */
export interface ExperimentRunDetail extends ExperimentRunRow {
  tenants: Array<{
    tenantId: string
    availabilityPercent: number
    slaAvailabilityPercent: number
    slaViolation: boolean
    bill: number
    currency: string
  }>
}

/** One run's datacenter-wide series (`experiments:series`), one value per sample. */
export interface ExperimentRunSeries extends RunSeries {
  runId: string
  index: number
}

/** A run opened in the app (`experiments:open-run`): the design state and what was opened. */
export interface ExperimentOpenedRun {
  /** The open design's state: a new design, unsaved (dirty) and without a file. */
  state: DesignState
  /** The name the opened design was given (`Two-hall · run 4 (dvfs · 4)`). */
  designName: string
  runId: string
  index: number
}

export interface ExperimentsResponses {
  'experiments:start': ExperimentInfo
  /** `cancelled: false` when the experiment had already ended. */
  'experiments:cancel': { cancelled: boolean }
  'experiments:list': ExperimentInfo[]
  'experiments:results': ExperimentResults
  'experiments:run': ExperimentRunDetail
  'experiments:open-run': ExperimentOpenedRun
  'experiments:series': ExperimentRunSeries[]
}

/** Events this domain pushes, with their payloads. */
export interface ExperimentsEvents {
  'experiments:progress': ExperimentProgressEvent
}
export const experimentsEventNames = ['experiments:progress'] as const satisfies ReadonlyArray<
  keyof ExperimentsEvents
>
