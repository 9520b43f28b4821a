/**
 * Power-aware best fit (PABFD): the host whose power grows least when an instance is added,
 * among hosts where it fits and that would not become over-loaded; ties go to the first host
 * in design order (CloudSim's host-list order).
 *
 * `scanForHost` (`pabfd-scan.ts`) looks at every host, the reference. `PabfdIndex` gives the
 * same answer for consolidation, where thousands of instances are placed per instant: it keeps
 *   the hosts in groups by class (power curve and MIPS) and utilization band, in design order
 *   within a group (a bitset). A query bounds each group's least possible increase from the
 *   slope tables, visits groups from the lowest bound, and within a group stops as soon as no
 *   later host can beat or tie the best so far. Hosts whose load changes are re-filed by
 *   `touch`; hosts excluded for the rest of the decision leave by `remove`.
 * */
import { BoundHeap } from './bound-heap'
import { powerAt } from './power'
import { policyUtilMips, requestedPe, requestedTotal } from './host-cpu'
import {
  BANDS,
  IDLE,
  IDLE_TIER,
  indexClasses,
  MOVED,
  requestedOn,
  tierOf,
  TIERS,
} from './pabfd-classes'
import { examine, isIdle, pabfdCounters, refused, type MigrationPolicy } from './pabfd-scan'
import { GroupSummaries } from './pabfd-summaries'
import {
  curveTables,
  floorSlope,
  idleIncrease,
  increment,
  leastIncrement,
  leastIncrementOver,
  offsetOf,
  subBandOf,
  type CurveTables,
} from './power-increase'
import type { SimState } from './state'

export { indexable } from './pabfd-classes'
export { pabfdCounters, scanForHost } from './pabfd-scan'

/** Slack for CloudSim's floating-point noise in the compat bound (watts). */
const NOISE_W = 1e-9

/** Slack of the per-band bound, which is not computed the way increases are. */
const BOUND_SLACK_W = 1e-9
const STALE = -2

/** Whether group `g`'s members also sit in their tier's bitset (all but the idle hosts). */
function inTier(g: number): boolean {
  return g % BANDS !== IDLE
}

/** Slack on the room checks, which only prune (the exact checks run on every candidate). */
const ROOM_SLACK = 1e-6

/**
 * The hosts of one consolidation decision, filed by class and band (see the file comment),
 * each group a bitset in design order with per-word and per-block summaries (`pabfd-summaries.ts`).
 */
export class PabfdIndex {
  private readonly sum: GroupSummaries
  /**
   * Per tier (class and band), its members (moved or not, not idle) in one bitset with room
   * summaries: a tier where nothing fits is not opened, and since the not-moved sub-bands
   * where an instance stays inside the band all give it the same increase, one pass in
   * design order finds their first fitting member.
   */
  private readonly tierSum: GroupSummaries
  /** Per tier, the first sub-band (absolute) not merged in this search's merged entry. */
  private readonly mergedEnd: Int32Array
  /** Floors (least increments) of the merged scan's sub-bands for its request (NaN: not yet). */
  private readonly floorOf = new Float64Array(100)
  private readonly cpuRoom: Float64Array
  private readonly memRoom: Float64Array
  private readonly count: Int32Array
  private readonly minOffset: Float64Array
  /** The member holding `minOffset` (STALE: it left; recomputed when next needed). */
  private readonly minHost: Int32Array
  private readonly offset: Float64Array
  /** Policy load (MIPS) of each filed host when it was filed (re-filed whenever it changes). */
  private readonly load: Float64Array
  /** Per class and band (tier; tier 10 of a class = its idle hosts): members, least offset. */
  private readonly tierCount: Int32Array
  private readonly tierOffset: Float64Array
  private readonly group: Int32Array
  private readonly out: Uint8Array
  private readonly tables: CurveTables
  private readonly heap: BoundHeap
  private power: Float64Array
  private policy: MigrationPolicy

  /** Index classes: hosts of one curve class that accept the same guests. */
  private readonly classOf: Int32Array
  private readonly curveClass: Int32Array
  private readonly rep: Int32Array

