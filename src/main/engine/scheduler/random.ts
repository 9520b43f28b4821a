import { seededRandom } from '../random'

export { seededRandom }

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
