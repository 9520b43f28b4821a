/**
 * Experiments started from the app: one at a time on the local pool, each in its own folder
 * under the app's data folder (`experiments/<id>`), with progress pushed as
 * `experiments:progress` (provider sessions only) and the comparison readable while it runs.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type {
  ExperimentInfo,
  ExperimentProgressEvent,
  ExperimentResults,
  ExperimentRunDetail,
} from '../../../shared/contract'
import { performance } from 'node:perf_hooks'
import type { ExperimentPlan, PlanOutline, PlanStep, RunRecord } from '../../engine'
import type { EventHub } from '../event-hub'
import { runOnLocalPool } from './local-pool'
import type { ExperimentProgress } from './progress'
import { runExperiment, type RunFailure } from './run-experiment'
import { experimentResults, runDetail } from './results-view'

interface Job {
  info: ExperimentInfo
  outline: PlanOutline
  abort: AbortController
  records: Map<string, RunRecord>
  failures: RunFailure[]
  finished: Promise<void>
}

/** Thrown for an unknown experiment or run id. */
export class ExperimentNotFound extends Error {}

export class AppExperiments {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly options: {
      hub: EventHub
      dataDir: string
      strataVersion: string
      /** Most progress events per second while runs end (the last one is always sent). */
      progressPerSecond?: number
    },
  ) {}

  /** Whether an experiment is running (the pool takes every core: one at a time). */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => j.info.progress.status === 'running')
  }

  /**
   * Starts an experiment whose plan is still being made: answers at once with `outline`;
   * `finish` makes the plan (in slices, reporting each step; it throws an Error whose
   * message says why the plan failed), then the runs go to a pool of `workers` threads
   * (default every core). Progress carries `planning` until the runs start.
   */
  start(
    outline: PlanOutline,
    finish: (onStep: (step: PlanStep) => void) => Promise<ExperimentPlan>,
    workers?: number,
  ): ExperimentInfo {
    const experimentId = randomUUID()
    const outDir = join(this.options.dataDir, 'experiments', experimentId)
    const abort = new AbortController()
    const initial: ExperimentProgressEvent = {
      experimentId,
      status: 'running',
      total: outline.runs,
      done: 0,
      failed: 0,
      running: 0,
      skipped: 0,
      elapsedMs: 0,
      etaMs: null,
      planning: { phase: 'build', done: 0, total: outline.combinations },
    }
    const info: ExperimentInfo = {
      experimentId,
      name: outline.name,
      factorNames: outline.factorNames,
      combinations: outline.combinations,
      repeat: outline.repeat,
      runs: outline.runs,
      startedAt: new Date().toISOString(),
      progress: initial,
    }
    const job: Job = {
      info,
      outline,
      abort,
      records: new Map(),
      failures: [],
      finished: Promise.resolve(),
    }
    this.jobs.set(experimentId, job)
    const minGapMs = 1000 / (this.options.progressPerSecond ?? 8)
    let lastSentMs = -Infinity
    const publish = (p: ExperimentProgress, force = false): void => {
      const { planning, ...rest } = job.info.progress
      job.info.progress = { ...rest, ...p }
      const now = p.elapsedMs
      // The first figures after planning always go out: they say the runs have started.
      if (
        !force &&
        !planning &&
        now - lastSentMs < minGapMs &&
        p.done + p.failed < p.total - p.skipped
      )
        return
      lastSentMs = now
      this.options.hub.publish('experiments:progress', { ...job.info.progress })
    }
    const t0 = performance.now()
    const planning = (phase: 'check' | 'build' | 'ids', done: number, total: number): void => {
      const now = performance.now() - t0
      job.info.progress = { ...job.info.progress, elapsedMs: now, planning: { phase, done, total } }
      if (now - lastSentMs < minGapMs && done < total) return
      lastSentMs = now
      this.options.hub.publish('experiments:progress', { ...job.info.progress })
    }
    const planned = finish((step) => planning(step.phase, step.done, step.total)).then((plan) => {
      if (abort.signal.aborted) throw new Error('cancelled while planning')
      return plan
    })
    job.finished = planned
      .then((plan) =>
        runExperiment(plan, {
          outDir,
          strataVersion: this.options.strataVersion,
          onPlanning: (p) => planning('ids', p.done, p.total),
          execute: (tasks, listener) =>
            runOnLocalPool(tasks, {
              ...listener,
              ...(workers !== undefined ? { workers } : {}),
              signal: abort.signal,
              onRecord: (record) => {
                job.records.set(record.id, record)
                listener.onRecord(record)
              },
            }),
          onProgress: (p) => publish(p),
        }),
      )
      .then(
        (outcome) => {
          job.records = new Map(outcome.records.map((r) => [`${r.index}`, r]))
          job.failures = outcome.failures
          job.info.progress = {
            ...job.info.progress,
            status: outcome.cancelled ? 'cancelled' : 'done',
            running: 0,
            elapsedMs: outcome.elapsedMs,
            etaMs: outcome.cancelled ? null : 0,
          }
          this.options.hub.publish('experiments:progress', { ...job.info.progress })
        },
        (error: unknown) => {
          const { planning: _planning, ...progress } = job.info.progress
          if (abort.signal.aborted) {
            job.info.progress = { ...progress, status: 'cancelled', running: 0, etaMs: null }
            this.options.hub.publish('experiments:progress', { ...job.info.progress })
            return
          }
          job.info.progress = {
            ...progress,
            status: 'failed',
            running: 0,
            etaMs: null,
            message: (error as Error).message,
          }
          this.options.hub.publish('experiments:progress', { ...job.info.progress })
        },
      )
    return structuredClone(info)
  }

  private job(experimentId: string): Job {
    const job = this.jobs.get(experimentId)
    if (!job) throw new ExperimentNotFound(`no experiment ${experimentId}`)
    return job
  }

  /** Cancels a running experiment; false when it had already ended. */
  cancel(experimentId: string): boolean {
    const job = this.job(experimentId)
    if (job.info.progress.status !== 'running') return false
    job.abort.abort()
    return true
  }

  /** Newest first. */
  list(): ExperimentInfo[] {
    return [...this.jobs.values()].map((j) => structuredClone(j.info)).reverse()
  }

  /** Resolves when the experiment has ended (tests, shutdown). */
  async settled(experimentId: string): Promise<void> {
    await this.job(experimentId).finished
  }

  results(experimentId: string): ExperimentResults {
    const job = this.job(experimentId)
    return experimentResults({
      experimentId,
      name: job.outline.name,
      factorNames: job.outline.factorNames,
      records: [...job.records.values()],
      failures: job.failures.map((f) => ({
        index: f.index,
        factors: f.factors,
        message: f.message,
      })) as ExperimentResults['failures'],
    })
  }

  run(experimentId: string, runId: string): ExperimentRunDetail {
    const record = [...this.job(experimentId).records.values()].find((r) => r.id === runId)
    if (!record) throw new ExperimentNotFound(`experiment ${experimentId} has no run ${runId}`)
    return runDetail(record)
  }

  /** Cancels every running experiment and waits for the pools to stop. */
  async dispose(): Promise<void> {
    for (const job of this.jobs.values()) job.abort.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.finished))
  }
}
