/**
 * Finds the best host for one instance without scanning every host each time. Hosts that can
 * never take a kind of guest (host state, virtualization, storage reachability) are filtered
 * once per guest shape. A tournament tree (./search-tree.ts) holds the exact score of every
 * remaining candidate (-Infinity once a filter rejected it) for all workloads that filters and
 * weighers cannot tell apart: same guest, same demand, same tenant when it wants dedicated
 * hosts or racks, same group when affinity or locality applies.
 *
 * Correctness rests on two facts. (1) A host's score changes only when its own usage changes
 * (logged in `changes`, which every tree replays before use) or when the workload's own group
 * changes (locality: updated at once). (2) Between removals and host-state changes (which
 * rebuild every tree), filters only ever turn a host from accepted to rejected for the
 * workloads of one tree (storage and uplinks fill, tenants claim hosts, peers arrive). So the
 * tree's winner is re-checked with every filter before use and dropped when it fails: the
 * first winner that passes is the best host.
 */
import type { Host, Workload } from '../../../shared/design/schema'
import {
  affinityFilter,
  computeFilter,
  hostStateFilter,
  isolationFilter,
  networkFilter,
  quotaFilter,
  storageFilter,
} from './filters'
import { acceptsGuest } from '../virtualization'
import { applyPlacement, pickStorage } from './ledger'
import { SearchTree } from './search-tree'
import type { SchedulerState } from './state'
import type { SchedulerWeigher, Weights } from './types'
import { WEIGHERS } from './weighers'

/** Filter verdicts: accepted, rejected for the whole tree, or rejected by the group's affinity only. */
const PASS = 0
const REJECTED = 1
const AFFINITY = 2

interface Candidates {
  hosts: Int32Array
  /** Host index -> leaf position, -1 when not a candidate. */
  pos: Int32Array
}

interface WorkloadTree {
  cand: Candidates
  tree: SearchTree
  epoch: number
  cursor: number
}

export class Placer {
  readonly terms: Array<[SchedulerWeigher, number]>
  /** Whether the locality weigher counts (then every group has its own tree). */
  private readonly locality: boolean
  private epoch = 0
  private changes = new Int32Array(1024)
  private changeCount = 0
  private readonly staticCache = new Map<string, Candidates>()
  private readonly trees = new Map<string, WorkloadTree>()
  private readonly treeKeys: Array<string | undefined> = []
  private readonly maxTrees: number
  private readonly dead: number[] = []
  private searchW = 0
  private searchHosts: Int32Array = new Int32Array(0)
  /**
   * Whether the tree leaf `i` of the current search can take the instance. Hosts rejected for
   * the whole tree are collected in `dead`; affinity verdicts depend on the group, not on the
   * tree, so those hosts are only skipped.
   */
  private readonly acceptLeaf = (i: number): boolean => {
    const verdict = this.verdict(this.searchW, this.searchHosts[i] ?? 0)
    if (verdict === PASS) return true
    if (verdict === REJECTED) this.dead.push(i)
    return false
  }

  constructor(
    readonly st: SchedulerState,
    readonly weights: Weights,
  ) {
    this.terms = Object.entries(weights)
      .filter(([, m]) => m !== 0)
      .map(([name, m]) => [WEIGHERS[name as keyof typeof WEIGHERS], m as number])
    this.locality = (weights.locality ?? 0) !== 0
    // Keep the trees' leaves under about 4 million (tens of MiB).
    this.maxTrees = Math.max(8, Math.min(256, Math.floor(4_000_000 / Math.max(1, st.hosts.length))))
  }

  /** Sum of weighted scores of host `h` for workload `w` (no filter check). */
  weigh(w: number, h: number): number {
    let total = 0
    for (const [weigher, m] of this.terms) total += m * weigher.score(this.st, w, h)
    return total
  }

  /**
   * A host's leaf in a tree: -Infinity once a filter rejects it for every workload of the
   * tree; otherwise its score. A host only the workload's own group rejects (affinity) keeps
   * its score: the tree may be shared with workloads of other groups, and the search skips it.
   */
  private leafScore(w: number, h: number): number {
    return this.verdict(w, h) === REJECTED ? -Infinity : this.weigh(w, h)
  }

