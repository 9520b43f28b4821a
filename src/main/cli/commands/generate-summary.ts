/**
 * What `strata generate` says about the design it wrote: its size, whether and how its
 * east-west traffic was thinned, and what it declares against what carries it (the Internet
 * uplink, each SAN); and which `--east-west` values fit the run's flow limit.
 */
import type { Design } from '../../../shared/design/schema'
import { counted, groupedNumber } from '../../../shared/domain/number-text'
import { flowBound, MAX_TENANT_FLOWS } from '../../engine'
import type { GenerateOptions } from './generate'
import { declaredDemand } from './generate-capacity'
import { addGenerateExtras } from './generate-extras'

/**
 * The most host-pair flows the default traffic of a generated design may make (its flow bound,
 * `flowBound`, as `strata validate` computes it): a quarter of the run's limit
 * (`MAX_TENANT_FLOWS`), so a generated design runs at every size (review s6u #4: 10,000 hosts
 * with 2 peers per workload made 8.3 million) and its flows stay a few hundred MB.
 */
export const GENERATED_FLOW_BOUND = MAX_TENANT_FLOWS / 4

/**
 * What `strata generate` prints after writing: the size, then what the design declares
 * against what carries it (the Internet uplink, each SAN), so a planner sees at once whether a
 * run will saturate them (review s7u #4).
 */
export function generateSummary(out: string, design: Design, o: GenerateOptions): string[] {
  const n = (x: number, unit: string): string => {
    const tenth = Math.round(x * 10) / 10
    return `${groupedNumber(tenth, Number.isInteger(tenth) ? 0 : 1)} ${unit}`
  }
  const lines = [
    `wrote ${out}: ${counted(o.hosts, 'host')} in ${counted(design.racks.length, 'rack')}, ` +
      `${counted(design.tenants.length, 'tenant')}, ${counted(o.instances, 'instance')} in ` +
      `${counted(design.workloads.length, 'workload')} (seed ${o.seed})`,
  ]
  const senders = design.workloads.filter((w) => (w.traffic?.eastWest.length ?? 0) > 0)
  const peers = Math.max(0, ...senders.map((w) => w.traffic?.eastWest.length ?? 0))
  if (design.workloads.some((w) => w.traffic))
    lines.push(
      `  east-west: ${groupedNumber(senders.length)} of ${counted(design.workloads.length, 'workload')} ` +
        `send to ${counted(peers, 'peer workload')} each` +
        (senders.length < design.workloads.length && o.eastWestPeers === undefined
          ? ` (thinned so the flow bound stays under ${groupedNumber(GENERATED_FLOW_BOUND)})`
          : ''),
    )
  const d = declaredDemand(design)
  const uplink = design.fabric?.externalUplinks.find((u) => u.id === 'uplink-internet')
  if (uplink)
    lines.push(
      `  Internet uplink ${n(uplink.capacityGbps, 'Gbps')} each way, for ` +
        `${n(d.egressGbps, 'Gbps')} egress and ${n(d.ingressGbps, 'Gbps')} ingress declared`,
    )
  const sans = design.storage.filter((s) => s.kind === 'san')
  const first = sans[0]
  if (first && d.iops > 0) {
    const c = d.consumed(first.replication)
    // review s9u C13: "16,000,000 IOPS … for 1,066,650 IOPS declared" read as "sized for"; the
    // line now says how many times the declared peak each SAN can take
    lines.push(
      `  storage: ${counted(sans.length, 'SAN')} of ${n(first.iops, 'IOPS')} and ` +
        `${n(first.throughputMBps, 'MB/s')} each; the declared peak (writes × ` +
        `${first.replication} copies) is ${n(c.iops, 'IOPS')} and ${n(c.throughputMBps, 'MB/s')}, ` +
        `so each SAN takes ${times(first.iops / c.iops)} the IOPS and ` +
        `${times(first.throughputMBps / c.throughputMBps)} the MB/s`,
    )
  }
  return lines
}

/**
 * A headroom factor as "15×" (whole, from 10) or "1.3×", rounded down so it never overstates
 * what a SAN can take.
 */
export function times(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞×'
  const shown = ratio >= 10 ? Math.floor(ratio) : Math.floor(ratio * 10 + 1e-9) / 10
  return `${groupedNumber(shown, ratio >= 10 ? 0 : 1)}×`
}

/**
 * The `--east-west` values below `given` whose flow bound a run allows (review s7u #5: at
 * 10,000 hosts `--east-west 1` was told to try "1 or 0"): `--east-west 1 or 0`, or
 * `--east-west 0`. The bound only grows with the peers, so they are 0 up to the largest that fits.
 */
export function fittingPeers(design: Design, given: number): string {
  const probe = structuredClone(design)
  let largest = 0
  for (let p = given - 1; p > 0; p--) {
    addGenerateExtras(probe, { eastWestPeers: p, storageIops: 0, nodePools: 0 })
    if (flowBound(probe).totalFlows <= MAX_TENANT_FLOWS) {
      largest = p
      break
    }
  }
  const values = Array.from({ length: largest + 1 }, (_, i) => largest - i)
  return `--east-west ${values.length > 1 ? `${values.slice(0, -1).join(', ')} or 0` : '0'}`
}
