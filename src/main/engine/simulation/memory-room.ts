/**
 * Whether an under-load evacuation's instances can all fit by memory on the hosts a
 * consolidation decision may still choose (issue 15). At 10,000 hosts nearly every evacuation
 * fails because its instances with the most memory find no host: the few hosts with that much
 * room are filled by the evacuation's own earlier placements.
 *
 * `MemoryRoom.cannotHoldAll(vms)` is Hall's condition on memory: for each j, the j instances
 * that cost the most memory must fit on the hosts whose room is at least the least of their
 * costs, each host holding at most as many of them as fit, smallest first, in its room. Any
 * successful evacuation is such an assignment (tentative placements only use memory up, and
 * hosts only leave the candidates), so when the condition fails the evacuation would fail,
 * and is skipped before any tentative placement.
 *
 * Hosts are grouped by their virtualization's memory overheads (an instance's memory cost is
 * the same on every host of a group; the condition takes each instance at its least cost over
 * the groups); per group, a max tree (a complete binary tree in an array) over its hosts' free
 * memory, -Infinity for excluded hosts, updated in O(log hosts). Rooms are visited in
 * decreasing order, best first over the trees, and the walk ends as soon as as many hosts as
 * instances have room for every instance: a check visits about as many hosts as the
 * evacuation has instances. In CloudSim-compatible mode memory binds only while an instance is
 * instantiating; the others take no room.
 *
 * Before that walk, a check in O(instances) settles most evacuations of the 10k-host day (94 %
 * of the lr day's are doomed; the walk took 5.3 s of its 31 s of consolidation): slot counts.
 * For a size t, an instance costing at least t takes at least t of a host's room, so a host
 * holds at most floor((room + slack) / t) such instances; the candidates' sum of these counts
 * is kept per size as rooms change (O(sizes) per change). When more of the instances cost at
 * least t than there are slots of size t, they cannot all be held. The sizes are the largest
 * (at most `MAX_SLOT_SIZES`) distinct least costs of the run's instances. Whenever the counts
 * say "cannot", so does the walk (for the j instances costing at least t it counts at most the
 * slots of the hosts with room for t), so the walk runs only on the sets the counts pass, and
 * the evacuations skipped are the same (property-tested).
 */
import type { EffectiveOverheads } from '../virtualization/overheads'
import { memoryCostMiB, type SimState } from './state'

/**
 * Slack on the room comparison (MiB): room is `memoryMiB - used` while `isSuitable` tests
 * `used + cost <= memoryMiB`, which can differ in the last bit; far above that, far below
 * any real memory size.
 */
const ROOM_SLACK_MIB = 1e-6

/** At most this many distinct least costs serve as slot sizes (the largest). */
const MAX_SLOT_SIZES = 8

/**
 * Slack of the slot counts (MiB): generous, so a count is never below what the walk's packing
 * by subtraction holds (the counts then decide "cannot" only when the walk would too).
 */
const SLOT_SLACK_MIB = 1

/** A host's memory overheads, as a key (hosts with equal keys cost an instance the same). */
function overheadKey(o: EffectiveOverheads | undefined): string {
  return `${o?.memFixedMiB} ${o?.memPerVcpuMiB} ${o?.memPercent} ${o?.memExemptMiB}`
}

/** Per overhead group, the free memory of its candidate hosts (see the file comment). */
export class MemoryRoom {
  /** Per host, its group and its leaf's index in the group's tree. */
  private readonly groupOf: Int32Array
  private readonly leafOf: Int32Array
  /** Per group: one member (its overheads stand for all), its tree (leaves from `size`). */
  private readonly reps: number[] = []
  private readonly trees: Float64Array[] = []
  private readonly sizes: number[] = []

  /** Best-first walk over the trees' nodes (`cannotHold`): node values, group, node index. */
  private heapValue = new Float64Array(64)
  private heapGroup = new Int32Array(64)
  private heapNode = new Int32Array(64)
  private heapSize = 0
  /** Rooms taken from the walk, in decreasing order. */
  private rooms = new Float64Array(64)
  /** The instances' memory costs (`cannotHoldAll`). */
  private costs = new Float64Array(64)
  /**
   * Each instance's least memory cost over the groups, MiB (NaN: not computed yet); it depends
   * only on the instance's memory and vCPUs and the groups' overheads, which a run never
   * changes.
   */
  private readonly leastCost: Float64Array

  /** `excluded[h] === 1`: host `h` is not a candidate (the decision's array, read live). */
  private excluded: Uint8Array

  /** True while `reset` fills the leaves (and the slot counts) afresh. */
  private resetting = false
  /** Slot sizes (MiB), decreasing: the largest distinct least costs of the run's instances. */
  readonly slotSize: Float64Array
  /**
   * Per size, the candidates' slots: the sum of floor((room + 1 MiB) / size) over the candidate
   * hosts (see the top). Read-only outside (tests compare it with a recount).
   */
  readonly slots: Float64Array
  /** Per instance, the first (largest) slot size its least cost reaches (sizes count: none). */
  private readonly firstSize: Uint8Array
  /** Per size, how many of a checked set's instances reach it first (scratch). */
  private readonly reach: Int32Array

