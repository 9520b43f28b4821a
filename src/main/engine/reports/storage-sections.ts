/**
 * Storage in the reports (issue 17): the provider's section (every system's utilization,
 * latency, saturation and who saturated it, energy, outages, and each tenant's I/O served and
 * not served) and a tenant's own (its I/O only: no storage system, no other tenant).
 */
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { TenantStorageFigures } from '../../../shared/domain/tenant-view'
import { num, pct } from './format'
import type { ReportSection } from './model'

const MAX_LINES = 12

/** The provider's storage section, or none when the run did not use the storage model. */
export function providerStorageSections(
  r: SimulationResult | undefined,
  names: Map<string, string>,
): ReportSection[] {
  const st = r?.storage
  if (!r || !st) return []
  const name = (id: string): string => names.get(id) ?? id
  const busiest = [...st.systems]
    .sort(
      (a, b) =>
        b.meanIopsUtilization - a.meanIopsUtilization || (a.storageId < b.storageId ? -1 : 1),
    )
    .slice(0, MAX_LINES)
  return [
    {
      id: 'storage',
      title: 'Storage',
      blocks: [
        {
          kind: 'text',
          text: 'Each storage system’s IOPS and throughput are shared among the tenants using it: QoS minimums first, then weighted max-min fairness, capped by limits (or in proportion to demand); a replicated write costs its replication factor; latency follows R = S / (1 − U), U capped at 0.95.',
        },
        {
          kind: 'facts',
          items: [
            ['Storage energy', `${num(st.energyKWh, 3)} kWh`],
            ['Storage outages', num(st.failures.length)],
            [
              'Saturated systems',
              st.systems
                .filter((s) => s.saturatedS > 0)
                .map(
                  (s) =>
                    `${name(s.storageId)} (${num(s.saturatedS / 3600, 2)} h${s.topTenantId ? `, mostly ${name(s.topTenantId)}` : ''})`,
                )
                .join('; ') || 'none',
            ],
          ],
        },
        {
          kind: 'table',
          table: {
            id: 'storage-systems',
            title: 'Storage systems',
            columns: [
              'system',
              'peak IOPS utilization %',
              'mean IOPS utilization %',
              'peak throughput utilization %',
              'mean throughput utilization %',
              'mean latency ms',
              'peak latency ms',
              { label: 'saturated', csv: 'saturated_s', format: 'duration' },
              'saturated mostly by',
              'energy kWh',
              { label: 'down', csv: 'downtime_s', format: 'duration' },
            ],
            rows: st.systems.map((s) => [
              name(s.storageId),
              s.peakIopsUtilization * 100,
              s.meanIopsUtilization * 100,
              s.peakThroughputUtilization * 100,
              s.meanThroughputUtilization * 100,
              s.meanLatencyMs,
              s.peakLatencyMs,
              s.saturatedS,
              s.topTenantId ? name(s.topTenantId) : '',
              s.energyKWh,
              s.downtimeS,
            ]),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'storage-tenants',
            title: 'Tenants’ I/O on each system',
            columns: [
              'system',
              'tenant',
              'mean IOPS served',
              'mean IOPS not served',
              'share of capacity consumed %',
            ],
            rows: st.systems.flatMap((s) =>
              s.tenants.map((t) => [
                name(s.storageId),
                name(t.tenantId),
                t.meanServedIops,
                t.meanNotServedIops,
                t.consumedShare * 100,
              ]),
            ),
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'storage-iops-utilization',
            title: `IOPS utilization per storage system${st.systems.length > MAX_LINES ? ` (the ${MAX_LINES} busiest)` : ''}`,
            yUnit: '%',
            timesS: r.series.timesS,
            kind: 'line',
            series: busiest.map((s) => ({
              name: name(s.storageId),
              values: s.series.iopsUtilization.map((u) => u * 100),
            })),
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'storage-latency',
            title: 'Storage latency (M/M/1)',
            yUnit: 'ms',
            timesS: r.series.timesS,
            kind: 'line',
            series: busiest.map((s) => ({ name: name(s.storageId), values: s.series.latencyMs })),
          },
        },
      ],
    },
  ]
}

/** A tenant's own storage section, or none when its view has no storage figures. */
export function tenantStorageSections(s: TenantStorageFigures | undefined): ReportSection[] {
  if (!s) return []
  const asked = s.meanDemandedIops
  return [
    {
      id: 'storage',
      title: 'Storage I/O',
      blocks: [
        {
          kind: 'facts',
          items: [
            ['Mean IOPS asked', num(asked, 1)],
            ['Mean IOPS served', num(s.meanServedIops, 1)],
            [
              'Mean IOPS not served',
              `${num(s.meanNotServedIops, 1)}${asked > 0 ? ` (${pct(s.meanNotServedIops / asked)})` : ''}`,
            ],
            ['Mean throughput served', `${num(s.meanServedMBps, 2)} MB/s`],
            ['Mean throughput not served', `${num(s.meanNotServedMBps, 2)} MB/s`],
            ['Mean latency of served I/O', `${num(s.meanLatencyMs, 3)} ms`],
            ['Provisioned IOPS', num(s.provisionedIops)],
          ],
        },
      ],
    },
  ]
}