  constructor(
    private readonly s: SimState,
    policy: MigrationPolicy,
    power: Float64Array,
  ) {
    const classes = indexClasses(s)
    this.classOf = classes.classOf
    this.curveClass = Int32Array.from(classes.curveClass)
    this.rep = Int32Array.from(classes.rep)
    const K = this.rep.length
    const G = K * BANDS
    this.cpuRoom = new Float64Array(s.hostCount)
    this.memRoom = new Float64Array(s.hostCount)
    this.count = new Int32Array(G)
    this.minOffset = new Float64Array(G)
    this.minHost = new Int32Array(G)
    this.offset = new Float64Array(s.hostCount)
    this.load = new Float64Array(s.hostCount)
    const mips = curveTables(s).classMips
    const curveClass = this.curveClass
    this.sum = new GroupSummaries(
      G,
      s.hostCount,
      {
        cpuRoom: this.cpuRoom,
        memRoom: this.memRoom,
        offset: this.offset,
        load: this.load,
        groupMips: (g) => mips[curveClass[(g / BANDS) | 0] as number] as number,
      },
      !s.compat,
    )
    this.tierSum = new GroupSummaries(
      K * TIERS,
      s.hostCount,
      {
        cpuRoom: this.cpuRoom,
        memRoom: this.memRoom,
        offset: this.offset,
        load: this.load,
        groupMips: () => 1,
      },
      false,
    )
    this.mergedEnd = new Int32Array(K * TIERS)
    this.tierCount = new Int32Array(K * TIERS)
    this.tierOffset = new Float64Array(K * TIERS)
    this.group = new Int32Array(s.hostCount)
    this.out = new Uint8Array(s.hostCount)
    this.tables = curveTables(s)
    this.heap = new BoundHeap(K * (2 * TIERS + BANDS))
    this.power = power
    this.policy = policy
  }

  /** Files every host afresh for a new decision; hosts with `excluded[h] = 1` stay out. */
  reset(policy: MigrationPolicy, power: Float64Array, excluded: Uint8Array): void {
    this.policy = policy
    this.power = power
    this.sum.clear()
    this.tierSum.clear()
    this.count.fill(0)
    this.minOffset.fill(Number.POSITIVE_INFINITY)
    this.minHost.fill(-1)
    this.tierCount.fill(0)
    this.tierOffset.fill(Number.POSITIVE_INFINITY)
    this.group.fill(-1)
    // File everyone first, then compute the room maxima of the words in use in one pass.
    this.bulk = true
    for (let h = 0; h < this.s.hostCount; h++) {
      this.out[h] = excluded[h] === 1 ? 1 : 0
      this.touch(h)
    }
    this.bulk = false
    for (let h = 0; h < this.s.hostCount; h++) {
      const g = this.group[h] as number
      const w = h >>> 5
      if (g >= 0 && (this.sum.wordCpu[g * this.sum.words + w] as number) === -1)
        this.sum.refresh(g, w)
      const tier = g >= 0 && inTier(g) ? tierOf(g) : -1
      if (tier >= 0 && (this.tierSum.wordCpu[tier * this.sum.words + w] as number) === -1)
        this.tierSum.refresh(tier, w)
    }
  }

  private bulk = false

  /** Takes host `h` out for the rest of the decision. */
  remove(h: number): void {
    this.out[h] = 1
    this.unfile(h)
  }

  /** Re-files host `h` after its load changed. */
  touch(h: number): void {
    const s = this.s
    this.unfile(h)
    const now = this.power[h] as number
    if (this.out[h] === 1 || s.hostDown[h] === 1 || Number.isNaN(now)) return
    const c = this.classOf[h] as number
    const total = s.hostTotalMips[h] as number
    let g: number
    let offset = 0
    let load = 0
    if (isIdle(s, h)) g = c * BANDS + IDLE
    else {
      load = policyUtilMips(s, h)
      const x = load / total
      if (!(x <= 1)) return
      offset = offsetOf(s, this.tables, h, load, now)
      g = c * BANDS + subBandOf(x) + (offset === 0 ? 0 : MOVED)
    }
    // Necessary conditions of isSuitable, uAfter <= 1 and (thr) not over-loaded afterwards.
    let cpu = Math.min(s.hostAvail[h] as number, total - load)
    if (this.policy.detector === 'thr' && load !== 0)
      cpu = Math.min(cpu, this.policy.parameter * total - requestedOn(s, h))
    this.cpuRoom[h] = cpu
    this.memRoom[h] = s.compat
      ? Number.POSITIVE_INFINITY
      : (s.hostMemMiB[h] as number) - (s.hostMemUsed[h] as number)
    this.group[h] = g
    const w = g * this.sum.words + (h >>> 5)
    this.sum.bits[w] = ((this.sum.bits[w] as number) | (1 << (h & 31))) >>> 0
    this.count[g] = (this.count[g] as number) + 1
    this.offset[h] = offset
    this.load[h] = load
    if (offset < (this.minOffset[g] as number)) {
      this.minOffset[g] = offset
      this.minHost[g] = h
    }
    const tier = tierOf(g)
    this.tierCount[tier] = (this.tierCount[tier] as number) + 1
    if (offset < (this.tierOffset[tier] as number)) this.tierOffset[tier] = offset
    if (inTier(g)) this.setTierBit(tier, h, true)
    if (!this.bulk) this.sum.refresh(g, h >>> 5)
  }

