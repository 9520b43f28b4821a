/**
 * Cooperative time slicing for long synchronous work on main's event loop (planning an
 * experiment of 100,000 runs, hashing their ids): the work advances in steps and yields to
 * the event loop every few milliseconds, so every other session's calls are answered while
 * it goes on.
 */
import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'

/** Yields to the event loop once `sliceMs` milliseconds have passed since the last yield. */
export class Slicer {
  private since = performance.now()

  constructor(private readonly sliceMs = 8) {}

  /** Call between steps; resolves at once, or on the next turn of the event loop. */
  async tick(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return
    await nextTurn()
    this.since = performance.now()
  }
}

/** Where `advance` stopped: the generator's return value, or the step that matched `until`. */
export type Advanced<S, R> = { done: true; value: R } | { done: false; step: S }

/**
 * Drives the generator `steps` in slices until it returns, or until a step matches `until`
 * (the generator is then paused after that step and can be driven on by another call).
 * `onStep` sees every step (for progress).
 */
export async function advance<S, R>(
  steps: Generator<S, R>,
  options: { until?: (step: S) => boolean; onStep?: (step: S) => void; slicer?: Slicer } = {},
): Promise<Advanced<S, R>> {
  const slicer = options.slicer ?? new Slicer()
  for (;;) {
    const next = steps.next()
    if (next.done) return { done: true, value: next.value }
    options.onStep?.(next.value)
    if (options.until?.(next.value)) return { done: false, step: next.value }
    await slicer.tick()
  }
}
