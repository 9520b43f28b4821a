/**
 * Drives a `Simulation` in slices so the thread it runs on stays responsive: one slice of
 * events, then a yield (where pause / resume / cancel messages are handled), progress
 * reported at most every `progressEveryMs`.
 */
import { performance } from 'node:perf_hooks'
import { Simulation } from '../../engine'
import type { FromWorker, StartMessage } from './protocol'

const EVENTS_PER_SLICE = 64

export interface SliceRunner {
  pause(): void
  resume(): void
  cancel(): void
}

/** Runs `start` in slices, sending progress and the result to `send`. */
export function runInSlices(
  start: StartMessage,
  send: (message: FromWorker) => void,
  progressEveryMs = 100,
): SliceRunner {
  let sim: Simulation
  try {
    sim = new Simulation(start.design, {
      runId: start.runId,
      ...(start.policy !== undefined ? { policy: start.policy } : {}),
      ...(start.seed !== undefined ? { seed: start.seed } : {}),
      ...(start.horizonS !== undefined ? { horizonS: start.horizonS } : {}),
      hostSeries: start.hostSeries ?? true,
      nowMs: () => performance.now(),
    })
  } catch (error) {
    send({ type: 'error', message: (error as Error).message })
    return { pause() {}, resume() {}, cancel() {} }
  }
  let paused = false
  let finished = false
  let lastReport = 0
  let sentPoints = 0
  const report = (): void => {
    const live = sim.liveDelta(sentPoints)
    sentPoints = sim.seriesLength
    send({
      type: 'progress',
      progress: sim.progress,
      virtualTimeS: sim.virtualTimeS,
      horizonS: sim.state.horizonS,
      paused,
      live,
    })
  }
  const step = (): void => {
    if (finished || paused) return
    try {
      const done = sim.advance(EVENTS_PER_SLICE)
      const now = performance.now()
      if (done) {
        finished = true
        send({ type: 'done', cancelled: false, result: sim.getResult() })
        return
      }
      if (now - lastReport >= progressEveryMs) {
        lastReport = now
        report()
      }
      setImmediate(step)
    } catch (error) {
      finished = true
      send({ type: 'error', message: (error as Error).message })
    }
  }
  setImmediate(step)
  return {
    pause() {
      if (finished || paused) return
      paused = true
      report()
    },
    resume() {
      if (finished || !paused) return
      paused = false
      report()
      setImmediate(step)
    },
    cancel() {
      if (finished) return
      finished = true
      sim.cancel()
      send({ type: 'done', cancelled: true, result: sim.getResult() })
    },
  }
}