  /** Whether every placement-dependent filter accepts host `h` for workload `w`. */
  accepts(w: number, h: number): boolean {
    return this.verdict(w, h) === PASS
  }

  /**
   * The placement-dependent filters (DYNAMIC_FILTERS, same order), each called at its own
   * site so that every call stays monomorphic on the hot path.
   */
  private verdict(w: number, h: number): number {
    const st = this.st
    if (hostStateFilter.check(st, w, h) !== undefined) return REJECTED
    if (isolationFilter.check(st, w, h) !== undefined) return REJECTED
    if (affinityFilter.check(st, w, h) !== undefined) return AFFINITY
    if (computeFilter.check(st, w, h) !== undefined) return REJECTED
    if (storageFilter.check(st, w, h) !== undefined) return REJECTED
    if (networkFilter.check(st, w, h) !== undefined) return REJECTED
    return PASS
  }

  /** The tenant-quota verdict for one more instance of `w` (undefined = within quota). */
  quota(w: number): string | undefined {
    return quotaFilter.check(this.st, w, 0)
  }

  /** Best host for one more instance of `w`, or -1. Quota is the caller's check. */
  best(w: number): number {
    const st = this.st
    const g = st.groups[w]
    const policy = st.workloads[w]?.affinity.policy
    if (g && policy === 'affinity' && g.placed > 0) return this.bestNearPeers(w)
    const t = this.treeFor(w)
    const hosts = t.cand.hosts
    this.dead.length = 0
    this.searchW = w
    this.searchHosts = hosts
    const leaf = t.tree.find(this.acceptLeaf)
    const dead = this.dead
    for (const i of dead) t.tree.update(i, -Infinity)
    return leaf < 0 ? -1 : (hosts[leaf] ?? -1)
  }

  /** For affinity groups already started: the best of the hosts next to the peers. */
  private bestNearPeers(w: number): number {
    const st = this.st
    const g = st.groups[w]
    if (!g) return -1
    const near = new Set<number>(g.hosts.keys())
    if (st.workloads[w]?.affinity.scope === 'rack')
      for (const r of g.racks.keys()) for (const h of st.rackHosts[r] ?? []) near.add(h)
    let best = -1
    let bestScore = -Infinity
    for (const h of near) {
      if (
        st.hostState[h] !== 'up' ||
        !acceptsGuest(st.hosts[h] as Host, st.workloads[w] as Workload).ok
      )
        continue
      if (!this.accepts(w, h)) continue
      const score = this.weigh(w, h)
      if (
        best < 0 ||
        score > bestScore ||
        (score === bestScore && (st.rank[h] ?? 0) < (st.rank[best] ?? 0))
      ) {
        best = h
        bestScore = score
      }
    }
    return best
  }

  /** Records instance `k` of workload `w` on host `h` and tells the trees. */
  place(k: number, w: number, h: number): void {
    const st = this.st
    const s = pickStorage(st, w, h)
    applyPlacement(st, k, w, h, s >= 0 ? s : -1)
    this.touch(h)
    const g = st.groups[w]
    const r = st.hostRack[h] ?? -1
    const own = this.trees.get(this.keyOf(w))
    if (this.locality && g && r >= 0 && g.racks.get(r) === 1 && own && own.epoch === this.epoch) {
      // Locality of the whole rack changed for this group only.
      for (const other of st.rackHosts[r] ?? []) this.refresh(own, w, other)
    }
  }

  /** Marks host `h` as changed (its score must be recomputed by every tree). */
  touch(h: number): void {
    if (this.changeCount === this.changes.length) {
      const grown = new Int32Array(this.changes.length * 2)
      grown.set(this.changes)
      this.changes = grown
    }
    this.changes[this.changeCount++] = h
  }

