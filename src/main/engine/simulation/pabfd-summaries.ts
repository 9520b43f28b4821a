/**
 * The bitsets of the PABFD index's groups (`pabfd.ts`), in design order, with per 32-host word
 * and per 1,024-host block of each group: the most CPU and memory room any member has, and
 * the least offset and the range of filed loads (fractions of host MIPS) of its members; and the
 * room maxima of each whole group. Room maxima let a search skip hosts (and groups) where the
 * instance cannot fit; offsets and load ranges give a lower bound of the members' increases
 * (general model), so words and blocks that cannot win are skipped without visiting their hosts.
 *
 * The summaries are bounds, not exact figures: a host filed in (`add`) widens its word's, block's
 * and group's in O(1); a host that leaves (`remove`) leaves them as they were (still bounds of
 * the members left) unless it empties its word, block or group, which then reads empty. A search
 * that finds a word or block claiming room that no member has recomputes it exactly (`refresh`,
 * `refreshBlock`). Consolidation re-files hosts thousands of times per instant (tentative
 * placements and their undoing), so filing must not rescan a word and its block every time.
 */

/** Per-host figures the index files, read when a word is summarised. */
export interface FiledHosts {
  cpuRoom: Float64Array
  memRoom: Float64Array
  offset: Float64Array
  /** Policy load, MIPS. */
  load: Float64Array
  /** MIPS of each host of group `g`. */
  groupMips: (g: number) => number
}

/** Bitsets and summaries of `groups` groups over `hostCount` hosts. */
export class GroupSummaries {
  readonly words: number
  readonly blocks: number
  readonly bits: Uint32Array
  readonly wordCpu: Float64Array
  readonly wordMem: Float64Array
  readonly wordOff: Float64Array
  readonly wordLo: Float64Array
  readonly wordHi: Float64Array
  readonly blockCpu: Float64Array
  readonly blockMem: Float64Array
  readonly blockOff: Float64Array
  readonly blockLo: Float64Array
  readonly blockHi: Float64Array
  /** Per group: the most CPU and memory room any member has (-1: none). */
  readonly groupCpu: Float64Array
  readonly groupMem: Float64Array
  /** Members per block and per group (a summary that becomes empty reads empty again). */
  private readonly blockCount: Int32Array
  private readonly groupCount: Int32Array

  /**
   * `bounds`: keep the offset and load-range summaries (general mode's pruning reads them;
   * CloudSim-compatible searches do not, so compat mode skips their upkeep).
   */
  constructor(
    groups: number,
    hostCount: number,
    private readonly host: FiledHosts,
    private readonly bounds = true,
  ) {
    this.words = Math.ceil(hostCount / 32)
    this.blocks = Math.ceil(this.words / 32)
    const W = groups * this.words
    const B = groups * this.blocks
    this.bits = new Uint32Array(W)
    this.wordCpu = new Float64Array(W)
    this.wordMem = new Float64Array(W)
    this.wordOff = new Float64Array(W)
    this.wordLo = new Float64Array(W)
    this.wordHi = new Float64Array(W)
    this.blockCpu = new Float64Array(B)
    this.blockMem = new Float64Array(B)
    this.blockOff = new Float64Array(B)
    this.blockLo = new Float64Array(B)
    this.blockHi = new Float64Array(B)
    this.groupCpu = new Float64Array(groups)
    this.groupMem = new Float64Array(groups)
    this.blockCount = new Int32Array(B)
    this.groupCount = new Int32Array(groups)
  }

  /** Empties every group (room maxima -1: nothing fits). */
  clear(): void {
    this.bits.fill(0)
    this.wordCpu.fill(-1)
    this.wordMem.fill(-1)
    this.blockCpu.fill(-1)
    this.blockMem.fill(-1)
    this.groupCpu.fill(-1)
    this.groupMem.fill(-1)
    this.blockCount.fill(0)
    this.groupCount.fill(0)
  }

