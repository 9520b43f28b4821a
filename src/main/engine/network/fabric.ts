/**
 * The physical fabric as the flow model sees it: the design's links and external uplinks as
 * capacity resources, and the equal-cost shortest paths between endpoints.
 *
 * Model:
 * - Every link is full duplex: it offers `bandwidthGbps` in each direction, so link `i` is two
 *   resources, `2i` (source → target) and `2i + 1` (target → source). Its utilization is the
 *   larger of the two directions.
 * - External uplink `u` (to the outside, attached to core switches) is two more resources,
 *   egress and ingress, each of its `capacityGbps`, after the links' resources.
 * - Endpoints are hosts, storage systems and the outside. Traffic transits switches only,
 *   never a host or a storage system. Paths are shortest in hops; a flow's demand is split
 *   evenly across its equal-cost paths (at most `MAX_PATHS`, the first in link order), a fluid
 *   model of per-flow ECMP hashing: many flows hashed over k next hops load each about 1/k.
 * - A switch, link or uplink that is down carries nothing; routes are recomputed around it.
 *   Endpoints with no path between them are unreachable (`undefined`).
 *
 * Source for ECMP as even per-flow hashing: RFC 2992 (Analysis of an Equal-Cost Multi-Path
 * Algorithm); fat-tree paths: Al-Fares et al., SIGCOMM 2008.
 */
import type { Design } from '../../../shared/design/schema'

/** At most this many equal-cost paths per endpoint pair. */
export const MAX_PATHS = 16

/** The endpoint index of the outside world (north-south traffic). */
export const OUTSIDE = -2

/** A route: its equal-cost paths, each a list of resource indices in order. */
export type Route = readonly Int32Array[]

interface Attachment {
  /** Resource from the endpoint to the switch (index), or the reverse direction (+ rev). */
  up: number
  down: number
  switchIndex: number
  /** Element index (link or uplink) for failure checks. */
  element: number
}

/** The capacity resources and the routes of one design's fabric. */
export class Fabric {
  /** Per resource: capacity in Gbps. */
  readonly capacityGbps: Float64Array
  /** Per resource: its element (index into `elementIds`). */
  readonly resourceElement: Int32Array
  /** Links (in design order), then external uplinks. */
  readonly elementIds: string[]
  /** Per element: 1 when down. */
  readonly elementDown: Uint8Array
  readonly linkCount: number
  private readonly switchIndex = new Map<string, number>()
  private readonly switchDown: Uint8Array
  /** Per switch: its switch-to-switch neighbours [neighbour, resource, element] triples. */
  private readonly switchAdjacency: number[][]
  private readonly endpointIndex = new Map<string, number>()
  private readonly attachments: Attachment[][] = []
  private readonly outside: Attachment[] = []
  private readonly distTo = new Map<number, Int32Array>()
  /**
   * Routes computed so far, packed (fix7, review s6u: a 2,000-host run holds a route per host
   * pair; as one array of typed arrays each, they cost ~0.5 KB apiece): endpoint pair key →
   * offset into `routePool` (-1: no route), where a route is [k, length₁, path₁…, length₂, …].
   */
  private readonly routes = new Map<number, number>()
  private routePool = new Int32Array(1024)
  private routePoolUsed = 0
  /** Bumped by every `setDown`: routes computed before it are stale. */
  version = 0

  constructor(design: Design) {
    design.switches.forEach((s, i) => this.switchIndex.set(s.id, i))
    const S = design.switches.length
    this.switchDown = new Uint8Array(S)
    this.switchAdjacency = Array.from({ length: S }, () => [])
    const uplinks = design.fabric?.externalUplinks ?? []
    this.linkCount = design.links.length
    const resources = 2 * design.links.length + 2 * uplinks.length
    this.capacityGbps = new Float64Array(resources)
    this.resourceElement = new Int32Array(resources)
    this.elementIds = [...design.links.map((l) => l.id), ...uplinks.map((u) => u.id)]
    this.elementDown = new Uint8Array(this.elementIds.length)
    for (const h of design.hosts) this.endpointOf(h.id)
    for (const s of design.storage) this.endpointOf(s.id)
    design.links.forEach((l, i) => {
      this.capacityGbps[2 * i] = l.bandwidthGbps
      this.capacityGbps[2 * i + 1] = l.bandwidthGbps
      this.resourceElement[2 * i] = i
      this.resourceElement[2 * i + 1] = i
      const a = this.switchIndex.get(l.sourceId)
      const b = this.switchIndex.get(l.targetId)
      if (a !== undefined && b !== undefined) {
        this.switchAdjacency[a]?.push(b, 2 * i, i)
        this.switchAdjacency[b]?.push(a, 2 * i + 1, i)
      } else if (b !== undefined && this.endpointIndex.has(l.sourceId))
        this.attach(l.sourceId, { up: 2 * i, down: 2 * i + 1, switchIndex: b, element: i })
      else if (a !== undefined && this.endpointIndex.has(l.targetId))
        this.attach(l.targetId, { up: 2 * i + 1, down: 2 * i, switchIndex: a, element: i })
    })
    uplinks.forEach((u, k) => {
      const r = 2 * design.links.length + 2 * k
      const element = design.links.length + k
      this.capacityGbps[r] = u.capacityGbps
      this.capacityGbps[r + 1] = u.capacityGbps
      this.resourceElement[r] = element
      this.resourceElement[r + 1] = element
      for (const sid of u.switchIds) {
        const s = this.switchIndex.get(sid)
        // From the outside: in through the uplink (ingress r+1); out: egress r.
        if (s !== undefined) this.outside.push({ up: r + 1, down: r, switchIndex: s, element })
      }
    })
  }

