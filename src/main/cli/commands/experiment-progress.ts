/**
 * What `strata experiment run` shows while it works, on stderr: planning progress as lines
 * (checking factor values, resolving combinations, giving runs their ids; a large plan takes
 * a while), then the runs: as a bar on a terminal (cli-progress), else (a log file, a pipe) as
 * a line every `runLineGapMs` and one when the last run ends.
 */
import { SingleBar } from 'cli-progress'
import type { PlanStep } from '../../engine'
import type { ExperimentProgress } from '../../services/experiments/progress'

export interface ProgressView {
  /** A planning step (values checked, combinations resolved, run ids). */
  planning(phase: PlanStep['phase'] | 'ids', done: number, total: number): void
  update(progress: ExperimentProgress): void
  stop(): void
}

const seconds = (ms: number | null): string => (ms === null ? '?' : `${Math.round(ms / 1000)} s`)

const PHASE_WORDS = {
  check: 'factor values checked',
  build: 'combinations resolved',
  ids: 'runs given their id',
} as const

/** Options of `progressView`: the clock and the gap between lines, for tests. */
export interface ProgressViewOptions {
  nowMs?: () => number
  /** Least time between two planning lines, milliseconds (default 3000). */
  lineGapMs?: number
  /** Least time between two run lines when the stream is not a terminal, ms (default 10,000). */
  runLineGapMs?: number
  /** Where progress lines go (default: written to the stream). */
  print?: (line: string) => void
}

/**
 * Progress on `stream`: planning lines (the first and last of each phase, and one at most
 * every `lineGapMs` between), then a bar of runs done / to do when `stream` is a terminal, or
 * else lines `runs: 3/40 done, 2 running, 0 failed, ETA 12 s` (the first, one at most every
 * `runLineGapMs`, and the last).
 */
export function progressView(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  options: ProgressViewOptions = {},
): ProgressView {
  const nowMs = options.nowMs ?? (() => performance.now())
  const gapMs = options.lineGapMs ?? 3000
  const runGapMs = options.runLineGapMs ?? 10_000
  let lastLineMs = -Infinity
  let lastPhase: string | undefined
  const print = options.print ?? ((text: string) => stream.write(`${text}\n`))
  const line = (text: string, force: boolean, gap = gapMs): void => {
    const now = nowMs()
    if (!force && now - lastLineMs < gap) return
    lastLineMs = now
    print(text)
  }
  let runLines = 0
  const runLine = (p: ExperimentProgress): void => {
    const total = p.total - p.skipped
    const ended = p.done + p.failed >= total
    const text =
      `runs: ${p.done}/${total} done, ${p.running} running, ${p.failed} failed` +
      (ended ? '' : `, ETA ${seconds(p.etaMs)}`)
    line(text, runLines++ === 0 || ended, runGapMs)
  }
  const bar = stream.isTTY
    ? new SingleBar({
        stream: stream as NodeJS.WriteStream,
        format: 'runs {bar} {value}/{total} | running {running} | failed {failed} | ETA {eta_text}',
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined
  let started = false
  return {
    planning(phase, done, total) {
      const first = phase !== lastPhase
      lastPhase = phase
      line(`planning: ${done}/${total} ${PHASE_WORDS[phase]}`, first || done === total)
    },
    update(p) {
      if (!bar) return runLine(p)
      const payload = { running: p.running, failed: p.failed, eta_text: seconds(p.etaMs) }
      const total = p.total - p.skipped
      if (!started) {
        bar.start(total, p.done, payload)
        started = true
      } else bar.update(p.done + p.failed, payload)
    },
    stop() {
      if (started) bar?.stop()
    },
  }
}