  private setTierBit(tier: number, h: number, on: boolean): void {
    const t = this.tierSum
    const w = tier * t.words + (h >>> 5)
    const bit = 1 << (h & 31)
    t.bits[w] = (on ? (t.bits[w] as number) | bit : (t.bits[w] as number) & ~bit) >>> 0
    if (!this.bulk) t.refresh(tier, h >>> 5)
  }

  private unfile(h: number): void {
    const g = this.group[h] as number
    if (g < 0) return
    const w = g * this.sum.words + (h >>> 5)
    this.sum.bits[w] = ((this.sum.bits[w] as number) & ~(1 << (h & 31))) >>> 0
    this.count[g] = (this.count[g] as number) - 1
    if (this.minHost[g] === h) this.minHost[g] = STALE
    const tier = tierOf(g)
    this.tierCount[tier] = (this.tierCount[tier] as number) - 1
    if (inTier(g)) this.setTierBit(tier, h, false)
    this.group[h] = -1
    this.sum.refresh(g, h >>> 5)
  }

  /** General model: whether no member (least offset `off`, loads in `[lo, hi]`) can win. */
  private beyondBest(c: number, off: number, lo: number, hi: number, q: number): boolean {
    if (!(lo <= hi)) return true
    const bound = off + leastIncrementOver(this.tables, c, lo, hi, q)
    return bound - BOUND_SLACK_W > this.best
  }

  /**
   * Least increase any host of tier `tier` (a class's band, or its idle hosts) can show for
   * `request` MIPS, NaN when none can take it; exact for the idle tier.
   */
  private tierBound(tier: number, v: number, request: number, requestPe: number): number {
    const s = this.s
    const t = this.tables
    const k = (tier / TIERS) | 0
    const b = tier - k * TIERS
    const rep = this.rep[k] as number
    const c = this.curveClass[k] as number
    if ((s.hostPeMips[rep] as number) < requestPe) return Number.NaN
    // Every host of the index class accepts the same guests as its representative.
    if (s.rules && !s.rules.acceptsGuestOf(rep, v)) return Number.NaN
    const q = request / (t.classMips[c] as number)
    if (!(q <= 1)) return Number.NaN
    if (b === IDLE_TIER) return idleIncrease(s, t, c, request)
    const low = floorSlope(t, c, b * 10 + 9, q) * q + (this.tierOffset[tier] as number)
    return low - (s.compat ? NOISE_W : BOUND_SLACK_W)
  }

  /** Least increase any host of sub-band group `g` (not idle) can show: exact arithmetic. */
  private groupBound(g: number, request: number): number {
    const t = this.tables
    const k = (g / BANDS) | 0
    const j = g - k * BANDS
    const c = this.curveClass[k] as number
    const q = request / (t.classMips[c] as number)
    if (this.minHost[g] === STALE) this.refreshMinOffset(g)
    const low = leastIncrement(t, c, j % MOVED, q) + (this.minOffset[g] as number)
    return this.s.compat ? low - NOISE_W : low
  }

  private refreshMinOffset(g: number): void {
    const h = this.sum.leastMember(g, this.offset)
    this.minOffset[g] = h < 0 ? Number.POSITIVE_INFINITY : (this.offset[h] as number)
    this.minHost[g] = h
  }

