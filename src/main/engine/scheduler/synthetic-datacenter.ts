/**
 * A seeded synthetic datacenter for benchmarks and scale tests: racks of 40 hosts under a
 * ToR / aggregation / core fabric, two SANs, a mix of KVM, ESXi, Xen PV and LXC hosts, and
 * tenants with VM and container workloads of 10..90 instances in six flavors. Sized so that everything fits
 * (about 10 instances per host): a workload whose drawn kind has no room left on the hosts that
 * take it becomes one that has (`fitted`); every tenant gets instances when there are at least
 * as many instances as tenants. Same options = same design.
 */
import { defaultSimulationSettings, standardHost } from '../../../shared/design/defaults'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/design/enums'
import type { Design, Host, Workload } from '../../../shared/design/schema'
import { seededRandom } from './random'
import { SyntheticRoom } from './synthetic-fit'

export interface SyntheticOptions {
  hosts: number
  instances: number
  tenants?: number
  seed?: number
  /** Every Nth tenant wants dedicated hosts (0 = none, the default). */
  dedicatedEvery?: number
  /** Number of racks the hosts are spread over in order (default: one per 40 hosts). */
  racks?: number
}

const HOSTS_PER_RACK = 40

/** Ports of each rack's top-of-rack switch: one per host, and `TOR_UPLINKS` to aggregation. */
export const TOR_PORTS = 64
/** Links from each top-of-rack switch to the aggregation tier (one to each of agg-1, agg-2). */
export const TOR_UPLINKS = 2

/**
 * The fewest racks that hold `hosts` (review s8a #7: 100 hosts in 1 rack made a top-of-rack
 * switch of 64 ports with 102 links): ⌈hosts ÷ (TOR_PORTS − TOR_UPLINKS)⌉, as the hosts fill
 * ⌈hosts ÷ racks⌉ per rack.
 */
export function minimumRacks(hosts: number): number {
  return Math.max(1, Math.ceil(hosts / (TOR_PORTS - TOR_UPLINKS)))
}