  /**
   * After instance removals from host `h` that used storage systems `systems`: the hosts that
   * may now be accepted again are `h` and its rack (capacity, NIC, uplink, tenants), unless a
   * storage system that refused someone got room back, which may re-admit any host.
   */
  released(h: number, systems: readonly number[]): void {
    const st = this.st
    if (systems.some((s) => s >= 0 && st.storageRefused[s] === 1)) {
      for (const s of systems) if (s >= 0) st.storageRefused[s] = 0
      this.invalidate()
      return
    }
    this.touch(h)
    const r = st.hostRack[h] ?? -1
    if (r >= 0) for (const other of st.rackHosts[r] ?? []) if (other !== h) this.touch(other)
  }

  /** Forgets every tree (after host-state changes, which can re-admit hosts anywhere). */
  invalidate(staticToo = false): void {
    this.epoch++
    this.changeCount = 0
    if (staticToo) this.staticCache.clear()
  }

  private refresh(t: WorkloadTree, w: number, h: number): void {
    const p = t.cand.pos[h] ?? -1
    if (p >= 0) t.tree.update(p, this.leafScore(w, h))
  }

  /** Workloads with the same key are alike for every filter and weigher. */
  private keyOf(w: number): string {
    let key = this.treeKeys[w]
    if (key !== undefined) return key
    const st = this.st
    const wl = st.workloads[w] as Workload
    const t = st.workloadTenant[w] ?? -1
    key = [
      wl.kind,
      wl.guestOs,
      wl.paravirtAware,
      wl.innerLayer?.kind ?? '',
      wl.storageClass ?? '',
      wl.vcpus,
      wl.mipsPerVcpu,
      wl.memoryMiB,
      wl.diskGiB,
      wl.iops,
      wl.reservedBandwidthMbps,
      (st.tenantPolicy[t] ?? 0) > 0 ? `t${t}` : '',
      this.locality ? `g${w}` : '',
    ].join('|')
    this.treeKeys[w] = key
    return key
  }

  private treeFor(w: number): WorkloadTree {
    const key = this.keyOf(w)
    let t = this.trees.get(key)
    if (
      t &&
      t.epoch === this.epoch &&
      this.changeCount - t.cursor <= t.cand.hosts.length / 2 + 64
    ) {
      for (let i = t.cursor; i < this.changeCount; i++) this.refresh(t, w, this.changes[i] ?? 0)
      t.cursor = this.changeCount
      return t
    }
    const cand = this.candidates(w)
    const tree =
      t && t.tree.size >= cand.hosts.length && t.tree.size < 2 * cand.hosts.length + 2
        ? t.tree
        : this.recycle(cand.hosts.length)
    const hosts = cand.hosts
    tree.build(
      hosts.length,
      (i) => {
        const h = hosts[i] ?? 0
        return this.leafScore(w, h)
      },
      (i) => this.st.rank[hosts[i] ?? 0] ?? 0,
    )
    t = { cand, tree, epoch: this.epoch, cursor: this.changeCount }
    this.trees.delete(key)
    this.trees.set(key, t)
    return t
  }

  private recycle(n: number): SearchTree {
    if (this.trees.size >= this.maxTrees) {
      const [oldest, t] = this.trees.entries().next().value as [string, WorkloadTree]
      this.trees.delete(oldest)
      if (t.tree.size >= n && t.tree.size < 2 * n + 2) return t.tree
    }
    return new SearchTree(n)
  }

  /** Hosts that pass the design-only filters for `w`'s guest shape, in id order. */
  private candidates(w: number): Candidates {
    const wl = this.st.workloads[w] as Workload
    const key = `${wl.kind}|${wl.guestOs}|${wl.paravirtAware}|${wl.innerLayer?.kind ?? ''}|${wl.storageClass ?? ''}`
    let c = this.staticCache.get(key)
    if (c) return c
    const st = this.st
    const list: number[] = []
    const pos = new Int32Array(st.hosts.length).fill(-1)
    st.hosts.forEach((host, h) => {
      if (st.hostState[h] !== 'up' || !acceptsGuest(host, wl).ok) return
      const cls = wl.storageClass
      if (
        cls !== undefined &&
        !(st.reach[h] ?? []).some((s) => st.storage[s]?.classes.includes(cls))
      )
        return
      pos[h] = list.length
      list.push(h)
    })
    c = { hosts: Int32Array.from(list), pos }
    this.staticCache.set(key, c)
    return c
  }
}