  /** PABFD over the filed hosts (-1 when nothing fits); the same host as `scanForHost`. */
  find(v: number, excluded: Uint8Array): number {
    pabfdCounters.searches++
    const s = this.s
    const request = requestedTotal(s, v)
    const pe = requestedPe(s, v)
    const heap = this.heap
    heap.clear()
    const cpuNeed = request - ROOM_SLACK
    const memNeed = s.compat ? 0 : (s.vmMemMiB[v] as number) - ROOM_SLACK
    for (let tier = 0; tier < this.tierCount.length; tier++) {
      if (this.tierCount[tier] === 0) continue
      // Room maxima: of the tier's bitset, or for the idle tier, of the idle group.
      const idleTier = tier % TIERS === IDLE_TIER
      const sum = idleTier ? this.sum : this.tierSum
      const at = idleTier ? ((tier / TIERS) | 0) * BANDS + IDLE : tier
      if ((sum.groupCpu[at] as number) < cpuNeed || (sum.groupMem[at] as number) < memNeed) continue
      const low = this.tierBound(tier, v, request, pe)
      if (!Number.isNaN(low)) heap.push(low, 0, -1 - tier)
    }
    this.best = Number.MAX_VALUE
    this.bestHost = s.hostCount
    const G = this.count.length
    // Best first: a tier (class and band) opens into its sub-band groups; a group is scanned.
    while (heap.size > 0 && heap.topBound <= this.best) {
      const low = heap.topBound
      const id = heap.topId
      heap.pop()
      if (id >= G) {
        this.scanMerged(id - G, low, v, request, excluded)
        continue
      }
      if (id >= 0) {
        this.scanGroup(id, low, v, request, excluded)
        continue
      }
      const tier = -1 - id
      const k = (tier / TIERS) | 0
      const b = tier - k * TIERS
      if (b === IDLE_TIER) {
        heap.push(low, 0, k * BANDS + IDLE)
        continue
      }
      const q = request / (this.tables.classMips[this.curveClass[k] as number] as number)
      // The not-moved groups of rank 0 are scanned together, through the tier's bitset, under
      // the least of their bounds (their members all tie in exact arithmetic).
      let mergedBound = Number.POSITIVE_INFINITY
      let mergedEnd = b * 10
      for (let j = b * 10; j < b * 10 + 10; j++) {
        // Sub-bands whose every start point keeps x + q inside the band go first on ties.
        const rank = (j + 1) / 100 + q <= (b + 1) / 10 ? 0 : 1
        if (rank === 0) mergedEnd = j + 1
        for (let g = k * BANDS + j; g < (k + 1) * BANDS - 1; g += MOVED) {
          if (this.count[g] === 0) continue
          const sum = this.sum
          if ((sum.groupCpu[g] as number) < cpuNeed || (sum.groupMem[g] as number) < memNeed)
            continue
          const bound = this.groupBound(g, request)
          if (rank === 0 && g - k * BANDS < MOVED) {
            if (bound < mergedBound) mergedBound = bound
          } else if (bound <= this.best) heap.push(bound, rank, g)
        }
      }
      this.mergedEnd[tier] = mergedEnd
      if (mergedBound <= this.best) heap.push(mergedBound, 0, G + tier)
    }
    return this.bestHost === s.hostCount ? -1 : this.bestHost
  }

  private best = Number.MAX_VALUE
  private bestHost = 0

  /**
   * Host `h` (class `c`, floor `floor` of its sub-band for this request), which has room: its
   * increase from the filed load (exactly what `examine` would compute, cheaply), then, if it
   * could win, the full examination; it becomes the best if it wins.
   */
  private visit(h: number, v: number, request: number, c: number, floor: number): void {
    const s = this.s
    pabfdCounters.visited++
    const total = this.tables.classMips[c] as number
    const load = this.load[h] as number
    const uAfter = (load + request) / total
    if (uAfter < 0 || uAfter > 1) return
    let d: number
    if (s.compat) d = powerAt(s.curves, h * 11, uAfter) - (this.power[h] as number)
    else {
      const inc = increment(this.tables, c, load / total, request / total)
      d = (this.offset[h] as number) + (inc > floor ? inc : floor)
    }
    if (d > this.best || (d === this.best && h > this.bestHost)) return
    const r = examine(s, this.tables, v, h, request, this.power[h] as number)
    if (Number.isNaN(r.increase)) return
    const better = r.increase < this.best || (r.increase === this.best && h < this.bestHost)
    if (better && !refused(s, this.policy, h, v)) {
      this.best = r.increase
      this.bestHost = h
    }
  }

