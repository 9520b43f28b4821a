/**
 * A small binary min-heap of (bound, rank, id) for PABFD's best-first search over host
 * groups: lowest bound first, then lowest rank, then lowest id. Preallocated; no garbage.
 */
export class BoundHeap {
  private readonly bound: Float64Array
  private readonly rank: Uint8Array
  private readonly id: Int32Array
  private n = 0

  constructor(capacity: number) {
    this.bound = new Float64Array(capacity)
    this.rank = new Uint8Array(capacity)
    this.id = new Int32Array(capacity)
  }

  get size(): number {
    return this.n
  }

  clear(): void {
    this.n = 0
  }

  /** The least bound held (call only when not empty). */
  get topBound(): number {
    return this.bound[0] as number
  }

  /** The id of the least entry (call only when not empty). */
  get topId(): number {
    return this.id[0] as number
  }

  private less(a: number, b: number): boolean {
    const x = this.bound[a] as number
    const y = this.bound[b] as number
    if (x !== y) return x < y
    const r = (this.rank[a] as number) - (this.rank[b] as number)
    return r !== 0 ? r < 0 : (this.id[a] as number) < (this.id[b] as number)
  }

  private swap(a: number, b: number): void {
    const x = this.bound[a] as number
    this.bound[a] = this.bound[b] as number
    this.bound[b] = x
    const r = this.rank[a] as number
    this.rank[a] = this.rank[b] as number
    this.rank[b] = r
    const i = this.id[a] as number
    this.id[a] = this.id[b] as number
    this.id[b] = i
  }

  push(bound: number, rank: number, id: number): void {
    let i = this.n++
    this.bound[i] = bound
    this.rank[i] = rank
    this.id[i] = id
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  /** Removes the least entry. */
  pop(): void {
    const last = --this.n
    if (last === 0) return
    this.swap(0, last)
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < last && this.less(l, m)) m = l
      if (r < last && this.less(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
}
