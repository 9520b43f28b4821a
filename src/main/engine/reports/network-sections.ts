/**
 * The network in the reports (issue 17): the provider's section (the most congested links —
 * time saturated, peak and mean utilization —, the top talkers, live migrations' traffic and
 * time on the network, switch energy, fabric failures) and a tenant's own (its virtual
 * links and the traffic the run carried or not, in virtual terms: workloads and the internet,
 * never a physical link, switch or another tenant; its sentences come from
 * `virtualBottlenecks` in `src/shared`, which the tenant view shows too).
 */
import type { Design } from '../../../shared/design/schema'
import type { NetworkLinkUsage } from '../../../shared/domain/network-result'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { TenantVirtualNetwork } from '../../../shared/domain/tenant-view'
import { virtualBottlenecks, virtualEndName } from '../../../shared/domain/virtual-network-text'
import { linkSaturatedS, saturatedOfText } from '../../../shared/domain/link-saturation'
import { duration, num, pct } from './format'
import { linkUsers } from './link-users'
import type { ReportSection } from './model'

/** Lines drawn in the utilization chart; tables show this many rows in HTML (CSV: all). */
const MAX_LINES = 12

/** Seconds link `l` was saturated (`linkSaturatedS`). */
export const saturatedS = linkSaturatedS

/** Total seconds live migrations spent copying memory over the network (Σ end − start). */
export function migrationNetworkS(r: SimulationResult): number {
  return r.migrations.reduce((s, m) => s + Math.max(0, m.endS - m.startS), 0)
}

/**
 * Links grouped by identical utilization series, in order of first appearance: equal-cost
 * paths share load evenly, so parallel links often carry exactly the same; one line (and one
 * CSV column) names them all instead of drawing the same numbers twice.
 */
function sameSeriesOnce(links: readonly NetworkLinkUsage[]): NetworkLinkUsage[][] {
  const groups = new Map<string, NetworkLinkUsage[]>()
  for (const l of links) {
    const key = l.utilizationSeries.join(',')
    const group = groups.get(key)
    if (group) group.push(l)
    else groups.set(key, [l])
  }
  return [...groups.values()]
}

/** `host-1 ↔ tor-1`: a link by its end points' names; an uplink by its own name. */
function linkNames(d: Design, names: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const l of d.links)
    out.set(l.id, `${names.get(l.sourceId) ?? l.sourceId} ↔ ${names.get(l.targetId) ?? l.targetId}`)
  for (const u of d.fabric?.externalUplinks ?? []) out.set(u.id, `${u.name || u.id} (uplink)`)
  return out
}