  /**
   * Files host `h` into group `g`: sets its bit and widens the summaries of its word, block and
   * group to cover it (a word, block or group that was empty takes exactly its figures).
   */
  add(g: number, h: number): void {
    const { cpuRoom, memRoom, offset, load } = this.host
    const w = h >>> 5
    const wi = g * this.words + w
    const bi = g * this.blocks + (w >>> 5)
    const wasEmpty = this.bits[wi] === 0
    this.bits[wi] = ((this.bits[wi] as number) | (1 << (h & 31))) >>> 0
    const cpu = cpuRoom[h] as number
    const mem = memRoom[h] as number
    const blockEmpty = this.blockCount[bi] === 0
    this.blockCount[bi] = (this.blockCount[bi] as number) + 1
    const groupEmpty = this.groupCount[g] === 0
    this.groupCount[g] = (this.groupCount[g] as number) + 1
    widenRoom(this.wordCpu, this.wordMem, wi, wasEmpty, cpu, mem)
    widenRoom(this.blockCpu, this.blockMem, bi, blockEmpty, cpu, mem)
    widenRoom(this.groupCpu, this.groupMem, g, groupEmpty, cpu, mem)
    if (!this.bounds) return
    const off = offset[h] as number
    const x = (load[h] as number) / this.host.groupMips(g)
    widenBounds(this.wordOff, this.wordLo, this.wordHi, wi, wasEmpty, off, x)
    widenBounds(this.blockOff, this.blockLo, this.blockHi, bi, blockEmpty, off, x)
  }

  /**
   * Takes host `h` out of group `g`: clears its bit; the summaries stay as they were (bounds of
   * the members left) unless its word, block or group is now empty, which then reads empty.
   */
  remove(g: number, h: number): void {
    const w = h >>> 5
    const wi = g * this.words + w
    const bi = g * this.blocks + (w >>> 5)
    this.bits[wi] = ((this.bits[wi] as number) & ~(1 << (h & 31))) >>> 0
    if (this.bits[wi] === 0) {
      this.wordCpu[wi] = -1
      this.wordMem[wi] = -1
    }
    this.blockCount[bi] = (this.blockCount[bi] as number) - 1
    if (this.blockCount[bi] === 0) {
      this.blockCpu[bi] = -1
      this.blockMem[bi] = -1
    }
    this.groupCount[g] = (this.groupCount[g] as number) - 1
    if (this.groupCount[g] === 0) {
      this.groupCpu[g] = -1
      this.groupMem[g] = -1
    }
  }

  /** Sets word `w` of group `g`'s summaries to figures its caller computed exactly. */
  setWord(
    g: number,
    w: number,
    cpu: number,
    mem: number,
    off: number,
    lo: number,
    hi: number,
  ): void {
    const wi = g * this.words + w
    this.wordCpu[wi] = cpu
    this.wordMem[wi] = mem
    this.wordOff[wi] = off
    this.wordLo[wi] = lo
    this.wordHi[wi] = hi
  }

  /** Whether some member of group `g` may have `cpu` MIPS and `mem` MiB of room (maxima). */
  fits(g: number, cpu: number, mem: number): boolean {
    return (this.groupCpu[g] as number) >= cpu && (this.groupMem[g] as number) >= mem
  }

  /** Recomputes group `g`'s room maxima from its blocks. */
  private refreshGroup(g: number): void {
    let cpu = -1
    let mem = -1
    for (let i = g * this.blocks; i < (g + 1) * this.blocks; i++) {
      if ((this.blockCpu[i] as number) > cpu) cpu = this.blockCpu[i] as number
      if ((this.blockMem[i] as number) > mem) mem = this.blockMem[i] as number
    }
    this.groupCpu[g] = cpu
    this.groupMem[g] = mem
  }

  /** Recomputes the summaries of word `w` of group `g` exactly, then its block's and group's. */
  refresh(g: number, w: number): void {
    if (!this.bounds) return this.refreshRoom(g, w)
    const { cpuRoom, memRoom, offset, load } = this.host
    let word = this.bits[g * this.words + w] as number
    let cpu = -1
    let mem = -1
    let off = Number.POSITIVE_INFINITY
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    const total = this.host.groupMips(g)
    while (word !== 0) {
      const lowBit = word & -word
      const h = (w << 5) + 31 - Math.clz32(lowBit)
      word = (word ^ lowBit) >>> 0
      if ((cpuRoom[h] as number) > cpu) cpu = cpuRoom[h] as number
      if ((memRoom[h] as number) > mem) mem = memRoom[h] as number
      if ((offset[h] as number) < off) off = offset[h] as number
      const x = (load[h] as number) / total
      if (x < lo) lo = x
      if (x > hi) hi = x
    }
    const wi = g * this.words + w
    this.wordCpu[wi] = cpu
    this.wordMem[wi] = mem
    this.wordOff[wi] = off
    this.wordLo[wi] = lo
    this.wordHi[wi] = hi
    this.refreshBlock(g, w >>> 5)
  }