  /**
   * Scans the merged not-moved members of tier `tier` (bound `low`) whose sub-band is below
   * `mergedEnd[tier]`, in design order, as `scanGroup` scans one group (room summaries only).
   */
  private scanMerged(
    tier: number,
    low: number,
    v: number,
    request: number,
    excluded: Uint8Array,
  ): void {
    const s = this.s
    const t = this.tables
    const sum = this.tierSum
    const cpuNeed = request - ROOM_SLACK
    const memNeed = s.compat ? 0 : (s.vmMemMiB[v] as number) - ROOM_SLACK
    const k = (tier / TIERS) | 0
    const c = this.curveClass[k] as number
    const q = request / (t.classMips[c] as number)
    const base = k * BANDS
    const end = this.mergedEnd[tier] as number
    this.floorOf.fill(Number.NaN, 0, end)
    for (let b = 0; b < sum.blocks; b++) {
      if (b << 10 > this.bestHost && low >= this.best) return
      const bi = tier * sum.blocks + b
      if ((sum.blockCpu[bi] as number) < cpuNeed || (sum.blockMem[bi] as number) < memNeed) continue
      const last = Math.min(sum.words, (b + 1) << 5)
      for (let w = b << 5; w < last; w++) {
        if (w << 5 > this.bestHost && low >= this.best) return
        const wi = tier * sum.words + w
        if ((sum.wordCpu[wi] as number) < cpuNeed || (sum.wordMem[wi] as number) < memNeed) continue
        let word = sum.bits[wi] as number
        while (word !== 0) {
          const lowBit = word & -word
          const h = (w << 5) + 31 - Math.clz32(lowBit)
          word = (word ^ lowBit) >>> 0
          if (h > this.bestHost && low >= this.best) return
          const j = (this.group[h] as number) - base
          if (j >= end || excluded[h] === 1) continue
          if ((this.cpuRoom[h] as number) < cpuNeed || (this.memRoom[h] as number) < memNeed)
            continue
          let floor = 0
          if (!s.compat) {
            floor = this.floorOf[j] as number
            if (Number.isNaN(floor)) this.floorOf[j] = floor = leastIncrement(t, c, j, q)
          }
          this.visit(h, v, request, c, floor)
        }
      }
    }
  }

  /** Examines the members of group `g` (bound `low`) that could still win or tie earlier. */
  private scanGroup(
    g: number,
    low: number,
    v: number,
    request: number,
    excluded: Uint8Array,
  ): void {
    const s = this.s
    const t = this.tables
    const cpuNeed = request - ROOM_SLACK
    const memNeed = s.compat ? 0 : (s.vmMemMiB[v] as number) - ROOM_SLACK
    const k = (g / BANDS) | 0
    const j = g - k * BANDS
    const c = this.curveClass[k] as number
    const total = t.classMips[c] as number
    const q = request / total
    const floor = s.compat ? 0 : leastIncrement(t, c, j === IDLE ? 0 : j % MOVED, q)
    // CloudSim-compatible increases carry its floating-point noise: no bounds below groups.
    const prune = !s.compat && j !== IDLE
    for (let b = 0; b < this.sum.blocks; b++) {
      if (b << 10 > this.bestHost && low >= this.best) return
      const bi = g * this.sum.blocks + b
      if (
        (this.sum.blockCpu[bi] as number) < cpuNeed ||
        (this.sum.blockMem[bi] as number) < memNeed
      )
        continue
      if (
        prune &&
        this.beyondBest(
          c,
          this.sum.blockOff[bi] as number,
          this.sum.blockLo[bi] as number,
          this.sum.blockHi[bi] as number,
          q,
        )
      )
        continue
      const end = Math.min(this.sum.words, (b + 1) << 5)
      for (let w = b << 5; w < end; w++) {
        if (w << 5 > this.bestHost && low >= this.best) return
        const wi = g * this.sum.words + w
        if (
          (this.sum.wordCpu[wi] as number) < cpuNeed ||
          (this.sum.wordMem[wi] as number) < memNeed
        )
          continue
        if (
          prune &&
          this.beyondBest(
            c,
            this.sum.wordOff[wi] as number,
            this.sum.wordLo[wi] as number,
            this.sum.wordHi[wi] as number,
            q,
          )
        )
          continue
        let word = this.sum.bits[wi] as number
        while (word !== 0) {
          const lowBit = word & -word
          const h = (w << 5) + 31 - Math.clz32(lowBit)
          word = (word ^ lowBit) >>> 0
          if (h > this.bestHost && low >= this.best) return
          if (excluded[h] === 1) continue
          if ((this.cpuRoom[h] as number) < cpuNeed || (this.memRoom[h] as number) < memNeed)
            continue
          this.visit(h, v, request, c, floor)
        }
      }
    }
  }
}
