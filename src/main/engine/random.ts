/**
 * The one seeded, splittable random source of the engine (never Math.random).
 * A 32-bit state stepped by the SplitMix32 increment and finalised with a strong mixer;
 * `split(label)` derives an independent stream from the current seed and a label, so adding
 * a new consumer never shifts the numbers another consumer sees.
 */

/** A deterministic random stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number
  /** An independent stream named by `label`. */
  split(label: string): Random
}

function mix32(x: number): number {
  let z = x >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Creates a stream from a seed (default 0). */
export function createRandom(seed = 0): Random {
  const origin = mix32((seed >>> 0) ^ 0x9e3779b9)
  let state = origin
  const stream: Random = {
    next() {
      state = (state + 0x9e3779b9) >>> 0
      return mix32(state) / 4294967296
    },
    int(n) {
      return Math.floor(stream.next() * n)
    },
    exponential(mean) {
      return -Math.log(1 - stream.next()) * mean
    },
    split(label) {
      return createRandom(mix32(origin ^ hashLabel(label)))
    },
  }
  return stream
}

/** Uniform numbers in [0, 1) from a fresh stream of `seed`, as a plain function. */
export function seededRandom(seed = 0): () => number {
  const random = createRandom(seed)
  return () => random.next()
}