  constructor(private readonly s: SimState) {
    this.excluded = new Uint8Array(s.hostCount)
    this.groupOf = new Int32Array(s.hostCount)
    this.leafOf = new Int32Array(s.hostCount)
    this.leastCost = new Float64Array(s.vmMemMiB.length).fill(Number.NaN)
    const groups = new Map<string, number>()
    const members: number[] = []
    for (let h = 0; h < s.hostCount; h++) {
      const key = overheadKey(s.hostOverheads[h])
      let g = groups.get(key)
      if (g === undefined) {
        g = groups.size
        groups.set(key, g)
        this.reps.push(h)
        members.push(0)
      }
      this.groupOf[h] = g
      this.leafOf[h] = members[g] as number
      members[g] = (members[g] as number) + 1
    }
    for (const n of members) {
      let size = 1
      while (size < n) size *= 2
      this.sizes.push(size)
      this.trees.push(new Float64Array(2 * size).fill(Number.NEGATIVE_INFINITY))
    }
    const V = s.vmMemMiB.length
    const distinct = new Set<number>()
    for (let v = 0; v < V; v++) distinct.add(this.leastCostMiB(v))
    const sizes = [...distinct].filter((c) => c > 0).sort((a, b) => b - a)
    this.slotSize = Float64Array.from(sizes.slice(0, MAX_SLOT_SIZES))
    const T = this.slotSize.length
    this.slots = new Float64Array(T)
    this.reach = new Int32Array(T)
    this.firstSize = new Uint8Array(V)
    for (let v = 0; v < V; v++) {
      const cost = this.leastCostMiB(v)
      let k = 0
      while (k < T && (this.slotSize[k] as number) > cost) k++
      this.firstSize[v] = k
    }
  }

  /** Slots of size `slotSize[k]` in a room of `room` MiB (-Infinity: not a candidate, none). */
  private slotsIn(room: number, k: number): number {
    if (room === Number.NEGATIVE_INFINITY) return 0
    const n = Math.floor((room + SLOT_SLACK_MIB) / (this.slotSize[k] as number))
    return n > 0 ? n : 0
  }

  /** Fills the trees afresh for a decision whose excluded hosts are `excluded` (read live). */
  reset(excluded: Uint8Array): void {
    this.excluded = excluded
    const s = this.s
    this.slots.fill(0)
    this.resetting = true
    for (let h = 0; h < s.hostCount; h++) this.setLeaf(h)
    this.resetting = false
    for (let g = 0; g < this.trees.length; g++) {
      const tree = this.trees[g] as Float64Array
      for (let i = (this.sizes[g] as number) - 1; i >= 1; i--)
        tree[i] = Math.max(tree[2 * i] as number, tree[2 * i + 1] as number)
    }
  }

  /** Host `h`'s memory in use or its candidacy changed. */
  changed(h: number): void {
    const i = this.setLeaf(h)
    const tree = this.trees[this.groupOf[h] as number] as Float64Array
    for (let k = i >> 1; k >= 1; k >>= 1) {
      const m = Math.max(tree[2 * k] as number, tree[2 * k + 1] as number)
      if (tree[k] === m) break
      tree[k] = m
    }
  }

  /**
   * True only if instances `vms[0..count)` cannot all be placed on the candidate hosts by
   * memory alone (see the file comment): then an evacuation of them fails, whatever hosts its
   * searches choose. Instances whose memory does not bind (CloudSim-compatible mode, not
   * instantiating) take no room; the others count at their least cost over the host groups.
   */
  cannotHoldAll(vms: Int32Array, count: number): boolean {
    const s = this.s
    if (this.slotsShort(vms, count)) return true
    if (this.costs.length < count) this.costs = new Float64Array(2 * count)
    let n = 0
    for (let i = 0; i < count; i++) {
      const v = vms[i] as number
      if (!s.compat || s.vmInstantiating[v] === 1) this.costs[n++] = this.leastCostMiB(v)
    }
    const costs = this.costs.subarray(0, n).sort().reverse()
    return this.cannotHold(costs, n)
  }

  /**
   * True when, for some slot size, more of instances `vms[0..count)` cost at least that size
   * than the candidate hosts have slots of it (see the file comment): they cannot all be held.
   */
  slotsShort(vms: Int32Array, count: number): boolean {
    const s = this.s
    const reach = this.reach
    const T = reach.length
    reach.fill(0)
    for (let i = 0; i < count; i++) {
      const v = vms[i] as number
      if (s.compat && s.vmInstantiating[v] !== 1) continue
      const k = this.firstSize[v] as number
      if (k < T) reach[k] = (reach[k] as number) + 1
    }
    let need = 0
    for (let k = 0; k < T; k++) {
      need += reach[k] as number
      if (need > (this.slots[k] as number)) return true
    }
    return false
  }

