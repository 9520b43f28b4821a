/**
 * The order in which an under-loaded host's instances are placed (CloudSim 3.0.3 sorts them
 * by current CPU demand, decreasing, with a stable sort), handed out one at a time.
 *
 * At datacenter scale nearly every under-load evacuation fails after a few placements (at
 * 10,000 hosts, memory is full nearly everywhere), so sorting all of a host's instances wastes
 * most of the sort. `DemandOrder` computes each instance's key once and picks the next instance
 * when it is asked for: the one with the largest key, the earliest on ties, which is exactly
 * the stable decreasing sort's order. Buffers are reused: no allocation per host.
 */

/** Instances in decreasing key order, handed out lazily (see the file comment). */
export class DemandOrder {
  private vms = new Int32Array(64)
  private keys = new Float64Array(64)
  private taken = new Uint8Array(64)
  private n = 0
  private given = 0
  /** Whether some key is NaN (the order then falls back to a real stable sort). */
  private sorted = false

  /** Number of instances loaded. */
  get size(): number {
    return this.n
  }

  /** Starts a new order over `n` instances; then `set` each, in their original order. */
  start(n: number): void {
    if (this.vms.length < n) {
      const size = Math.max(n, this.vms.length * 2)
      this.vms = new Int32Array(size)
      this.keys = new Float64Array(size)
      this.taken = new Uint8Array(size)
    }
    this.n = n
    this.given = 0
    this.sorted = false
    this.taken.fill(0, 0, n)
  }

  /** Instance `i` of the original order is `v`, with sort key `key` (MIPS demanded). */
  set(i: number, v: number, key: number): void {
    this.vms[i] = v
    this.keys[i] = key
    if (Number.isNaN(key)) this.sorted = true
  }

  /** The next instance: the largest key not yet given, the earliest on ties. */
  next(): number {
    if (this.sorted) return this.nextSorted()
    const keys = this.keys
    const taken = this.taken
    let best = -1
    let bestKey = Number.NEGATIVE_INFINITY
    for (let i = 0; i < this.n; i++) {
      if (taken[i] === 1) continue
      const k = keys[i] as number
      if (best < 0 || k > bestKey) {
        best = i
        bestKey = k
      }
    }
    taken[best] = 1
    this.given++
    return this.vms[best] as number
  }

  /** With a NaN key, the order is whatever `Array.prototype.sort` makes of it (as before). */
  private nextSorted(): number {
    if (this.given === 0) {
      const idx = Array.from({ length: this.n }, (_, i) => i)
      const keys = this.keys
      idx.sort((a, b) => (keys[b] as number) - (keys[a] as number))
      const vms = idx.map((i) => this.vms[i] as number)
      for (let i = 0; i < this.n; i++) this.vms[i] = vms[i] as number
    }
    return this.vms[this.given++] as number
  }
}
