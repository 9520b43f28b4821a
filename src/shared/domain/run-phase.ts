/**
 * What a simulation run is doing while it runs (review s9u B1: a 10,000-host run read
 * "running · 0 %" for 64 of 80 s and "1 %" until done, so a planner could not tell a hung run
 * from a slow one). A run first places its design's instances (when it starts from a placement
 * of its own), then prepares the run's model, then simulates one scheduling step after another:
 * step k of N is the interval [(k - 1) × stepS, k × stepS) of virtual time (its first instant
 * starts it), N = ⌈horizonS ÷ stepS⌉.
 */
import { counted, groupedNumber } from './number-text'

/** The phase of a running run (absent once it ended). */
export type RunPhase =
  /** Placing `instances` instances on `hosts` hosts (the placement the run starts from). */
  | { kind: 'placing'; instances: number; hosts: number }
  /** Building the run's model of the datacenter (its own placement, policies, fabric). */
  | { kind: 'preparing' }
  /** Simulating scheduling step `step` of `steps` (1-based). */
  | { kind: 'simulating'; step: number; steps: number }

/**
 * The phase of a run that reached `virtualTimeS` of `horizonS` in steps of `stepS` (s): the
 * step being simulated, 1..N.
 */
export function simulatingPhase(virtualTimeS: number, horizonS: number, stepS: number): RunPhase {
  const steps = Math.max(1, Math.ceil(horizonS / stepS))
  const step = Math.min(steps, Math.max(1, Math.floor(virtualTimeS / stepS) + 1))
  return { kind: 'simulating', step, steps }
}

/**
 * The phase in words: `placing 80,000 instances on 10,000 hosts`, `preparing the run`,
 * `step 3 of 24`.
 */
export function runPhaseText(phase: RunPhase): string {
  if (phase.kind === 'placing')
    return `placing ${counted(phase.instances, 'instance')} on ${counted(phase.hosts, 'host')}`
  if (phase.kind === 'preparing') return 'preparing the run'
  return `step ${groupedNumber(phase.step)} of ${groupedNumber(phase.steps)}`
}