/** The provider's network section, or none when the run did not model traffic. */
export function providerNetworkSections(
  d: Design,
  r: SimulationResult | undefined,
  names: Map<string, string>,
): ReportSection[] {
  const net = r?.network
  if (!r || !net) return []
  const name = (id: string): string => names.get(id) ?? id
  const linkName = linkNames(d, names)
  const horizonS = r.summary.horizonS
  const links = net.links
    .map((l) => ({ l, saturatedS: saturatedS(l, net.timesS, horizonS) }))
    .sort(
      (a, b) =>
        b.saturatedS - a.saturatedS ||
        b.l.peakUtilization - a.l.peakUtilization ||
        b.l.meanUtilization - a.l.meanUtilization ||
        (a.l.id < b.l.id ? -1 : 1),
    )
  const talkers = net.tenants
    .flatMap((t) => t.workloads.map((w) => ({ tenantId: t.tenantId, ...w })))
    .sort((a, b) => b.gbSent - a.gbSent || (a.workloadId < b.workloadId ? -1 : 1))
  const sentGB = net.tenants.reduce((s, t) => s + t.gbSent + t.gbReceived, 0)
  const ingressGB = net.tenants.reduce((s, t) => s + t.gbReceived, 0)
  const lostGB = net.tenants.reduce((s, t) => s + t.demandNotServedGB, 0)
  const saturated = links.filter((x) => x.saturatedS > 0)
  const users = linkUsers(d, r)
  const usedBy = (id: string): string => {
    if (!users) return 'not computed (too many routes)'
    const tenants = [...(users.tenants.get(id) ?? [])].map(name).sort()
    if (users.migrations.has(id)) tenants.push('live migrations')
    return tenants.join(', ')
  }
  return [
    {
      id: 'network',
      title: 'Network',
      blocks: [
        {
          kind: 'text',
          text: 'Flows follow shortest paths through the switches, split evenly over equal-cost paths; each link’s capacity (per direction) is shared by max-min fairness. A link’s utilization is its busier direction’s; it counts as saturated at 99.9 % or more. “Routed over it” names the tenants whose declared traffic takes the link between the hosts where their instances ended the run (and live migrations that crossed it); the run keeps each link’s total load, not each tenant’s share of it.',
        },
        {
          kind: 'facts',
          items: [
            ['Traffic delivered', `${num(sentGB, 1)} GB`],
            ['of which in from outside (ingress)', `${num(ingressGB, 1)} GB`],
            [
              'Traffic not carried',
              `${num(lostGB, 1)} GB${sentGB + lostGB > 0 ? ` (${pct(lostGB / (sentGB + lostGB))})` : ''}`,
            ],
            ['Saturated links', saturatedOfText(saturated.length, net.links)],
            [
              'Live migrations on the network',
              `${num(r.migrations.length)}${r.migrationsTruncated ? ' (first records only)' : ''}, ${num(net.migrationGB, 1)} GB, ${duration(migrationNetworkS(r))} copying in all`,
            ],
            ['Switch energy', `${num(net.switchEnergyKWh, 3)} kWh`],
            ['Fabric failures', num(net.fabricFailures.length)],
          ],
        },
        {
          kind: 'table',
          table: {
            id: 'network-links',
            title: 'Most congested links',
            columns: [
              'link',
              'kind',
              'capacity Gbps',
              { label: 'saturated', csv: 'saturated_s', format: 'duration' },
              'peak utilization %',
              'mean utilization %',
              'routed over it',
            ],
            rows: links.map(({ l, saturatedS: s }) => [
              linkName.get(l.id) ?? l.id,
              l.kind,
              l.capacityGbps,
              s,
              l.peakUtilization * 100,
              l.meanUtilization * 100,
              usedBy(l.id),
            ]),
            displayLimit: MAX_LINES,
          },
        },
        {
          kind: 'table',
          table: {
            id: 'network-top-talkers',
            title: 'Top talkers',
            columns: ['tenant', 'workload', 'GB sent', 'GB not carried', 'not carried %'],
            rows: talkers.map((w) => {
              const demand = w.gbSent + w.demandNotServedGB
              return [
                name(w.tenantId),
                name(w.workloadId),
                w.gbSent,
                w.demandNotServedGB,
                demand > 0 ? (w.demandNotServedGB / demand) * 100 : 0,
              ]
            }),
            displayLimit: MAX_LINES,
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'network-utilization',
            title: `Utilization of the most congested links${links.length > MAX_LINES ? ` (the ${MAX_LINES} busiest)` : ''}`,
            yUnit: '%',
            timesS: net.timesS,
            kind: 'line',
            series: sameSeriesOnce(links.slice(0, MAX_LINES).map(({ l }) => l)).map((g) => ({
              name: g.map((l) => linkName.get(l.id) ?? l.id).join(', '),
              values: (g[0] as NetworkLinkUsage).utilizationSeries.map((u) => u * 100),
            })),
          },
        },
      ],
    },
  ]
}

/** A tenant's own network section, or none when its view has no virtual network. */
export function tenantNetworkSections(vn: TenantVirtualNetwork | undefined): ReportSection[] {
  if (!vn) return []
  const endName = (id: string | undefined): string => virtualEndName(vn, id)
  const t = vn.traffic
  const limits = virtualBottlenecks(vn)
  return [
    {
      id: 'network',
      title: 'Virtual network traffic',
      blocks: [
        {
          kind: 'facts',
          items: t
            ? [
                ['Traffic sent (billed)', `${num(t.gbSent, 2)} GB`],
                ['Traffic received from the internet', `${num(t.gbReceived, 2)} GB`],
                [
                  'Traffic not carried',
                  `${num(t.demandNotServedGB, 2)} GB (${pct(t.notServedFraction)})`,
                ],
              ]
            : [['Traffic', 'not simulated yet']],
        },
        ...limits.map((text) => ({ kind: 'text' as const, text })),
        {
          kind: 'table',
          table: {
            id: 'virtual-links',
            title: 'Your virtual links',
            columns: ['from', 'to', 'declared Gbps (100 % of the profile)'],
            rows: vn.links.map((l) =>
              l.kind === 'ingress'
                ? ['the internet', endName(l.workloadId), l.declaredGbps]
                : [endName(l.workloadId), endName(l.peerWorkloadId), l.declaredGbps],
            ),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'workload-traffic',
            title: 'Traffic of your workloads',
            columns: ['workload', 'GB sent', 'GB not carried', 'not carried %'],
            rows: (t?.workloads ?? []).map((w) => [
              endName(w.workloadId),
              w.gbSent,
              w.demandNotServedGB,
              w.notServedFraction * 100,
            ]),
          },
        },
      ],
    },
  ]
}
