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
  ExperimentRunSeries,
} from '../../../shared/contract'
import { MAX_EXPERIMENT_WARNINGS } from '../../../shared/contract/calls/experiments'
import { performance } from 'node:perf_hooks'
import type { Design } from '../../../shared/design/schema'
import type { FactorValue } from '../../../shared/experiment/spec'
import type { ExperimentPlan, PlanOutline, PlanStep, RunRecord } from '../../engine'
import type { EventHub } from '../event-hub'
import { runOnLocalPool, seriesOnLocalPool } from './local-pool'
import type { ExperimentProgress } from './progress'
import { runExperiment, type RunFailure } from './run-experiment'
import { experimentResults, runDetail } from './results-view'

interface Job {
  info: ExperimentInfo
  outline: PlanOutline
  /** The plan once made (runs' resolved designs, to open or compare a run). */
  plan?: ExperimentPlan
  abort: AbortController
  records: Map<string, RunRecord>
  failures: RunFailure[]
  finished: Promise<void>
}

/** A factor value as a label (`dvfs`, `4`, `{"a":1}`). */
const factorLabel = (v: FactorValue | undefined): string =>
  v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)

/** `job`'s plan; a run of an experiment still being planned does not exist yet. */
function planOf(job: Job, experimentId: string): ExperimentPlan {
  if (!job.plan) throw new ExperimentNotFound(`experiment ${experimentId} is still being planned`)
  return job.plan
}

/** Thrown for an unknown experiment or run id. */
export class ExperimentNotFound extends Error {}

/** Thrown when a comparison is asked for while another is being computed. */
export class ExperimentBusy extends Error {}

export class AppExperiments {
  private readonly jobs = new Map<string, Job>()
  private comparing = false

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
    const shown: string[] = []
    let hidden = 0
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
      job.plan = plan
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
          // a damaged stored record is run again, and said (file and field) in the panel
          onWarning: (message) => {
            if (shown.length < MAX_EXPERIMENT_WARNINGS) shown.push(message)
            else hidden++
            const more = `and ${hidden} more damaged stored record(s), each run again`
            job.info.progress = {
              ...job.info.progress,
              warnings: hidden > 0 ? [...shown, more] : [...shown],
            }
            this.options.hub.publish('experiments:progress', { ...job.info.progress })
          },
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

  private record(experimentId: string, runId: string): { job: Job; record: RunRecord } {
    const job = this.job(experimentId)
    const record = [...job.records.values()].find((r) => r.id === runId)
    if (!record) throw new ExperimentNotFound(`experiment ${experimentId} has no run ${runId}`)
    return { job, record }
  }

  run(experimentId: string, runId: string): ExperimentRunDetail {
    return runDetail(this.record(experimentId, runId).record)
  }

  /**
   * Run `runId`'s resolved design (the base design with its factors and seed applied), a copy
   * named after the run: `Two-hall · run 4 (dvfs · 4)`.
   */
  runDesign(experimentId: string, runId: string): { design: Design; index: number } {
    const { job, record } = this.record(experimentId, runId)
    const plan = planOf(job, experimentId)
    const planned = plan.runs[record.index]
    if (!planned) throw new ExperimentNotFound(`experiment ${experimentId} has no run ${runId}`)
    const design = structuredClone(planned.design)
    const levels = plan.factorNames.map((f) => factorLabel(planned.factors[f])).join(' · ')
    design.meta = {
      ...design.meta,
      name: `${design.meta.name} · run ${record.index + 1}${levels ? ` (${levels})` : ''}`,
    }
    return { design, index: record.index }
  }

  /**
   * The series of runs `runIds` (2-4), each simulated again on a pool thread: the same design
   * and seed as the run, so the same result. One comparison at a time (`ExperimentBusy`).
   */
  async series(experimentId: string, runIds: readonly string[]): Promise<ExperimentRunSeries[]> {
    const tasks = runIds.map((runId) => {
      const { job, record } = this.record(experimentId, runId)
      const planned = planOf(job, experimentId).runs[record.index]
      if (!planned) throw new ExperimentNotFound(`experiment ${experimentId} has no run ${runId}`)
      return {
        id: record.id,
        index: record.index,
        designName: planned.designName,
        factors: planned.factors,
        repetition: planned.repetition,
        seed: planned.seed,
        design: planned.design,
      }
    })
    if (this.comparing) throw new ExperimentBusy('runs are already being compared; wait for them')
    this.comparing = true
    try {
      const series = await seriesOnLocalPool(tasks)
      return series.map((s, i) => ({
        runId: (tasks[i] as { id: string }).id,
        index: (tasks[i] as { index: number }).index,
        ...s,
      }))
    } finally {
      this.comparing = false
    }
  }

  /** Cancels every running experiment and waits for the pools to stop. */
  async dispose(): Promise<void> {
    for (const job of this.jobs.values()) job.abort.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.finished))
  }
}
