/**
 * Power-aware best fit (PABFD): the host whose power grows least when an instance is added,
 * among hosts where it fits and that would not become over-loaded; ties go to the first host
 * in design order (CloudSim's host-list order).
 *
 * Two implementations with the same answer:
 * - `scanForHost` looks at every host (the reference; initial placement and restarts use it);
 * - `PabfdIndex` (consolidation, where thousands of instances are placed per instant) keeps
 *   the hosts in groups by class (power curve and MIPS) and utilization band, in design order
 *   within a group (a bitset). A query bounds each group's least possible increase from the
 *   slope tables, visits groups from the lowest bound, and within a group stops as soon as no
 *   later host can beat or tie the best so far. Hosts whose load changes are re-filed by
 *   `touch`; hosts excluded for the rest of the decision leave by `remove`.
 *
 * `pabfdCounters` counts searches and hosts examined (suitability checked), for the benchmark.
 */
import { BoundHeap } from './bound-heap'
import { powerAt } from './power'
import { isOverloaded } from './detectors'
import { isSuitable, policyUtilMips, requestedPe, requestedTotal } from './host-cpu'
import type { PolicySpec } from './policy'
import {
  curveTables,
  floorSlope,
  idleIncrease,
  increment,
  leastIncrement,
  offsetOf,
  powerIncrease,
  subBandOf,
  type CurveTables,
} from './power-increase'
import type { HostEntries, SimState } from './state'

type MigrationPolicy = Extract<PolicySpec, { kind: 'migration' }>

/**
 * Searches made, hosts whose increase the index computed from its filed figures (visited),
 * and hosts examined in full (suitability, fit; the scan examines every host it reaches).
 */
export const pabfdCounters = { searches: 0, visited: 0, examined: 0 }

/** Slack for CloudSim's floating-point noise in the compat bound (watts). */
const NOISE_W = 1e-9
/** Group-words (groups x 32-host words) beyond which the index would cost too much memory. */
const MAX_GROUP_WORDS = 2_000_000

/** Whether `h` is up, empty and was idle at the last update (all such hosts of a class tie). */
function isIdle(s: SimState, h: number): boolean {
  return (
    (s.entries[h] as HostEntries).vm.length === 0 && s.hostUtilMips[h] === 0 && s.hostDown[h] === 0
  )
}

/** Outcome of examining one host; `increase` is NaN when `v` cannot go there. */
interface Probe {
  increase: number
  loadMips: number
}
const probe: Probe = { increase: Number.NaN, loadMips: 0 }

function examine(
  s: SimState,
  t: CurveTables,
  v: number,
  h: number,
  requestMips: number,
  powerNow: number,
): Probe {
  pabfdCounters.examined++
  probe.increase = Number.NaN
  if (Number.isNaN(powerNow) || !isSuitable(s, h, v)) return probe
  const load = policyUtilMips(s, h)
  const uAfter = (load + requestMips) / (s.hostTotalMips[h] as number)
  if (uAfter < 0 || uAfter > 1) return probe
  probe.loadMips = load
  probe.increase = powerIncrease(s, t, h, load, requestMips, powerNow)
  return probe
}

/** The over-load test, which only matters for a host that would win, so it runs last. */
function refused(s: SimState, p: MigrationPolicy | undefined, h: number, v: number): boolean {
  return probe.loadMips !== 0 && p !== undefined && isOverloaded(s, h, v, p.detector, p.parameter)
}

let idleTaken = new Uint8Array(0)

/** PABFD by looking at every host in order (-1 when nothing fits). */
export function scanForHost(
  s: SimState,
  p: MigrationPolicy | undefined,
  v: number,
  excluded: Uint8Array,
  power: Float64Array,
): number {
  pabfdCounters.searches++
  const t = curveTables(s)
  const request = requestedTotal(s, v)
  if (idleTaken.length < s.classCount) idleTaken = new Uint8Array(s.classCount)
  else idleTaken.fill(0, 0, s.classCount)
  let best = Number.MAX_VALUE
  let bestHost = -1
  for (let h = 0; h < s.hostCount; h++) {
    if (excluded[h] === 1) continue
    const idle = isIdle(s, h)
    // Idle hosts of one class give bit-identical increases: only the first that fits counts.
    if (idle && idleTaken[s.hostClass[h] as number] === 1) continue
    const r = examine(s, t, v, h, request, power[h] as number)
    if (Number.isNaN(r.increase)) continue
    if (idle) idleTaken[s.hostClass[h] as number] = 1
    if (r.increase < best && !refused(s, p, h, v)) {
      best = r.increase
      bestHost = h
    }
  }
  return bestHost
}

/**
 * Groups per class: 100 utilization sub-bands (hundredths) of hosts whose load is their
 * measured utilization (offset 0), the same 100 for hosts whose load has moved (tentative
 * placements: positive offsets), and the idle hosts.
 */
const MOVED = 100
const IDLE = 200
const BANDS = 201
/** Tiers per class: the 10 bands (10 sub-bands each) and the idle hosts. */
const TIERS = 11
const IDLE_TIER = 10
/** Slack of the per-band bound, which is not computed the way increases are. */
const BOUND_SLACK_W = 1e-9
const STALE = -2

