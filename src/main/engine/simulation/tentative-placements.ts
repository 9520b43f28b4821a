/**
 * Tentative placements that are undone exactly (issue 15): an under-load evacuation places its
 * instances one by one and, when one fits nowhere, takes them all back. Taking them back by
 * `destroyOn` subtracts each instance's memory and bandwidth and re-allocates the host's CPU
 * from scratch, which need not give back the very bits the host held before (floating-point
 * sums, and CPU shares that came from another path). `TentativePlacements` instead saves each
 * host's figures the first time it receives an instance and, on `undo`, puts them back as they
 * were: entry lists, allocated MIPS, free MIPS (`hostAvail`), memory and bandwidth in use. Only
 * `hostVersion` moves on (it is a change counter that caches trust; it never goes back).
 */
import { createOn } from './host-cpu'
import type { HostEntries, SimState } from './state'

/** Shortens `xs` to `n` elements by `pop`, which V8 does in place (see `host-cpu.ts`). */
function truncate(xs: number[], n: number): void {
  while (xs.length > n) xs.pop()
}

/** A set of tentative placements since the last `forget` or `undo` (buffers reused). */
export class TentativePlacements {
  /** Hosts saved, in the order they were first touched. */
  private hosts = new Int32Array(16)
  private count = 0
  /** Per saved host: entry count, free MIPS, memory and bandwidth in use, allocations' start. */
  private length = new Int32Array(16)
  private avail = new Float64Array(16)
  private memUsed = new Float64Array(16)
  private bwUsed = new Float64Array(16)
  private allocStart = new Int32Array(16)
  private version = new Uint32Array(16)
  /** Allocated MIPS per PE of the saved hosts' entries, back to back. */
  private alloc = new Float64Array(256)
  private allocEnd = 0
  /** Per host, 1 while it is saved in the current set. */
  private saved = new Uint8Array(0)

  /** Number of instances placed since the last `forget` or `undo`. */
  placed = 0

  /** Places instance `v` on host `h` (CloudSim's `vmCreate`), saving `h` first if needed. */
  place(s: SimState, h: number, v: number): void {
    // Unwritten repeated entries belong to the entries as they were (`entry-lag.ts`).
    if ((s.lag.from[h] as number) >= 0) s.catchUp?.(h)
    if (this.saved.length < s.hostCount) this.saved = new Uint8Array(s.hostCount)
    if (this.saved[h] === 0) this.save(s, h)
    createOn(s, h, v)
    this.placed++
  }

  /**
   * Undoes every placement since the last `forget`; then `changed(h, versionBefore)` for each
   * host restored, with its `hostVersion` before its first tentative placement.
   */
  undo(s: SimState, changed: (h: number, versionBefore: number) => void): void {
    for (let k = 0; k < this.count; k++) {
      const h = this.hosts[k] as number
      const e = s.entries[h] as HostEntries
      const n = this.length[k] as number
      truncate(e.vm, n)
      truncate(e.reqPe, n)
      truncate(e.allocPe, n)
      truncate(e.migIn, n)
      truncate(e.memMiB, n)
      truncate(e.bwMbps, n)
      const start = this.allocStart[k] as number
      for (let i = 0; i < n; i++) e.allocPe[i] = this.alloc[start + i] as number
      s.hostAvail[h] = this.avail[k] as number
      s.hostMemUsed[h] = this.memUsed[k] as number
      s.hostBwUsed[h] = this.bwUsed[k] as number
      s.hostVersion[h] = (s.hostVersion[h] as number) + 1
      changed(h, this.version[k] as number)
    }
    this.forget()
  }

  /** Keeps the placements made so far: a later `undo` leaves them. */
  forget(): void {
    for (let k = 0; k < this.count; k++) this.saved[this.hosts[k] as number] = 0
    this.count = 0
    this.allocEnd = 0
    this.placed = 0
  }

  private save(s: SimState, h: number): void {
    const e = s.entries[h] as HostEntries
    const n = e.vm.length
    if (this.count === this.hosts.length) this.grow()
    if (this.allocEnd + n > this.alloc.length) {
      const alloc = new Float64Array(Math.max(this.alloc.length * 2, this.allocEnd + n))
      alloc.set(this.alloc.subarray(0, this.allocEnd))
      this.alloc = alloc
    }
    const k = this.count++
    this.saved[h] = 1
    this.hosts[k] = h
    this.length[k] = n
    this.avail[k] = s.hostAvail[h] as number
    this.memUsed[k] = s.hostMemUsed[h] as number
    this.bwUsed[k] = s.hostBwUsed[h] as number
    this.version[k] = s.hostVersion[h] as number
    this.allocStart[k] = this.allocEnd
    for (let i = 0; i < n; i++) this.alloc[this.allocEnd++] = e.allocPe[i] as number
  }

  private grow(): void {
    const size = this.hosts.length * 2
    const grown = <T extends Int32Array | Uint32Array | Float64Array>(
      xs: T,
      make: (n: number) => T,
    ): T => {
      const out = make(size)
      out.set(xs)
      return out
    }
    this.hosts = grown(this.hosts, (n) => new Int32Array(n))
    this.length = grown(this.length, (n) => new Int32Array(n))
    this.allocStart = grown(this.allocStart, (n) => new Int32Array(n))
    this.avail = grown(this.avail, (n) => new Float64Array(n))
    this.memUsed = grown(this.memUsed, (n) => new Float64Array(n))
    this.bwUsed = grown(this.bwUsed, (n) => new Float64Array(n))
    this.version = grown(this.version, (n) => new Uint32Array(n))
  }
}
