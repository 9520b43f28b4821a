/**
 * Power-aware best fit (PABFD): the host whose power grows least when an instance is added,
 * among hosts where it fits and that would not become over-loaded; ties go to the first host
 * in design order (CloudSim's host-list order).
 *
 * `scanForHost` (`pabfd-scan.ts`) looks at every host, the reference. `PabfdIndex` gives the
 * same answer for consolidation, where thousands of instances are placed per instant: it keeps
 * the hosts in groups by class (power curve and MIPS) and utilization band, in design order
 * within a group (a bitset; `pabfd-filing.ts`). A query bounds each group's least possible
 * increase from the slope tables, visits groups from the lowest bound, and within a group
 * stops as soon as no later host can beat or tie the best so far. The not-moved sub-bands of
 * a band where the instance stays inside the band tie exactly; they are walked together, in
 * one pass over the band's bitset. Groups and tiers where no member has room are not opened.
 */
import { BoundHeap } from './bound-heap'
import { powerAt } from './power'
import { requestedPe, requestedTotal } from './host-cpu'
import { BANDS, IDLE, IDLE_TIER, MOVED, TIERS } from './pabfd-classes'
import { PabfdFiling, STALE } from './pabfd-filing'
import { examine, pabfdCounters, refused, type MigrationPolicy } from './pabfd-scan'
import {
  floorSlope,
  idleIncrease,
  increment,
  leastIncrement,
  leastIncrementOver,
} from './power-increase'
import { memoryCostMiB, type SimState } from './state'

export { indexable } from './pabfd-classes'
export { pabfdCounters, scanForHost } from './pabfd-scan'

/** Slack for CloudSim's floating-point noise in the compat bound (watts). */
const NOISE_W = 1e-9

/** Slack of the per-band bound, which is not computed the way increases are. */
const BOUND_SLACK_W = 1e-9

/** Slack on the room checks, which only prune (the exact checks run on every candidate). */
const ROOM_SLACK = 1e-6

/**
 * PABFD searches over the hosts of one consolidation decision as `PabfdFiling` files them:
 * the same host as `scanForHost`, examining far fewer.
 */
export class PabfdIndex extends PabfdFiling {
  private readonly heap: BoundHeap
  /** Per tier, the first sub-band (absolute) not merged in this search's merged entry. */
  private readonly mergedEnd: Int32Array
  /** Floors (least increments) of the merged scan's sub-bands for its request (NaN: not yet). */
  private readonly floorOf = new Float64Array(100)
  /** Per index class, one host of each distinct virtualization memory overhead among its hosts. */
  private readonly overheadReps: number[][]
  /** Per index class, this search's least memory an instance costs there, less the slack. */
  private readonly memNeedOf: Float64Array

  constructor(s: SimState, policy: MigrationPolicy, power: Float64Array) {
    super(s, policy, power)
    const K = this.rep.length
    this.heap = new BoundHeap(K * (2 * TIERS + BANDS))
    this.mergedEnd = new Int32Array(K * TIERS)
    this.memNeedOf = new Float64Array(K)
    this.overheadReps = Array.from({ length: K }, () => [])
    const seen = new Set<string>()
    for (let h = 0; h < s.hostCount; h++) {
      const k = this.classOf[h] as number
      const o = s.hostOverheads[h]
      const key = `${k} ${o?.memFixedMiB} ${o?.memPerVcpuMiB} ${o?.memPercent} ${o?.memExemptMiB}`
      if (seen.has(key)) continue
      seen.add(key)
      this.overheadReps[k]?.push(h)
    }
  }

