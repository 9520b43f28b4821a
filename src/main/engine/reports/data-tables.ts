/** CSV-only tables with every time series and instance record of a run, in full. */
import type { HostSeries, SimulationResult } from '../../../shared/contract/calls/simulation'
import type { ReportBlock } from './model'

export function dataTables(r: SimulationResult, names: Map<string, string>): ReportBlock[] {
  const t = r.series.timesS
  const hostNames = r.series.hosts.map((h) => names.get(h.hostId) ?? h.hostId)
  const perHost = (id: string, title: string, pick: (h: HostSeries) => number[]): ReportBlock => ({
    kind: 'table',
    table: {
      id,
      title,
      csvOnly: true,
      columns: ['time_s', ...hostNames],
      rows: t.map((tS, i) => [tS, ...r.series.hosts.map((h) => pick(h)[i] ?? '')]),
    },
  })
  return [
    {
      kind: 'table',
      table: {
        id: 'series-totals',
        title: 'Totals over time',
        csvOnly: true,
        columns: ['time_s', 'total_power_w', 'active_hosts'],
        rows: t.map((tS, i) => [tS, r.series.totalPowerW[i] ?? '', r.series.activeHosts[i] ?? '']),
      },
    },
    perHost('series-host-utilization', 'CPU utilization per host (fraction)', (h) => h.utilization),
    perHost('series-host-power', 'Power per host (W)', (h) => h.powerW),
    perHost('series-host-instances', 'Instances per host', (h) => h.instances),
    {
      kind: 'table',
      table: {
        id: 'series-tenants',
        title: 'Tenants over time',
        csvOnly: true,
        columns: [
          'time_s',
          'tenant',
          'vcpus',
          'requested_mips',
          'allocated_mips',
          'cumulative_cost',
        ],
        rows: r.series.tenants.flatMap((x) =>
          t.map((tS, i) => [
            tS,
            names.get(x.tenantId) ?? x.tenantId,
            x.vcpus[i] ?? '',
            x.requestedMips[i] ?? '',
            x.allocatedMips[i] ?? '',
            x.cumulativeCost[i] ?? '',
          ]),
        ),
      },
    },
    {
      kind: 'table',
      table: {
        id: 'instances',
        title: 'Instances',
        csvOnly: true,
        columns: [
          'instance',
          'workload',
          'tenant',
          'initial host',
          'final host',
          'status',
          'migrations',
          'downtime_s',
          'availability_percent',
          'requested_cpu_mi',
          'allocated_cpu_mi',
          'interference_lost_mi',
        ],
        rows: r.instances.map((x) => [
          x.instanceId,
          x.workloadId,
          names.get(x.tenantId) ?? x.tenantId,
          x.initialHostId ? (names.get(x.initialHostId) ?? x.initialHostId) : '',
          x.finalHostId ? (names.get(x.finalHostId) ?? x.finalHostId) : '',
          x.status,
          x.migrations,
          x.downtimeS,
          x.availabilityPercent,
          x.requestedCpuMi,
          x.allocatedCpuMi,
          x.interferenceLostMi,
        ]),
      },
    },
  ]
}