function tierOf(g: number): number {
  const c = (g / BANDS) | 0
  const j = g - c * BANDS
  return c * TIERS + (j === IDLE ? IDLE_TIER : Math.floor((j % MOVED) / 10))
}
/** Slack on the room checks, which only prune (the exact checks run on every candidate). */
const ROOM_SLACK = 1e-6

/**
 * The hosts of one consolidation decision, filed by class and band (see the file comment).
 * Each group is a bitset in design order with, per 32-host word and per 1,024-host block,
 * the most CPU and memory room any member has, so hosts where the instance cannot fit are
 * skipped 32 or 1,024 at a time.
 */
export class PabfdIndex {
  private readonly words: number
  private readonly blocks: number
  private readonly bits: Uint32Array
  private readonly wordCpu: Float64Array
  private readonly wordMem: Float64Array
  private readonly blockCpu: Float64Array
  private readonly blockMem: Float64Array
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
    this.words = Math.ceil(s.hostCount / 32)
    this.blocks = Math.ceil(this.words / 32)
    this.bits = new Uint32Array(G * this.words)
    this.wordCpu = new Float64Array(G * this.words)
    this.wordMem = new Float64Array(G * this.words)
    this.blockCpu = new Float64Array(G * this.blocks)
    this.blockMem = new Float64Array(G * this.blocks)
    this.cpuRoom = new Float64Array(s.hostCount)
    this.memRoom = new Float64Array(s.hostCount)
    this.count = new Int32Array(G)
    this.minOffset = new Float64Array(G)
    this.minHost = new Int32Array(G)
    this.offset = new Float64Array(s.hostCount)
    this.load = new Float64Array(s.hostCount)
    this.tierCount = new Int32Array(K * TIERS)
    this.tierOffset = new Float64Array(K * TIERS)
    this.group = new Int32Array(s.hostCount)
    this.out = new Uint8Array(s.hostCount)
    this.tables = curveTables(s)
    this.heap = new BoundHeap(K * (TIERS + BANDS))
    this.power = power
    this.policy = policy
  }

  /** Files every host afresh for a new decision; hosts with `excluded[h] = 1` stay out. */
  reset(policy: MigrationPolicy, power: Float64Array, excluded: Uint8Array): void {
    this.policy = policy
    this.power = power
    this.bits.fill(0)
    this.wordCpu.fill(-1)
    this.wordMem.fill(-1)
    this.blockCpu.fill(-1)
    this.blockMem.fill(-1)
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
      if (g >= 0 && (this.wordCpu[g * this.words + w] as number) === -1) this.refreshRoom(g, w)
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
    const w = g * this.words + (h >>> 5)
    this.bits[w] = ((this.bits[w] as number) | (1 << (h & 31))) >>> 0
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
    if (!this.bulk) this.refreshRoom(g, h >>> 5)
  }

  private unfile(h: number): void {
    const g = this.group[h] as number
    if (g < 0) return
    const w = g * this.words + (h >>> 5)
    this.bits[w] = ((this.bits[w] as number) & ~(1 << (h & 31))) >>> 0
    this.count[g] = (this.count[g] as number) - 1
    if (this.minHost[g] === h) this.minHost[g] = STALE
    const tier = tierOf(g)
    this.tierCount[tier] = (this.tierCount[tier] as number) - 1
    this.group[h] = -1
    this.refreshRoom(g, h >>> 5)
  }

  /** Recomputes the room maxima of word `w` of group `g` and of its block. */
  private refreshRoom(g: number, w: number): void {
    let word = this.bits[g * this.words + w] as number
    let cpu = -1
    let mem = -1
    while (word !== 0) {
      const lowBit = word & -word
      const h = (w << 5) + 31 - Math.clz32(lowBit)
      word = (word ^ lowBit) >>> 0
      if ((this.cpuRoom[h] as number) > cpu) cpu = this.cpuRoom[h] as number
      if ((this.memRoom[h] as number) > mem) mem = this.memRoom[h] as number
    }
    this.wordCpu[g * this.words + w] = cpu
    this.wordMem[g * this.words + w] = mem
    const b = w >>> 5
    const end = Math.min(this.words, (b + 1) << 5)
    cpu = -1
    mem = -1
    for (let k = b << 5; k < end; k++) {
      const i = g * this.words + k
      if ((this.wordCpu[i] as number) > cpu) cpu = this.wordCpu[i] as number
      if ((this.wordMem[i] as number) > mem) mem = this.wordMem[i] as number
    }
    this.blockCpu[g * this.blocks + b] = cpu
    this.blockMem[g * this.blocks + b] = mem
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
    let least = Number.POSITIVE_INFINITY
    let holder = -1
    for (let w = 0; w < this.words; w++) {
      let word = this.bits[g * this.words + w] as number
      while (word !== 0) {
        const lowBit = word & -word
        const h = (w << 5) + 31 - Math.clz32(lowBit)
        word = (word ^ lowBit) >>> 0
        if ((this.offset[h] as number) < least) {
          least = this.offset[h] as number
          holder = h
        }
      }
    }
    this.minOffset[g] = least
    this.minHost[g] = holder
  }

  /** PABFD over the filed hosts (-1 when nothing fits); the same host as `scanForHost`. */
  find(v: number, excluded: Uint8Array): number {
    pabfdCounters.searches++
    const s = this.s
    const request = requestedTotal(s, v)
    const pe = requestedPe(s, v)
    const heap = this.heap
    heap.clear()
    for (let tier = 0; tier < this.tierCount.length; tier++) {
      if (this.tierCount[tier] === 0) continue
      const low = this.tierBound(tier, v, request, pe)
      if (!Number.isNaN(low)) heap.push(low, 0, -1 - tier)
    }
    this.best = Number.MAX_VALUE
    this.bestHost = s.hostCount
    // Best first: a tier (class and band) opens into its sub-band groups; a group is scanned.
    while (heap.size > 0 && heap.topBound <= this.best) {
      const low = heap.topBound
      const id = heap.topId
      heap.pop()
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
      for (let j = b * 10; j < b * 10 + 10; j++) {
        // Sub-bands whose every start point keeps x + q inside the band go first on ties.
        const rank = (j + 1) / 100 + q <= (b + 1) / 10 ? 0 : 1
        for (let g = k * BANDS + j; g < (k + 1) * BANDS - 1; g += MOVED) {
          if (this.count[g] === 0) continue
          const bound = this.groupBound(g, request)
          if (bound <= this.best) heap.push(bound, rank, g)
        }
      }
    }
    return this.bestHost === s.hostCount ? -1 : this.bestHost
  }

  private best = Number.MAX_VALUE
  private bestHost = 0

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
    for (let b = 0; b < this.blocks; b++) {
      if (b << 10 > this.bestHost && low >= this.best) return
      const bi = g * this.blocks + b
      if ((this.blockCpu[bi] as number) < cpuNeed || (this.blockMem[bi] as number) < memNeed)
        continue
      const end = Math.min(this.words, (b + 1) << 5)
      for (let w = b << 5; w < end; w++) {
        if (w << 5 > this.bestHost && low >= this.best) return
        const wi = g * this.words + w
        if ((this.wordCpu[wi] as number) < cpuNeed || (this.wordMem[wi] as number) < memNeed)
          continue
        let word = this.bits[wi] as number
        while (word !== 0) {
          const lowBit = word & -word
          const h = (w << 5) + 31 - Math.clz32(lowBit)
          word = (word ^ lowBit) >>> 0
          if (h > this.bestHost && low >= this.best) return
          if (excluded[h] === 1) continue
          if ((this.cpuRoom[h] as number) < cpuNeed || (this.memRoom[h] as number) < memNeed)
            continue
          // The increase from the filed load: exactly what `examine` would compute, cheaply.
          pabfdCounters.visited++
          const load = this.load[h] as number
          const uAfter = (load + request) / total
          if (uAfter < 0 || uAfter > 1) continue
          let d: number
          if (s.compat) d = powerAt(s.curves, h * 11, uAfter) - (this.power[h] as number)
          else {
            const inc = increment(t, c, load / total, q)
            d = (this.offset[h] as number) + (inc > floor ? inc : floor)
          }
          if (d > this.best || (d === this.best && h > this.bestHost)) continue
          const r = examine(s, this.tables, v, h, request, this.power[h] as number)
          if (Number.isNaN(r.increase)) continue
          const better = r.increase < this.best || (r.increase === this.best && h < this.bestHost)
          if (better && !refused(s, this.policy, h, v)) {
            this.best = r.increase
            this.bestHost = h
          }
        }
      }
    }
  }
}

