/** The experiment progress bar on a terminal (cli-progress); none when not a TTY. */
import { SingleBar } from 'cli-progress'
import type { ExperimentProgress } from '../../services/experiments/progress'

export interface ProgressView {
  update(progress: ExperimentProgress): void
  stop(): void
}

const seconds = (ms: number | null): string => (ms === null ? '?' : `${Math.round(ms / 1000)} s`)

/** A bar on `stream` showing runs done / to do, running, failed and the ETA. */
export function progressBar(stream: NodeJS.WriteStream): ProgressView | undefined {
  if (!stream.isTTY) return undefined
  const bar = new SingleBar({
    stream,
    format: 'runs {bar} {value}/{total} | running {running} | failed {failed} | ETA {eta_text}',
    hideCursor: true,
    clearOnComplete: false,
  })
  let started = false
  return {
    update(p) {
      const payload = { running: p.running, failed: p.failed, eta_text: seconds(p.etaMs) }
      const total = p.total - p.skipped
      if (!started) {
        bar.start(total, p.done, payload)
        started = true
      } else bar.update(p.done + p.failed, payload)
    },
    stop() {
      if (started) bar.stop()
    },
  }
}
