/**
 * The one owner of "another design was opened" in main (review s6 #3, #4). Every replace of
 * the open design (open, new, sample, import, an experiment's open-run) advances the epoch
 * and runs the hooks registered for it, phase by phase, before any other listener of the
 * design session hears of the new design:
 *
 * 1. `close-links`: links bound to the old design (tenant tokens of the web host) are revoked
 *    and their sockets closed, so not one byte about the new design reaches them;
 * 2. `reset`: state computed from the old design (the placement, the simulation runs and
 *    their per-host series, tenancy's views, the results kept for the next save) is dropped,
 *    so no call or push can mix the new design with the old one's placement or run.
 *
 * Work that outlives a call (a simulation run, a report job) records `value` when it starts
 * and is discarded if the epoch moved on by the time it ends. A hook that stops something the
 * user was watching returns a sentence saying so (review s7u #6: "the running simulation
 * (22 %) was stopped"); the replace's `notices` carry them to `design:changed`.
 */
import type { DesignSession } from '../engine'

/** The order in which replace hooks run: links first, then state. */
export const REPLACE_PHASES = ['close-links', 'reset'] as const
export type ReplacePhase = (typeof REPLACE_PHASES)[number]

export class DesignEpoch {
  private epoch = 0
  private readonly hooks = new Map<ReplacePhase, Set<() => string | void>>(
    REPLACE_PHASES.map((phase) => [phase, new Set()]),
  )
  private readonly stop: () => void
  private lastNotices: string[] = []

  /**
   * Must be built before anything else subscribes to `design` (the context does so), so that
   * its hooks run before every other listener of a replace.
   */
  constructor(design: DesignSession) {
    this.stop = design.onChange((change) => {
      if (change.changes.replaced) this.advance()
    })
  }

  /** How many times the open design was replaced since start-up. */
  get value(): number {
    return this.epoch
  }

  /** Whether the design of `epoch` is still the open one. */
  isCurrent(epoch: number): boolean {
    return epoch === this.epoch
  }

  /** What the latest replace stopped, one sentence each (the hooks' answers), in phase order. */
  get notices(): readonly string[] {
    return this.lastNotices
  }

  /**
   * Runs `hook` in `phase` of every replace; returns the unsubscribe. A hook returns a sentence
   * when it stopped something the user should hear of.
   */
  onReplaced(phase: ReplacePhase, hook: () => string | void): () => void {
    const set = this.hooks.get(phase)
    if (!set) throw new Error(`unknown replace phase "${phase}"`)
    set.add(hook)
    return () => set.delete(hook)
  }

  /** Stops listening to the design session (app shutdown). */
  dispose(): void {
    this.stop()
  }

  private advance(): void {
    this.epoch++
    this.lastNotices = []
    for (const phase of REPLACE_PHASES)
      for (const hook of [...(this.hooks.get(phase) ?? [])]) {
        try {
          const notice = hook()
          if (typeof notice === 'string' && notice !== '') this.lastNotices.push(notice)
        } catch (error) {
          // One failing hook must not leave the others' state behind.
          console.error(`design replaced: a ${phase} hook failed: ${String(error).slice(0, 200)}`)
        }
      }
  }
}