/** A flavor catalogue, as clouds offer: instances come in a few sizes. */
const FLAVORS = [
  { vcpus: 1, memoryMiB: 2048, diskGiB: 20 },
  { vcpus: 2, memoryMiB: 4096, diskGiB: 40 },
  { vcpus: 4, memoryMiB: 8192, diskGiB: 80 },
  { vcpus: 8, memoryMiB: 16384, diskGiB: 160 },
  { vcpus: 4, memoryMiB: 4096, diskGiB: 40 },
  { vcpus: 2, memoryMiB: 16384, diskGiB: 80 },
] as const

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Builds the design (defaults filled in, no parsing needed). */
export function syntheticDatacenter(options: SyntheticOptions): Design {
  const next = seededRandom(options.seed ?? 0)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const tenantCount = Math.max(1, options.tenants ?? 50)
  const rackCount = Math.max(1, options.racks ?? Math.ceil(options.hosts / HOSTS_PER_RACK))
  const hostsPerRack = options.racks
    ? Math.max(1, Math.ceil(options.hosts / rackCount))
    : HOSTS_PER_RACK
  const d: Design = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name: `synthetic ${options.hosts} hosts`, description: '' },
    zones: [],
    racks: [],
    hosts: [],
    switches: [
      { id: 'core-1', name: 'core-1', tier: 'core', ports: 4096, portGbps: 400 },
      { id: 'agg-1', name: 'agg-1', tier: 'aggregation', ports: 4096, portGbps: 100 },
      { id: 'agg-2', name: 'agg-2', tier: 'aggregation', ports: 4096, portGbps: 100 },
    ],
    links: [],
    storage: ['san-1', 'san-2'].map((id) => ({
      id,
      name: id,
      kind: 'san' as const,
      capacityGiB: options.instances * 1000,
      iops: options.instances * 1000,
      throughputMBps: 100_000,
      replication: 2,
      classes: ['block-ssd'],
    })),
    tenants: [],
    networks: [],
    workloads: [],
    traces: [],
    simulation: { ...defaultSimulationSettings(), seed: options.seed ?? 0 },
  }
  let link = 0
  const connect = (a: string, b: string, gbps: number): void => {
    d.links.push({
      id: `l-${++link}`,
      sourceId: a,
      targetId: b,
      bandwidthGbps: gbps,
      latencyMs: 0.01,
    })
  }
  for (const s of ['san-1', 'san-2']) for (const a of ['agg-1', 'agg-2']) connect(s, a, 400)
  connect('agg-1', 'core-1', 400)
  connect('agg-2', 'core-1', 400)
  for (let r = 0; r < rackCount; r++) {
    const rackId = `rack-${pad(r, 4)}`
    d.racks.push({
      id: rackId,
      name: rackId,
      uplinkOversubscription: 3,
      cpuAllocationRatio: 4,
      memoryAllocationRatio: 1.2,
    })
    const tor = `tor-${pad(r, 4)}`
    d.switches.push({ id: tor, name: tor, tier: 'access', ports: TOR_PORTS, portGbps: 25, rackId })
    connect(tor, 'agg-1', 400)
    connect(tor, 'agg-2', 400)
  }
  for (let i = 0; i < options.hosts; i++) {
    const roll = next()
    const virtualization: Host['virtualization'] =
      roll < 0.65
        ? { kind: 'hvm', product: 'kvm', hostOs: 'linux' }
        : roll < 0.75
          ? { kind: 'hvm', product: 'esxi', hostOs: 'linux' }
          : roll < 0.85
            ? { kind: 'pv', product: 'xen-pv', hostOs: 'linux' }
            : { kind: 'os', product: 'lxc', hostOs: 'linux' }
    const id = `host-${pad(i, 6)}`
    const rackId = `rack-${pad(Math.floor(i / hostsPerRack), 4)}`
    d.hosts.push({
      id,
      name: id,
      rackId,
      ...standardHost(),
      virtualization,
    })
    connect(id, `tor-${rackId.slice(5)}`, 25)
  }
  for (let t = 0; t < tenantCount; t++) {
    const id = `tenant-${pad(t, 4)}`
    d.tenants.push({
      id,
      name: `Tenant ${t}`,
      colour: '#1f77b4',
      isolation:
        options.dedicatedEvery && t % options.dedicatedEvery === options.dedicatedEvery - 1
          ? 'dedicated-hosts'
          : 'shared',
      quotas: {},
      pricing: {
        basis: 'allocated',
        currency: 'USD',
        vcpuHour: 0,
        memoryGiBHour: 0,
        storageGiBMonth: 0,
      },
      slaAvailabilityPercent: 99.9,
      showHostNames: false,
    })
  }
  // Containers only where some host runs OS-level virtualization (small datacenters may have
  // none); the draw is made either way so the rest of the design stays the same.
  const osHosts = d.hosts.some((h) => h.virtualization.kind === 'os')
  const room = new SyntheticRoom(d.hosts, d.racks[0])
  let left = options.instances
  // Workload w goes to tenant w mod T: while every tenant has not had its first workload, a
  // workload takes at most its fair share (instances / T) and leaves one instance for each
  // tenant still to come, so every tenant gets instances whenever instances >= tenants.
  const fairShare = Math.max(1, Math.ceil(options.instances / tenantCount))
  for (let w = 0; left > 0; w++) {
    const container = next() < 0.2 && osHosts
    const policy = next()
    // Anti-affine groups stay small enough to find distinct container hosts (15 % of hosts).
    const cap = policy < 0.1 ? Math.max(1, Math.floor(options.hosts * 0.05)) : 90
    const drawn = Math.min(left, Math.min(cap, 10 + Math.floor(next() * 81)))
    const firstRound = w < tenantCount
    const count = firstRound
      ? Math.max(1, Math.min(drawn, fairShare, left - (tenantCount - w - 1)))
      : drawn
    left -= count
    const flavor = pick(FLAVORS)
    const workload: Workload = {
      id: `w-${pad(w, 6)}`,
      tenantId: `tenant-${pad(w % tenantCount, 4)}`,
      name: `workload ${w}`,
      kind: container ? 'container' : 'vm',
      count,
      vcpus: flavor.vcpus,
      mipsPerVcpu: 2000,
      memoryMiB: flavor.memoryMiB,
      diskGiB: flavor.diskGiB,
      guestOs: 'linux',
      paravirtAware: next() < 0.3,
      reservedBandwidthMbps: 50 * flavor.vcpus,
      iops: 100,
      affinity:
        policy < 0.1
          ? { policy: 'anti-affinity', scope: 'host' }
          : { policy: 'none', scope: 'host' },
    }
    if (next() < 0.5) workload.storageClass = 'block-ssd'
    const chosen = fitted(workload, room, osHosts)
    // what did not fit goes to the next workloads
    left += workload.count - chosen.count
    d.workloads.push(chosen)
  }
  return d
}

/**
 * `w` as drawn when its instances fit the room left (`SyntheticRoom`), else the first of its
 * other kinds that fits (a VM that is paravirtualization-aware, so Xen PV hosts take it too; a
 * container where LXC hosts have room; a VM instead of a container), else the kind that holds
 * most of them with as many instances as fit (the rest go to the next workloads), else as
 * drawn (the datacenter is full). The room is then taken. Large datacenters keep their draw:
 * the changes come where few hosts are drawn.
 */
function fitted(w: Workload, room: SyntheticRoom, osHosts: boolean): Workload {
  const asVm: Workload = { ...w, kind: 'vm' }
  const variants: Workload[] = [w, { ...asVm, paravirtAware: true }, asVm]
  if (osHosts) variants.push({ ...w, kind: 'container' })
  const fit = variants.map((v) => room.fitCount(v))
  const whole = variants.findIndex((_, i) => (fit[i] ?? 0) >= w.count)
  const most = fit.indexOf(Math.max(...fit))
  const chosen: Workload =
    whole >= 0
      ? (variants[whole] as Workload)
      : (fit[most] ?? 0) > 0
        ? { ...(variants[most] as Workload), count: fit[most] as number }
        : w
  room.place(chosen)
  return chosen
}
