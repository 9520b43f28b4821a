/** Seeds of an experiment's repetitions, drawn from the engine's seeded generator. */
import { createRandom } from '../random'

/** Largest seed a design accepts (`simulation.seed`). */
export const MAX_SEED = 2 ** 31 - 1

/**
 * The seed of repetition `repetition` (>= 1) of a combination whose design has `seed`:
 * the first draw of the stream `repeat-<repetition>` split from `seed`, scaled to
 * 0..MAX_SEED. Deterministic; repetition 0 uses `seed` itself (not derived here).
 */
export function deriveSeed(seed: number, repetition: number): number {
  const stream = createRandom(seed).split(`repeat-${repetition}`)
  return Math.floor(stream.next() * (MAX_SEED + 1))
}
