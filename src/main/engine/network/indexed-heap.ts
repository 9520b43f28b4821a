/**
 * A binary min-heap of integer items keyed by a float, with key changes in place
 * (`set`). Ties are broken by the item index, so the order of pops is deterministic.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array
  private readonly pos: Int32Array
  private readonly key: Float64Array
  private size = 0

  /** A heap for items `0 .. capacity-1`, initially empty. */
  constructor(capacity: number) {
    this.heap = new Int32Array(capacity)
    this.pos = new Int32Array(capacity).fill(-1)
    this.key = new Float64Array(capacity)
  }

  /** Empties the heap (as if new), in time proportional to its size. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i] as number] = -1
    this.size = 0
  }

  get length(): number {
    return this.size
  }

  /** The item with the smallest key (ties: smallest index), or -1 when empty. */
  peek(): number {
    return this.size > 0 ? (this.heap[0] as number) : -1
  }

  /** The key of `item` (meaningful only while it is in the heap). */
  keyOf(item: number): number {
    return this.key[item] as number
  }

  has(item: number): boolean {
    return (this.pos[item] as number) >= 0
  }

  /** Inserts `item` with `key`, or changes its key when already present. */
  set(item: number, key: number): void {
    const p = this.pos[item] as number
    this.key[item] = key
    if (p < 0) {
      this.heap[this.size] = item
      this.pos[item] = this.size
      this.size++
      this.up(this.size - 1)
    } else {
      this.up(p)
      this.down(this.pos[item] as number)
    }
  }

  /** Removes `item` if present. */
  delete(item: number): void {
    const p = this.pos[item] as number
    if (p < 0) return
    this.size--
    this.pos[item] = -1
    if (p === this.size) return
    const last = this.heap[this.size] as number
    this.heap[p] = last
    this.pos[last] = p
    this.up(p)
    this.down(this.pos[last] as number)
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a] as number
    const kb = this.key[b] as number
    return ka < kb || (ka === kb && a < b)
  }

  private up(i: number): void {
    const item = this.heap[i] as number
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = this.heap[parent] as number
      if (!this.less(item, p)) break
      this.heap[i] = p
      this.pos[p] = i
      i = parent
    }
    this.heap[i] = item
    this.pos[item] = i
  }

  private down(i: number): void {
    const item = this.heap[i] as number
    for (;;) {
      let c = 2 * i + 1
      if (c >= this.size) break
      const r = c + 1
      if (r < this.size && this.less(this.heap[r] as number, this.heap[c] as number)) c = r
      const child = this.heap[c] as number
      if (!this.less(child, item)) break
      this.heap[i] = child
      this.pos[child] = i
      i = c
    }
    this.heap[i] = item
    this.pos[item] = i
  }
}
