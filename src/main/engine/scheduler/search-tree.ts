/**
 * A tournament tree over the candidate hosts of one request shape: each leaf holds a host's
 * score (-Infinity when it cannot take the instance), each inner node the leaf that wins its
 * subtree (higher score, then lower tie-break rank). The winner is read in O(1); changing one
 * leaf costs O(log n).
 */
export class SearchTree {
  readonly size: number
  readonly scores: Float64Array
  readonly ranks: Int32Array
  private readonly win: Int32Array
  private readonly heap: Int32Array
  private heapSize = 0

  constructor(capacity: number) {
    let size = 1
    while (size < Math.max(1, capacity)) size <<= 1
    this.size = size
    this.scores = new Float64Array(size).fill(-Infinity)
    this.ranks = new Int32Array(size).fill(0x7fffffff)
    this.win = new Int32Array(2 * size)
    this.heap = new Int32Array(2 * size)
  }

  /** Sets all leaves (`n` <= size; leaves past `n` are empty) and rebuilds every node. */
  build(n: number, score: (i: number) => number, rank: (i: number) => number): void {
    const { size, scores, ranks, win } = this
    for (let i = 0; i < size; i++) {
      if (i < n) {
        scores[i] = score(i)
        ranks[i] = rank(i)
      } else {
        scores[i] = -Infinity
        ranks[i] = 0x7fffffff
      }
      win[size + i] = i
    }
    for (let node = size - 1; node >= 1; node--)
      win[node] = this.better(win[2 * node] ?? 0, win[2 * node + 1] ?? 0)
  }

  /** Changes leaf `i`'s score. */
  update(i: number, score: number): void {
    this.scores[i] = score
    let node = (this.size + i) >> 1
    while (node >= 1) {
      const next = this.better(this.win[2 * node] ?? 0, this.win[2 * node + 1] ?? 0)
      // Same winner, and not the leaf that changed: nothing above can change either.
      if (this.win[node] === next && next !== i) break
      this.win[node] = next
      node >>= 1
    }
  }

  /**
   * The best leaf that `accept` takes, visiting leaves from best to worst (best-first over
   * the nodes, O(log n) per leaf visited); -1 when none does. `accept` must not change the tree.
   */
  find(accept: (leaf: number) => boolean): number {
    this.heapSize = 0
    this.push(1)
    while (this.heapSize > 0) {
      const node = this.pop()
      const leaf = this.win[node] ?? 0
      if ((this.scores[leaf] ?? -Infinity) === -Infinity) return -1
      if (node >= this.size) {
        if (accept(leaf)) return leaf
        continue
      }
      this.push(2 * node)
      this.push(2 * node + 1)
    }
    return -1
  }

  private push(node: number): void {
    const heap = this.heap
    let i = this.heapSize++
    heap[i] = node
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent] ?? 0
      if (!this.before(node, p)) break
      heap[i] = p
      i = parent
    }
    heap[i] = node
  }

  private pop(): number {
    const heap = this.heap
    const top = heap[0] ?? 0
    const n = --this.heapSize
    const last = heap[n] ?? 0
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let m = l
      if (r < n && this.before(heap[r] ?? 0, heap[l] ?? 0)) m = r
      const child = heap[m] ?? 0
      if (!this.before(child, last)) break
      heap[i] = child
      i = m
    }
    heap[i] = last
    return top
  }

  /** The winning leaf, or -1 when every leaf is -Infinity. */
  top(): number {
    const leaf = this.win[1] ?? 0
    return (this.scores[leaf] ?? -Infinity) === -Infinity ? -1 : leaf
  }

  /** Whether node `a`'s winner ranks before node `b`'s. */
  private before(a: number, b: number): boolean {
    const la = this.win[a] ?? 0
    const lb = this.win[b] ?? 0
    return la !== lb && this.better(la, lb) === la
  }

  private better(a: number, b: number): number {
    const sa = this.scores[a] ?? -Infinity
    const sb = this.scores[b] ?? -Infinity
    if (sa > sb) return a
    if (sb > sa) return b
    return (this.ranks[a] ?? 0) <= (this.ranks[b] ?? 0) ? a : b
  }
}