  /** The endpoint index of a host or storage system id (undefined for anything else). */
  endpoint(id: string): number | undefined {
    return this.endpointIndex.get(id)
  }

  /** Marks a switch, link or uplink down or up; routes are recomputed. Unknown ids are ignored. */
  setDown(id: string, down: boolean): void {
    const s = this.switchIndex.get(id)
    if (s !== undefined) this.switchDown[s] = down ? 1 : 0
    const e = this.elementIds.indexOf(id)
    if (e >= 0) this.elementDown[e] = down ? 1 : 0
    this.distTo.clear()
    this.routes.clear()
    this.routePoolUsed = 0
    this.version++
  }

  /** Whether a switch (by id) is down. */
  isSwitchDown(id: string): boolean {
    const s = this.switchIndex.get(id)
    return s !== undefined && this.switchDown[s] === 1
  }

  /**
   * The equal-cost shortest paths from endpoint `src` to `dst` (`OUTSIDE` for the outside),
   * or undefined when none exists. The same endpoint: one empty path (traffic stays inside).
   */
  route(src: number, dst: number): Route | undefined {
    if (src === dst) return [new Int32Array(0)]
    const key = (src + 3) * 4_194_304 + (dst + 3)
    let at = this.routes.get(key)
    if (at === undefined) {
      const route = this.compute(src, dst)
      at = route ? this.pack(route) : -1
      this.routes.set(key, at)
      if (route) return route
    }
    if (at < 0) return undefined
    // views into the pool: valid as long as the caller holds them (a grown pool is a copy)
    const pool = this.routePool
    const paths: Int32Array[] = []
    let i = at + 1
    for (let k = pool[at] as number; k > 0; k--) {
      const length = pool[i] as number
      paths.push(pool.subarray(i + 1, i + 1 + length))
      i += 1 + length
    }
    return paths
  }

  /** Number of routes cached (for memory accounting in benchmarks). */
  get cachedRoutes(): number {
    return this.routes.size
  }

  /** Appends `route` to the pool; returns its offset. */
  private pack(route: Route): number {
    let size = 1
    for (const p of route) size += 1 + p.length
    if (this.routePoolUsed + size > this.routePool.length) {
      const grown = new Int32Array(Math.max(2 * this.routePool.length, this.routePoolUsed + size))
      grown.set(this.routePool.subarray(0, this.routePoolUsed))
      this.routePool = grown
    }
    const at = this.routePoolUsed
    const pool = this.routePool
    pool[at] = route.length
    let i = at + 1
    for (const p of route) {
      pool[i] = p.length
      pool.set(p, i + 1)
      i += 1 + p.length
    }
    this.routePoolUsed = i
    return at
  }

  private endpointOf(id: string): number {
    let e = this.endpointIndex.get(id)
    if (e === undefined) {
      e = this.attachments.length
      this.endpointIndex.set(id, e)
      this.attachments.push([])
    }
    return e
  }

  private attach(id: string, a: Attachment): void {
    this.attachments[this.endpointOf(id)]?.push(a)
  }

  private usable(a: Attachment): boolean {
    return this.elementDown[a.element] === 0 && this.switchDown[a.switchIndex] === 0
  }

  private compute(src: number, dst: number): Route | undefined {
    const from = (src === OUTSIDE ? this.outside : (this.attachments[src] ?? [])).filter((a) =>
      this.usable(a),
    )
    const to = (dst === OUTSIDE ? this.outside : (this.attachments[dst] ?? [])).filter((a) =>
      this.usable(a),
    )
    let best = Infinity
    for (const b of to) {
      const dist = this.distances(b.switchIndex)
      for (const a of from) {
        const d = dist[a.switchIndex] as number
        if (d >= 0 && d < best) best = d
      }
    }
    if (best === Infinity) return undefined
    const paths: Int32Array[] = []
    const middle: number[] = []
    for (const a of from)
      for (const b of to) {
        if (paths.length >= MAX_PATHS) break
        const dist = this.distances(b.switchIndex)
        if (dist[a.switchIndex] !== best) continue
        this.enumerate(a.switchIndex, b.switchIndex, dist, middle, (links) => {
          if (paths.length >= MAX_PATHS) return
          paths.push(Int32Array.from([a.up, ...links, b.down]))
        })
      }
    return paths
  }

  private enumerate(
    at: number,
    target: number,
    dist: Int32Array,
    trail: number[],
    emit: (links: number[]) => void,
  ): void {
    if (at === target) return emit(trail)
    const adjacency = this.switchAdjacency[at] as number[]
    const here = dist[at] as number
    for (let i = 0; i < adjacency.length; i += 3) {
      const next = adjacency[i] as number
      if (this.elementDown[adjacency[i + 2] as number] === 1 || dist[next] !== here - 1) continue
      trail.push(adjacency[i + 1] as number)
      this.enumerate(next, target, dist, trail, emit)
      trail.pop()
    }
  }

  /** Hop distances from every switch to switch `target` over up switches and links (-1: none). */
  private distances(target: number): Int32Array {
    let dist = this.distTo.get(target)
    if (dist) return dist
    dist = new Int32Array(this.switchAdjacency.length).fill(-1)
    if (this.switchDown[target] === 0) {
      dist[target] = 0
      const queue = [target]
      for (let q = 0; q < queue.length; q++) {
        const x = queue[q] as number
        const adjacency = this.switchAdjacency[x] as number[]
        for (let i = 0; i < adjacency.length; i += 3) {
          const y = adjacency[i] as number
          if (dist[y] !== -1 || this.switchDown[y] === 1) continue
          if (this.elementDown[adjacency[i + 2] as number] === 1) continue
          dist[y] = (dist[x] as number) + 1
          queue.push(y)
        }
      }
    }
    this.distTo.set(target, dist)
    return dist
  }
}