  /** `cannotHoldAll` on memory costs `costs[0..n)` (MiB), sorted in decreasing order. */
  cannotHold(costs: Float64Array, n: number): boolean {
    if (n === 0) return false
    if (this.rooms.length < n) this.rooms = new Float64Array(2 * n)
    const rooms = this.rooms
    this.walkStart()
    let m = 0
    for (let j = 1; j <= n; j++) {
      const least = (costs[j - 1] as number) - ROOM_SLACK_MIB
      // Hosts with room for the least of the j largest, in decreasing room.
      while (m < n && this.heapSize > 0 && (this.heapValue[0] as number) >= least)
        rooms[m++] = this.walkNext()
      if (m >= j) continue
      // Fewer such hosts than instances: how many of the j each can hold, smallest first.
      let held = 0
      for (let k = 0; k < m && held < j; k++) {
        let room = (rooms[k] as number) + ROOM_SLACK_MIB
        for (let x = j - 1; x >= 0 && (costs[x] as number) <= room; x--) {
          room -= costs[x] as number
          held++
        }
      }
      if (held < j) return true
    }
    return false
  }

  /** Starts the best-first walk at the roots of the groups' trees. */
  private walkStart(): void {
    this.heapSize = 0
    for (let g = 0; g < this.trees.length; g++)
      this.heapPush((this.trees[g] as Float64Array)[1] as number, g, 1)
  }

  /** The largest room not yet walked (the heap's top must be a real value). */
  private walkNext(): number {
    for (;;) {
      const value = this.heapValue[0] as number
      const g = this.heapGroup[0] as number
      const i = this.heapNode[0] as number
      this.heapPop()
      const size = this.sizes[g] as number
      if (i >= size) return value
      const tree = this.trees[g] as Float64Array
      this.heapPush(tree[2 * i] as number, g, 2 * i)
      this.heapPush(tree[2 * i + 1] as number, g, 2 * i + 1)
    }
  }

  private heapPush(value: number, g: number, i: number): void {
    if (value === Number.NEGATIVE_INFINITY) return
    if (this.heapSize === this.heapValue.length) {
      const grow = <T extends Float64Array | Int32Array>(xs: T, out: T): T => {
        out.set(xs)
        return out
      }
      const size = 2 * this.heapSize
      this.heapValue = grow(this.heapValue, new Float64Array(size))
      this.heapGroup = grow(this.heapGroup, new Int32Array(size))
      this.heapNode = grow(this.heapNode, new Int32Array(size))
    }
    const hv = this.heapValue
    let k = this.heapSize++
    while (k > 0) {
      const parent = (k - 1) >> 1
      if ((hv[parent] as number) >= value) break
      hv[k] = hv[parent] as number
      this.heapGroup[k] = this.heapGroup[parent] as number
      this.heapNode[k] = this.heapNode[parent] as number
      k = parent
    }
    hv[k] = value
    this.heapGroup[k] = g
    this.heapNode[k] = i
  }

  private heapPop(): void {
    const n = --this.heapSize
    if (n === 0) return
    const hv = this.heapValue
    const value = hv[n] as number
    const g = this.heapGroup[n] as number
    const i = this.heapNode[n] as number
    let k = 0
    for (;;) {
      let c = 2 * k + 1
      if (c >= n) break
      if (c + 1 < n && (hv[c + 1] as number) > (hv[c] as number)) c++
      if ((hv[c] as number) <= value) break
      hv[k] = hv[c] as number
      this.heapGroup[k] = this.heapGroup[c] as number
      this.heapNode[k] = this.heapNode[c] as number
      k = c
    }
    hv[k] = value
    this.heapGroup[k] = g
    this.heapNode[k] = i
  }

  /** Instance `v`'s least memory cost over the host groups (MiB). */
  private leastCostMiB(v: number): number {
    const known = this.leastCost[v] as number
    if (!Number.isNaN(known)) return known
    let least = Number.POSITIVE_INFINITY
    for (const h of this.reps) {
      const c = memoryCostMiB(this.s, v, h)
      if (c < least) least = c
    }
    this.leastCost[v] = least
    return least
  }

  /** Writes host `h`'s leaf (its free memory, or -Infinity when excluded); returns its index. */
  private setLeaf(h: number): number {
    const s = this.s
    const g = this.groupOf[h] as number
    const i = (this.sizes[g] as number) + (this.leafOf[h] as number)
    const tree = this.trees[g] as Float64Array
    const before = tree[i] as number
    const room =
      this.excluded[h] === 1 || s.hostDown[h] === 1
        ? Number.NEGATIVE_INFINITY
        : (s.hostMemMiB[h] as number) - (s.hostMemUsed[h] as number)
    tree[i] = room
    // `reset` zeroes the counts first: each leaf then counts afresh (nothing to take back).
    const fresh = this.resetting
    if (room !== before || fresh)
      for (let k = 0; k < this.slots.length; k++)
        this.slots[k] =
          (this.slots[k] as number) + this.slotsIn(room, k) - (fresh ? 0 : this.slotsIn(before, k))
    return i
  }
}
