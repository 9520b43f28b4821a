/**
 * The most free memory among the hosts a consolidation decision may still choose, kept as
 * hosts change (issue 15): at 10,000 hosts nearly every under-load evacuation fails because
 * some instance fits on no host by memory. `MemoryRoom.fitsSomewhere(v)` is a necessary
 * condition for any PABFD search to find a host for instance `v`: it is false only when no
 * candidate host has `memoryCostMiB(v, h)` MiB free. Tentative placements only use memory up
 * and exclusions only remove hosts, so an evacuation with such an instance would fail, and is
 * skipped before any tentative placement.
 *
 * Hosts are grouped by their virtualization's memory overheads (an instance's memory cost is
 * the same on every host of a group); per group, a max tree (a complete binary tree in an
 * array) over its hosts' free memory, -Infinity for excluded hosts, updated in O(log hosts).
 * In CloudSim-compatible mode memory binds only while an instance is instantiating, so the
 * check is not made there (every instance fits somewhere).
 */
import type { EffectiveOverheads } from '../virtualization/overheads'
import { memoryCostMiB, type SimState } from './state'

/**
 * Slack on the room comparison (MiB): room is `memoryMiB - used` while `isSuitable` tests
 * `used + cost <= memoryMiB`, which can differ in the last bit; far above that, far below
 * any real memory size.
 */
const ROOM_SLACK_MIB = 1e-6

/** A host's memory overheads, as a key (hosts with equal keys cost an instance the same). */
function overheadKey(o: EffectiveOverheads | undefined): string {
  return `${o?.memFixedMiB} ${o?.memPerVcpuMiB} ${o?.memPercent} ${o?.memExemptMiB}`
}

/** Per overhead group, the most free memory of its candidate hosts (see the file comment). */
export class MemoryRoom {
  /** Per host, its group and its leaf's index in the group's tree. */
  private readonly groupOf: Int32Array
  private readonly leafOf: Int32Array
  /** Per group: one member (its overheads stand for all), its tree (leaves from `size`). */
  private readonly reps: number[] = []
  private readonly trees: Float64Array[] = []
  private readonly sizes: number[] = []

  /** `excluded[h] === 1`: host `h` is not a candidate (the decision's array, read live). */
  private excluded: Uint8Array

  constructor(private readonly s: SimState) {
    this.excluded = new Uint8Array(s.hostCount)
    this.groupOf = new Int32Array(s.hostCount)
    this.leafOf = new Int32Array(s.hostCount)
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
  }

  /** Fills the trees afresh for a decision whose excluded hosts are `excluded` (read live). */
  reset(excluded: Uint8Array): void {
    this.excluded = excluded
    const s = this.s
    for (let h = 0; h < s.hostCount; h++) this.setLeaf(h)
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

  /** False only if no candidate host has room for instance `v`'s memory (see the file). */
  fitsSomewhere(v: number): boolean {
    const s = this.s
    if (s.compat) return true
    for (let g = 0; g < this.trees.length; g++) {
      const most = (this.trees[g] as Float64Array)[1] as number
      if (most >= memoryCostMiB(s, v, this.reps[g] as number) - ROOM_SLACK_MIB) return true
    }
    return false
  }

  /** Writes host `h`'s leaf (its free memory, or -Infinity when excluded); returns its index. */
  private setLeaf(h: number): number {
    const s = this.s
    const g = this.groupOf[h] as number
    const i = (this.sizes[g] as number) + (this.leafOf[h] as number)
    const tree = this.trees[g] as Float64Array
    tree[i] =
      this.excluded[h] === 1 || s.hostDown[h] === 1
        ? Number.NEGATIVE_INFINITY
        : (s.hostMemMiB[h] as number) - (s.hostMemUsed[h] as number)
    return i
  }
}
