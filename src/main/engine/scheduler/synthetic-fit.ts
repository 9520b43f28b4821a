/**
 * The room a synthetic datacenter's hosts leave, by the guests they take, so that the generator
 * gives each workload a kind that fits (review s7u #2: with few hosts, the seeded draw could
 * put 72 VMs on 5 hypervisor hosts next to 4 container hosts, or containers where there is one
 * LXC host, and the scheduler refused them). Three classes of host: hardware-assisted
 * hypervisors (KVM, ESXi: any VM), Xen PV (paravirtualization-aware VMs only) and LXC
 * (containers only), as `acceptsGuest` says. Room is the scheduler's allocatable capacity
 * (`hostCapacity`) less what each instance takes there (`instanceDemand`, overheads included),
 * summed over the class's hosts and kept at `FILL` of it, so bin-packing loss (at most about
 * one instance a host) never makes a counted fit a refusal.
 */
import type { Design, Host, Rack, Workload } from '../../../shared/design/schema'
import { overheadsFor } from '../virtualization'
import { hostCapacity, instanceDemand, type InstanceDemand } from './capacity'

/** The share of each class's capacity the generator fills. */
export const FILL = 0.8

type HostClass = 'hvm' | 'pv' | 'os'

interface ClassRoom {
  hosts: number
  sample?: Host
  vcpuMilli: number
  memoryMiB: number
  diskGiB: number
  instances: number
}

const RESOURCES = ['vcpuMilli', 'memoryMiB', 'diskGiB'] as const

const classOf = (h: Host): HostClass | undefined => {
  const k = h.virtualization.kind
  return k === 'hvm' || k === 'pv' || k === 'os' ? k : undefined
}

/** What is left on the hosts of each class; `place` takes a workload's instances from it. */
export class SyntheticRoom {
  private readonly room: Record<HostClass, ClassRoom>
  private readonly rack: Rack | undefined

  constructor(hosts: readonly Host[], rack: Rack | undefined) {
    this.rack = rack
    const empty = (): ClassRoom => ({
      hosts: 0,
      vcpuMilli: 0,
      memoryMiB: 0,
      diskGiB: 0,
      instances: 0,
    })
    this.room = { hvm: empty(), pv: empty(), os: empty() }
    for (const h of hosts) {
      const c = classOf(h)
      if (!c) continue
      const cap = hostCapacity(h, rack, overheadsFor(h))
      const r = this.room[c]
      r.hosts++
      r.sample ??= h
      r.vcpuMilli += cap.vcpuMilli * FILL
      r.memoryMiB += cap.memoryMiB * FILL
      r.diskGiB += cap.diskGiB * FILL
      r.instances += cap.maxInstances * FILL
    }
  }

  /** The classes whose hosts take `w`, the hypervisors first. */
  private classesFor(w: Workload): HostClass[] {
    if (w.kind === 'container') return ['os']
    return w.paravirtAware ? ['hvm', 'pv'] : ['hvm']
  }

  private demand(c: HostClass, w: Workload): InstanceDemand | undefined {
    const sample = this.room[c].sample
    if (!sample) return undefined
    const o = overheadsFor(sample)
    const out: InstanceDemand = {
      vcpuMilli: 0,
      memoryMiB: 0,
      diskGiB: 0,
      mips: 0,
      bandwidthMbps: 0,
    }
    return instanceDemand(w, o, hostCapacity(sample, this.rack, o), out)
  }

  /** How many instances of `w` the room of class `c` holds. */
  private fitIn(c: HostClass, w: Workload): number {
    const d = this.demand(c, w)
    const r = this.room[c]
    if (!d) return 0
    let n = Math.floor(r.instances)
    for (const k of RESOURCES) if (d[k] > 0) n = Math.min(n, Math.floor(r[k] / d[k]))
    return Math.max(0, n)
  }

  /** How many of `w`'s instances fit (anti-affine ones on distinct hosts). */
  fitCount(w: Workload): number {
    const classes = this.classesFor(w)
    const fit = classes.reduce((n, c) => n + this.fitIn(c, w), 0)
    if (w.affinity.policy !== 'anti-affinity') return fit
    return Math.min(
      fit,
      classes.reduce((n, c) => n + this.room[c].hosts, 0),
    )
  }

  /** Takes `w`'s instances from the room, its first class first (never below 0). */
  place(w: Workload): void {
    let left = w.count
    for (const c of this.classesFor(w)) {
      const n = Math.min(left, this.fitIn(c, w))
      const d = this.demand(c, w)
      const r = this.room[c]
      if (!d) continue
      const take = c === this.classesFor(w).at(-1) ? left : n
      for (const k of RESOURCES) r[k] = Math.max(0, r[k] - take * d[k])
      r.instances = Math.max(0, r.instances - take)
      left -= take
    }
  }
}

/**
 * What the hosts of a generated design hold of its instances, by the generator's room estimate
 * (`SyntheticRoom`, each class filled to `FILL`): `fitting` of its `instances` fit, and about
 * `hostsNeeded` hosts of the same mix would hold them all.
 */
export interface SyntheticFit {
  /** Instances the design declares (nested ones included). */
  instances: number
  /** Instances that fit, walking the workloads in design order as the generator fills them. */
  fitting: number
  /** Hosts of the same mix that would hold every instance (the given count when all fit). */
  hostsNeeded: number
}

/**
 * How much of `design` its hosts hold (review s8a #7: 40 hosts were given 2,000 instances and
 * the scheduler refused 1,188 without a word from `strata generate`). Top-level workloads take
 * room in design order, as many instances as fit; a nested workload (a node pool's pods) fits
 * in the share of its node VMs that fit, rounded down. Hosts needed scale with the shortfall:
 * ⌈hosts × instances ÷ fitting⌉ (room grows with the hosts of the same mix).
 */
export function syntheticFit(design: Pick<Design, 'hosts' | 'racks' | 'workloads'>): SyntheticFit {
  const room = new SyntheticRoom(design.hosts, design.racks[0])
  const fitOf = new Map<string, number>()
  let instances = 0
  let fitting = 0
  for (const w of design.workloads) {
    instances += w.count
    if (w.nesting) continue
    const n = Math.min(w.count, room.fitCount(w))
    fitOf.set(w.id, n)
    room.place({ ...w, count: n })
    fitting += n
  }
  for (const w of design.workloads) {
    const outer = w.nesting && design.workloads.find((o) => o.id === w.nesting?.runsIn)
    if (outer && outer.count > 0)
      fitting += Math.min(w.count, Math.floor((w.count * (fitOf.get(outer.id) ?? 0)) / outer.count))
  }
  const hosts = design.hosts.length
  const hostsNeeded =
    fitting >= instances ? hosts : fitting > 0 ? Math.ceil((hosts * instances) / fitting) : Infinity
  return { instances, fitting, hostsNeeded }
}
