/**
 * What `strata simulate` shows while it runs, on stderr (review s6u #6: an 8-minute run said
 * nothing): simulated time of the horizon and an ETA, as a bar on a terminal (cli-progress,
 * as `strata experiment run` does), else (a log file, a pipe) as a line every `lineGapMs`:
 * `simulated 6:35 of 24:00 (27 %), ETA 3 min 20 s`.
 */
import { SingleBar } from 'cli-progress'
import { clock, durationText } from '../../engine'

export interface SimulateProgress {
  /** The run reached `virtualS` of `horizonS` (both in simulated seconds). */
  update(virtualS: number, horizonS: number): void
  stop(): void
}

/** Options of `simulateProgress`: the clock and the gap between lines, for tests. */
export interface SimulateProgressOptions {
  /** Wall clock, milliseconds. */
  nowMs?: () => number
  /** Least time between two lines when the stream is not a terminal, ms (default 10,000). */
  lineGapMs?: number
  /** Where lines go (default: written to the stream). */
  print?: (line: string) => void
}

/** Seconds of wall time left at the pace so far (undefined before any progress). */
function etaS(elapsedMs: number, virtualS: number, horizonS: number): number | undefined {
  if (!(virtualS > 0) || elapsedMs <= 0) return undefined
  return ((elapsedMs / 1000) * Math.max(0, horizonS - virtualS)) / virtualS
}

/** `6:35 of 24:00 (27 %), ETA 3 min 20 s`. */
export function progressText(virtualS: number, horizonS: number, eta: number | undefined): string {
  const percent = horizonS > 0 ? Math.floor((100 * virtualS) / horizonS) : 100
  return (
    `${clock(virtualS)} of ${clock(horizonS)} (${percent} %), ` +
    `ETA ${eta === undefined ? '?' : durationText(Math.round(eta))}`
  )
}

/** Progress on `stream`: a bar on a terminal, else the first line and one every `lineGapMs`. */
export function simulateProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  options: SimulateProgressOptions = {},
): SimulateProgress {
  const nowMs = options.nowMs ?? (() => performance.now())
  const gapMs = options.lineGapMs ?? 10_000
  const print = options.print ?? ((text: string) => stream.write(`${text}\n`))
  const startMs = nowMs()
  let lastLineMs = -Infinity
  const bar = stream.isTTY
    ? new SingleBar({
        stream: stream as NodeJS.WriteStream,
        format: 'simulated {bar} {progress_text}',
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined
  let started = false
  return {
    update(virtualS, horizonS) {
      const now = nowMs()
      const text = progressText(virtualS, horizonS, etaS(now - startMs, virtualS, horizonS))
      if (bar) {
        if (!started) bar.start(horizonS, virtualS, { progress_text: text })
        else bar.update(virtualS, { progress_text: text })
        started = true
        return
      }
      if (now - lastLineMs < gapMs) return
      lastLineMs = now
      print(`simulated ${text}`)
    },
    stop() {
      if (started) bar?.stop()
    },
  }
}
