/**
 * What `strata generate` adds to the synthetic datacenter so that a design "at scale"
 * exercises the network, storage and nesting models too (review s4, finding 18):
 *
 * - traffic (`--east-west P`, default 2): each workload (every Nth of its tenant with
 *   `eastWestEvery` N, default 1) sends 0.05 Gbps per instance to each of
 *   the next P workloads of its tenant (in design order, wrapping: a tenant with fewer
 *   workloads includes the workload itself), and every workload 0.01 Gbps each way to and from
 *   the Internet (an uplink on the core switches is added when the design has none, sized for
 *   the declared egress and ingress, `generate-capacity.ts`), on a diurnal profile (mean 50 %,
 *   swing 40 points); 0 = no traffic;
 * - storage I/O (`--storage-iops N`, default 100): each workload with a storage class issues
 *   N IOPS and N/10 MB/s per instance at 100 % (70 % reads), following its CPU demand, and
 *   every SAN can take all of it (`generate-capacity.ts`); 0 = none;
 * - node pools (`--node-pools N`, default 1): in each of the first N tenants that have a Linux
 *   VM workload (not anti-affine) and a Linux container workload, the VMs run Docker and the
 *   containers run inside them (nesting), like the sample's Globex; the node VMs are sized so
 *   every pod has room after the node's reserve (`generate-node-pool.ts`).
 *
 * Choices follow design order only (no randomness): same options, same bytes.
 */
import type { Design } from '../../../shared/design/schema'
import { sizeStorage, sizeUplink } from './generate-capacity'
import { makeNodePool } from './generate-node-pool'

/** The extras' options (counts; units in the names). */
export interface GenerateExtras {
  eastWestPeers: number
  /**
   * Only every Nth workload of a tenant (its 1st, N+1th, …) sends east-west (default 1: all;
   * 0: none, north-south traffic only).
   */
  eastWestEvery?: number
  storageIops: number
  nodePools: number
}

/** Per instance, each peer: Gbps. */
const EAST_WEST_GBPS = 0.05
/** Per instance, each way to and from the outside: Gbps. */
const NORTH_SOUTH_GBPS = 0.01

/** Least capacity of the Internet uplink added to a design without one, Gbps each way. */
const UPLINK_GBPS = 100

/** An external uplink on every core switch (north-south traffic leaves there), if none exists. */
function addInternetUplink(design: Design): void {
  const cores = design.switches.filter((s) => s.tier === 'core').map((s) => s.id)
  if (cores.length === 0 || (design.fabric?.externalUplinks.length ?? 0) > 0) return
  design.fabric = {
    failureSchedule: [],
    ...design.fabric,
    externalUplinks: [
      { id: 'uplink-internet', name: 'Internet', switchIds: cores, capacityGbps: UPLINK_GBPS },
    ],
  }
}

/** Adds traffic, storage I/O and node pools to `design` (in place) as the module says. */
export function addGenerateExtras(design: Design, o: GenerateExtras): void {
  const byTenant = new Map<string, Design['workloads']>()
  for (const w of design.workloads) {
    const list = byTenant.get(w.tenantId) ?? []
    list.push(w)
    byTenant.set(w.tenantId, list)
  }
  if (o.eastWestPeers > 0) addInternetUplink(design)
  if (o.eastWestPeers > 0)
    for (const list of byTenant.values())
      list.forEach((w, i) => {
        // the next workloads of its tenant; a tenant with fewer talks among its own instances
        const every = o.eastWestEvery ?? 1
        const peers = every > 0 && i % every === 0 ? Math.min(o.eastWestPeers, list.length) : 0
        w.traffic = {
          eastWest: Array.from({ length: peers }, (_, k) => ({
            peerWorkloadId: (list[(i + 1 + k) % list.length] as Design['workloads'][number]).id,
            sendGbps: EAST_WEST_GBPS,
          })),
          egressGbps: NORTH_SOUTH_GBPS,
          ingressGbps: NORTH_SOUTH_GBPS,
          profile: { profile: 'diurnal', meanPercent: 50, amplitudePercent: 40 },
        }
      })
  if (o.storageIops > 0)
    for (const w of design.workloads)
      if (w.storageClass)
        w.storageDemand = {
          peakIops: o.storageIops,
          peakThroughputMBps: o.storageIops / 10,
          readPercent: 70,
        }
  let pools = 0
  for (const list of byTenant.values()) {
    if (pools >= o.nodePools) break
    // a node group free to grow (anti-affine VMs are capped to a few hosts)
    const vm = list.find(
      (w) =>
        w.kind === 'vm' &&
        w.guestOs === 'linux' &&
        !w.nesting &&
        w.affinity.policy !== 'anti-affinity',
    )
    const inner = list.find((w) => w.kind === 'container' && w.guestOs === 'linux')
    if (!vm || !inner) continue
    makeNodePool(vm, inner)
    pools++
  }
  // the uplink and the SANs take what the design now declares (node pools moved instances)
  if (o.eastWestPeers > 0) sizeUplink(design, UPLINK_GBPS)
  if (o.storageIops > 0) sizeStorage(design)
}
