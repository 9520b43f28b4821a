/**
 * The filing half of the PABFD index (`pabfd.ts` searches it): the hosts of one consolidation
 * decision in groups by index class (power curve and MIPS, accepted guests) and utilization
 * sub-band, each group a bitset in design order with per-word, per-block and per-group room
 * summaries (`pabfd-summaries.ts`), and per tier (class and band) one more bitset of its
 * members. Hosts whose load changes are re-filed by `touch`; hosts excluded for the rest of
 * the decision leave by `remove`.
 */
import { policyUtilMips } from './host-cpu'
import { BANDS, IDLE, indexClasses, MOVED, requestedOn, tierOf, TIERS } from './pabfd-classes'
import { isIdle, type MigrationPolicy } from './pabfd-scan'
import { GroupSummaries } from './pabfd-summaries'
import { curveTables, offsetOf, subBandOf, type CurveTables } from './power-increase'
import type { SimState } from './state'

/** `minHost` of a group whose least-offset member left (recomputed when next needed). */
export const STALE = -2

/** Which tier bitset group `g`'s members also sit in: 0 not moved, 1 moved, -1 none (idle). */
function tierSide(g: number): number {
  const j = g % BANDS
  return j === IDLE ? -1 : j < MOVED ? 0 : 1
}

/** The hosts of one consolidation decision, filed by class and band (see the file comment). */
export class PabfdFiling {
  protected readonly sum: GroupSummaries
  /**
   * Per tier (class and band), its not-moved members in one bitset with room summaries (and
   * its moved members in another): a tier where nothing fits is not opened, and since the
   * not-moved sub-bands where an instance stays inside the band all give it the same
   * increase, one pass in design order finds their first fitting member.
   */
  protected readonly tierSum: GroupSummaries
  protected readonly movedSum: GroupSummaries
  protected readonly cpuRoom: Float64Array
  protected readonly memRoom: Float64Array
  protected readonly count: Int32Array
  protected readonly minOffset: Float64Array
  /** The member holding `minOffset` (STALE: it left; recomputed when next needed). */
  protected readonly minHost: Int32Array
  protected readonly offset: Float64Array
  /** Policy load (MIPS) of each filed host when it was filed (re-filed whenever it changes). */
  protected readonly load: Float64Array
  /** Per class and band (tier; tier 10 of a class = its idle hosts): members, least offset. */
  protected readonly tierCount: Int32Array
  protected readonly tierOffset: Float64Array
  protected readonly group: Int32Array
  protected readonly out: Uint8Array
  protected readonly tables: CurveTables
  protected power: Float64Array
  protected policy: MigrationPolicy

  /** Index classes: hosts of one curve class that accept the same guests. */
  protected readonly classOf: Int32Array
  protected readonly curveClass: Int32Array
  protected readonly rep: Int32Array

  constructor(
    protected readonly s: SimState,
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
    const tiers = (): GroupSummaries =>
      new GroupSummaries(
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
    this.tierSum = tiers()
    this.movedSum = tiers()
    this.tierCount = new Int32Array(K * TIERS)
    this.tierOffset = new Float64Array(K * TIERS)
    this.group = new Int32Array(s.hostCount)
    this.out = new Uint8Array(s.hostCount)
    this.tables = curveTables(s)
    this.power = power
    this.policy = policy
  }

  /** Files every host afresh for a new decision; hosts with `excluded[h] = 1` stay out. */
  reset(policy: MigrationPolicy, power: Float64Array, excluded: Uint8Array): void {
    this.policy = policy
    this.power = power
    this.sum.clear()
    this.tierSum.clear()
    this.movedSum.clear()
    this.count.fill(0)
    this.minOffset.fill(Number.POSITIVE_INFINITY)
    this.minHost.fill(-1)
    this.tierCount.fill(0)
    this.tierOffset.fill(Number.POSITIVE_INFINITY)
    this.group.fill(-1)
    for (let h = 0; h < this.s.hostCount; h++) {
      this.out[h] = excluded[h] === 1 ? 1 : 0
      this.touch(h)
    }
  }

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
    const side = tierSide(g)
    if (side === 0) this.tierSum.add(tier, h)
    else if (side === 1) this.movedSum.add(tier, h)
    this.sum.add(g, h)
  }

  private unfile(h: number): void {
    const g = this.group[h] as number
    if (g < 0) return
    this.sum.remove(g, h)
    this.count[g] = (this.count[g] as number) - 1
    // An emptied group's least offset is known without a scan.
    if (this.count[g] === 0) {
      this.minOffset[g] = Number.POSITIVE_INFINITY
      this.minHost[g] = -1
    } else if (this.minHost[g] === h) this.minHost[g] = STALE
    const tier = tierOf(g)
    this.tierCount[tier] = (this.tierCount[tier] as number) - 1
    const side = tierSide(g)
    if (side === 0) this.tierSum.remove(tier, h)
    else if (side === 1) this.movedSum.remove(tier, h)
    this.group[h] = -1
  }

  protected refreshMinOffset(g: number): void {
    const h = this.sum.leastMember(g, this.offset)
    this.minOffset[g] = h < 0 ? Number.POSITIVE_INFINITY : (this.offset[h] as number)
    this.minHost[g] = h
  }
}