  /** Recomputes the summaries of block `b` of group `g` from its words, and the group's maxima. */
  refreshBlock(g: number, b: number): void {
    if (!this.bounds) return this.refreshRoomBlock(g, b)
    const end = Math.min(this.words, (b + 1) << 5)
    let cpu = -1
    let mem = -1
    let off = Number.POSITIVE_INFINITY
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    for (let k = b << 5; k < end; k++) {
      const i = g * this.words + k
      if ((this.wordCpu[i] as number) > cpu) cpu = this.wordCpu[i] as number
      if ((this.wordMem[i] as number) > mem) mem = this.wordMem[i] as number
      if (this.bits[i] === 0) continue
      if ((this.wordOff[i] as number) < off) off = this.wordOff[i] as number
      if ((this.wordLo[i] as number) < lo) lo = this.wordLo[i] as number
      if ((this.wordHi[i] as number) > hi) hi = this.wordHi[i] as number
    }
    const bi = g * this.blocks + b
    this.blockCpu[bi] = cpu
    this.blockMem[bi] = mem
    this.blockOff[bi] = off
    this.blockLo[bi] = lo
    this.blockHi[bi] = hi
    this.refreshGroup(g)
  }

  /** `refresh` without the offset and load-range summaries. */
  private refreshRoom(g: number, w: number): void {
    const { cpuRoom, memRoom } = this.host
    let word = this.bits[g * this.words + w] as number
    let cpu = -1
    let mem = -1
    while (word !== 0) {
      const lowBit = word & -word
      const h = (w << 5) + 31 - Math.clz32(lowBit)
      word = (word ^ lowBit) >>> 0
      if ((cpuRoom[h] as number) > cpu) cpu = cpuRoom[h] as number
      if ((memRoom[h] as number) > mem) mem = memRoom[h] as number
    }
    const wi = g * this.words + w
    this.wordCpu[wi] = cpu
    this.wordMem[wi] = mem
    this.refreshRoomBlock(g, w >>> 5)
  }

  /** `refreshBlock` without the offset and load-range summaries. */
  private refreshRoomBlock(g: number, b: number): void {
    const end = Math.min(this.words, (b + 1) << 5)
    let cpu = -1
    let mem = -1
    for (let k = g * this.words + (b << 5); k < g * this.words + end; k++) {
      if ((this.wordCpu[k] as number) > cpu) cpu = this.wordCpu[k] as number
      if ((this.wordMem[k] as number) > mem) mem = this.wordMem[k] as number
    }
    const bi = g * this.blocks + b
    this.blockCpu[bi] = cpu
    this.blockMem[bi] = mem
    this.refreshGroup(g)
  }

  /** The member of group `g` with the least `key` (the first in design order on ties; -1: none). */
  leastMember(g: number, key: Float64Array): number {
    let least = Number.POSITIVE_INFINITY
    let holder = -1
    for (let w = 0; w < this.words; w++) {
      let word = this.bits[g * this.words + w] as number
      while (word !== 0) {
        const lowBit = word & -word
        const h = (w << 5) + 31 - Math.clz32(lowBit)
        word = (word ^ lowBit) >>> 0
        if ((key[h] as number) < least) {
          least = key[h] as number
          holder = h
        }
      }
    }
    return holder
  }
}

/** Raises room summary `i` to cover a member with `cpu` and `mem` room (sets it when `fresh`). */
function widenRoom(
  cpuOf: Float64Array,
  memOf: Float64Array,
  i: number,
  fresh: boolean,
  cpu: number,
  mem: number,
): void {
  if (fresh || cpu > (cpuOf[i] as number)) cpuOf[i] = cpu
  if (fresh || mem > (memOf[i] as number)) memOf[i] = mem
}

/** Widens bound summary `i` to cover a member with offset `off` and load `x` (sets it when `fresh`). */
function widenBounds(
  offOf: Float64Array,
  loOf: Float64Array,
  hiOf: Float64Array,
  i: number,
  fresh: boolean,
  off: number,
  x: number,
): void {
  if (fresh || off < (offOf[i] as number)) offOf[i] = off
  if (fresh || x < (loOf[i] as number)) loOf[i] = x
  if (fresh || x > (hiOf[i] as number)) hiOf[i] = x
}