/** Index classes: one per (curve class, guest class) pair met, in design order. */
function indexClasses(s: SimState): { classOf: Int32Array; curveClass: number[]; rep: number[] } {
  const keys = new Map<number, number>()
  const classOf = new Int32Array(s.hostCount)
  const curveClass: number[] = []
  const rep: number[] = []
  for (let h = 0; h < s.hostCount; h++) {
    const key = (s.hostClass[h] as number) * 65_536 + (s.rules?.guestClass[h] ?? 0)
    let k = keys.get(key)
    if (k === undefined) {
      keys.set(key, (k = keys.size))
      curveClass.push(s.hostClass[h] as number)
      rep.push(h)
    }
    classOf[h] = k
  }
  return { classOf, curveClass, rep }
}

/** Whether an index of `s` stays within its memory budget (else PABFD scans). */
export function indexable(s: SimState): boolean {
  const words = Math.ceil(s.hostCount / 32)
  return indexClasses(s).rep.length * BANDS * words <= MAX_GROUP_WORDS
}

/** Requested MIPS of everything on `h` (what the static-threshold detector sums). */
function requestedOn(s: SimState, h: number): number {
  const e = s.entries[h] as HostEntries
  let sum = 0
  for (let i = 0; i < e.vm.length; i++) sum += requestedTotal(s, e.vm[i] as number)
  return sum
}
