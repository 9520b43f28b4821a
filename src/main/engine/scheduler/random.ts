/** A small seeded generator (mulberry32) for tie-break orders and synthetic designs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Tie-break rank of each of `n` hosts (lower wins): host id order for seed 0, otherwise a
 * permutation drawn from the seed (Fisher-Yates).
 */
export function tieBreakRanks(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  if (seed !== 0) {
    const next = seededRandom(seed)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const tmp = order[i] as number
      order[i] = order[j] as number
      order[j] = tmp
    }
  }
  const rank = new Int32Array(n)
  order.forEach((h, r) => (rank[h] = r))
  return rank
}
