/**
 * The Internet uplink and the SANs of a `strata generate` design, sized for the traffic and
 * storage I/O the design declares (review s7u #4: a fixed 100 Gbps uplink for 800 Gbps declared
 * at 10,000 hosts, and SANs of 100,000 MB/s for 520,000 MB/s, so 65 % of the traffic was not
 * carried and san-1 was saturated all day), as the east-west traffic already scales:
 *
 * - the uplink carries the larger of the declared egress and ingress (Σ count × Gbps, at 100 %
 *   of the profile), rounded up to 100 Gbps, at least 100 Gbps; the aggregation-to-core links
 *   that lead to it share the same figure;
 * - each SAN can take every storage workload's declared peak on its own (the scheduler may put
 *   all volumes on one): IOPS and MB/s consumed, reads + writes × its replication (the storage
 *   model's accounting), rounded up to 1,000.
 */
import type { Design } from '../../../shared/design/schema'

/** The traffic and storage I/O a design declares at 100 % of its profiles. */
export interface DeclaredDemand {
  egressGbps: number
  ingressGbps: number
  /** Front-end operations and MB/s (before replication). */
  iops: number
  throughputMBps: number
  /** The same, as consumed on a system with `replication` copies (reads + writes × copies). */
  consumed: (replication: number) => { iops: number; throughputMBps: number }
}

/** Sums `design`'s declared traffic and storage I/O over its workloads' instances. */
export function declaredDemand(design: Design): DeclaredDemand {
  let egressGbps = 0
  let ingressGbps = 0
  let reads = 0
  let writes = 0
  let readMBps = 0
  let writeMBps = 0
  for (const w of design.workloads) {
    egressGbps += w.count * (w.traffic?.egressGbps ?? 0)
    ingressGbps += w.count * (w.traffic?.ingressGbps ?? 0)
    const s = w.storageDemand
    if (!s || !w.storageClass) continue
    const read = s.readPercent / 100
    reads += w.count * s.peakIops * read
    writes += w.count * s.peakIops * (1 - read)
    readMBps += w.count * s.peakThroughputMBps * read
    writeMBps += w.count * s.peakThroughputMBps * (1 - read)
  }
  return {
    egressGbps,
    ingressGbps,
    iops: reads + writes,
    throughputMBps: readMBps + writeMBps,
    consumed: (replication) => ({
      iops: reads + writes * replication,
      throughputMBps: readMBps + writeMBps * replication,
    }),
  }
}

const roundUp = (x: number, step: number): number => Math.ceil(x / step - 1e-9) * step

/** Sizes the uplink (and the aggregation-to-core links) of `design` for its declared traffic. */
export function sizeUplink(design: Design, minimumGbps: number): void {
  const uplink = design.fabric?.externalUplinks.find((u) => u.id === 'uplink-internet')
  if (!uplink) return
  const d = declaredDemand(design)
  const gbps = Math.max(minimumGbps, roundUp(Math.max(d.egressGbps, d.ingressGbps), 100))
  uplink.capacityGbps = gbps
  const cores = new Set(uplink.switchIds)
  const tier = new Map(design.switches.map((s) => [s.id, s.tier]))
  const toCore = design.links.filter(
    (l) =>
      (cores.has(l.sourceId) && tier.get(l.targetId) === 'aggregation') ||
      (cores.has(l.targetId) && tier.get(l.sourceId) === 'aggregation'),
  )
  const each = roundUp(gbps / Math.max(1, toCore.length), 100)
  for (const l of toCore) l.bandwidthGbps = Math.max(l.bandwidthGbps, each)
}

/** Sizes every SAN of `design` to take all of its declared storage I/O alone. */
export function sizeStorage(design: Design): void {
  const d = declaredDemand(design)
  for (const s of design.storage) {
    if (s.kind !== 'san') continue
    const c = d.consumed(s.replication)
    s.iops = Math.max(s.iops, roundUp(c.iops, 1000))
    s.throughputMBps = Math.max(s.throughputMBps, roundUp(c.throughputMBps, 1000))
  }
}
