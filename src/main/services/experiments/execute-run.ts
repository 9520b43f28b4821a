/**
 * Runs one experiment run to its record: the same engine as `strata simulate`, without
 * per-host series. Called in pool worker threads and by queue workers.
 */
import type { Design } from '../../../shared/design/schema'
import type { FactorValue } from '../../../shared/experiment/spec'
import { runRecord, runSeries, type RunRecord, type RunSeries } from '../../engine'
import { openSimulation, SimulationDriver } from '../simulation/driver'

/** What a worker needs to run one run (structured-clonable, JSON-safe). */
export interface RunTask {
  id: string
  index: number
  designName: string
  factors: Record<string, FactorValue>
  repetition: number
  seed: number
  /** The resolved design (its `simulation.seed` is `seed`). */
  design: Design
}

/**
 * What names a run in the coordinator's plan: its id, place, factors and seed, without the
 * design. Jobs carry it to workers, and a worker's record is stamped with it, never trusted.
 */
export function runIdentity(task: RunTask): Omit<RunTask, 'design'> {
  const { id, index, designName, factors, repetition, seed } = task
  return { id, index, designName, factors, repetition, seed }
}

/** Simulates `task.design` to the end and returns its record; throws on an engine error. */
export function executeRun(task: RunTask): RunRecord {
  const sim = openSimulation(task.design, { runId: task.id, hostSeries: false })
  return runRecord(task, task.design, new SimulationDriver(sim).complete())
}

/**
 * Simulates `task.design` again to the end (same design and seed: the same result as the
 * run) and returns its datacenter-wide series, for runs compared side by side.
 */
export function executeRunSeries(task: RunTask): RunSeries {
  const sim = openSimulation(task.design, { runId: task.id, hostSeries: false })
  return runSeries(new SimulationDriver(sim).complete())
}