  /**
   * Fills `memNeedOf` for instance `v`: the least `memoryCostMiB` over each class's overheads
   * (a host with less memory room fails `isSuitable`'s memory check), minus the room slack.
   */
  private memoryNeeds(v: number): void {
    const s = this.s
    for (let k = 0; k < this.memNeedOf.length; k++) {
      let least = Number.POSITIVE_INFINITY
      if (s.compat) least = 0
      else
        for (const h of this.overheadReps[k] as number[])
          least = Math.min(least, memoryCostMiB(s, v, h))
      this.memNeedOf[k] = least - ROOM_SLACK
    }
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

  /** PABFD over the filed hosts (-1 when nothing fits); the same host as `scanForHost`. */
  find(v: number, excluded: Uint8Array): number {
    pabfdCounters.searches++
    const s = this.s
    const request = requestedTotal(s, v)
    const pe = requestedPe(s, v)
    const heap = this.heap
    heap.clear()
    const cpuNeed = request - ROOM_SLACK
    this.memoryNeeds(v)
    for (let tier = 0; tier < this.tierCount.length; tier++) {
      if (this.tierCount[tier] === 0) continue
      const memNeed = this.memNeedOf[(tier / TIERS) | 0] as number
      // Room maxima: of the tier's two bitsets, or for the idle tier, of the idle group.
      if (tier % TIERS === IDLE_TIER) {
        if (!this.sum.fits(((tier / TIERS) | 0) * BANDS + IDLE, cpuNeed, memNeed)) continue
      } else if (!this.tierSum.fits(tier, cpuNeed, memNeed)) {
        if (!this.movedSum.fits(tier, cpuNeed, memNeed)) continue
      }
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
      const memNeed = this.memNeedOf[k] as number
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
          if (!this.sum.fits(g, cpuNeed, memNeed)) continue
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
    const k = (tier / TIERS) | 0
    const memNeed = this.memNeedOf[k] as number
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
      let blockHit = false
      for (let w = b << 5; w < last; w++) {
        if (w << 5 > this.bestHost && low >= this.best) return
        const wi = tier * sum.words + w
        if ((sum.wordCpu[wi] as number) < cpuNeed || (sum.wordMem[wi] as number) < memNeed) continue
        blockHit = true
        let hit = false
        let word = sum.bits[wi] as number
        while (word !== 0) {
          const lowBit = word & -word
          const h = (w << 5) + 31 - Math.clz32(lowBit)
          word = (word ^ lowBit) >>> 0
          if (h > this.bestHost && low >= this.best) return
          if ((this.cpuRoom[h] as number) < cpuNeed || (this.memRoom[h] as number) < memNeed)
            continue
          hit = true
          const j = (this.group[h] as number) - base
          if (j >= end || excluded[h] === 1) continue
          let floor = 0
          if (!s.compat) {
            floor = this.floorOf[j] as number
            if (Number.isNaN(floor)) this.floorOf[j] = floor = leastIncrement(t, c, j, q)
          }
          this.visit(h, v, request, c, floor)
        }
        // The word's summary claimed room no member has (it is a bound): make it exact.
        if (!hit) sum.refresh(tier, w)
      }
      if (!blockHit) sum.refreshBlock(tier, b)
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
    const k = (g / BANDS) | 0
    const memNeed = this.memNeedOf[k] as number
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
      let blockHit = false
      for (let w = b << 5; w < end; w++) {
        if (w << 5 > this.bestHost && low >= this.best) return
        const wi = g * this.sum.words + w
        if (
          (this.sum.wordCpu[wi] as number) < cpuNeed ||
          (this.sum.wordMem[wi] as number) < memNeed
        )
          continue
        blockHit = true
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
        let hit = false
        let word = this.sum.bits[wi] as number
        while (word !== 0) {
          const lowBit = word & -word
          const h = (w << 5) + 31 - Math.clz32(lowBit)
          word = (word ^ lowBit) >>> 0
          if (h > this.bestHost && low >= this.best) return
          if ((this.cpuRoom[h] as number) < cpuNeed || (this.memRoom[h] as number) < memNeed)
            continue
          hit = true
          if (excluded[h] === 1) continue
          this.visit(h, v, request, c, floor)
        }
        // The word's summary claimed room no member has (it is a bound): make it exact.
        if (!hit) this.sum.refresh(g, w)
      }
      if (!blockHit) this.sum.refreshBlock(g, b)
    }
  }
}
