/** Progress of an experiment: runs done, running, failed, skipped, and an ETA. */

export interface ExperimentProgress {
  /** Runs in the plan. */
  total: number
  /** Runs whose results were already in the output folder (not rerun). */
  skipped: number
  /** Runs finished in this session. */
  done: number
  failed: number
  running: number
  elapsedMs: number
  /** Estimated time to finish from this session's rate; null until a run has finished. */
  etaMs: number | null
}

/** Counts runs as they start and end; `snapshot()` gives the figures with the ETA. */
export class ProgressTracker {
  private done = 0
  private failed = 0
  private running = 0

  constructor(
    private readonly total: number,
    private readonly skipped: number,
    private readonly nowMs: () => number,
    private readonly startMs = nowMs(),
  ) {}

  started(): void {
    this.running++
  }

  finished(ok: boolean): void {
    this.running = Math.max(0, this.running - 1)
    if (ok) this.done++
    else this.failed++
  }

  snapshot(): ExperimentProgress {
    const elapsedMs = this.nowMs() - this.startMs
    const ended = this.done + this.failed
    const remaining = this.total - this.skipped - ended
    return {
      total: this.total,
      skipped: this.skipped,
      done: this.done,
      failed: this.failed,
      running: this.running,
      elapsedMs,
      etaMs: ended > 0 ? (elapsedMs / ended) * remaining : remaining === 0 ? 0 : null,
    }
  }
}
