/**
 * CSV-only tables with every time series and instance record of a run, in full. They are the
 * one copy of the run's series in the export: the report's charts point at them
 * (`dataTableId`) instead of writing their own. Units: time in s, utilization in percent,
 * power in W, CPU in MIPS, memory in MiB, cost in the `currency` column's currency.
 */
import { instanceLabel } from '../../../shared/design/instance-label'
import type { HostSeries, SimulationResult } from '../../../shared/domain/simulation-result'
import type { ReportBlock } from './model'

export function dataTables(r: SimulationResult, names: Map<string, string>): ReportBlock[] {
  const t = r.series.timesS
  const hostNames = r.series.hosts.map((h) => names.get(h.hostId) ?? h.hostId)
  const perHost = (
    id: string,
    title: string,
    unit: string,
    pick: (h: HostSeries) => number[],
  ): ReportBlock => ({
    kind: 'table',
    table: {
      id,
      title,
      csvOnly: true,
      columns: ['time_s', ...hostNames.map((n) => (unit ? `${n} (${unit})` : n))],
      rows: t.map((tS, i) => [tS, ...r.series.hosts.map((h) => pick(h)[i] ?? '')]),
    },
  })
  const currency = new Map(r.tenants.map((u) => [u.tenantId, u.bill.currency]))
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
    perHost('series-host-utilization', 'CPU utilization per host (%)', '%', (h) =>
      h.utilization.map((u) => u * 100),
    ),
    perHost('series-host-power', 'Power per host (W)', 'W', (h) => h.powerW),
    perHost('series-host-instances', 'Instances per host', '', (h) => h.instances),
    perHost(
      'series-host-memory-in-use',
      'Memory in use per host (MiB)',
      'MiB',
      (h) => h.memoryInUseMiB ?? [],
    ),
    perHost(
      'series-host-memory-pressure',
      'Memory pressure per host (MiB)',
      'MiB',
      (h) => h.memoryPressureMiB ?? [],
    ),
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
          'currency',
          'memory_in_use_mib',
          'memory_pressure_mib',
        ],
        rows: r.series.tenants.flatMap((x) =>
          t.map((tS, i) => [
            tS,
            names.get(x.tenantId) ?? x.tenantId,
            x.vcpus[i] ?? '',
            x.requestedMips[i] ?? '',
            x.allocatedMips[i] ?? '',
            x.cumulativeCost[i] ?? '',
            currency.get(x.tenantId) ?? '',
            x.memoryInUseMiB?.[i] ?? '',
            x.memoryPressureMiB?.[i] ?? '',
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
          'instance_id',
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
          instanceLabel(x.instanceId, (id) => names.get(id)),
          x.instanceId,
          names.get(x.workloadId) ?? x.workloadId,
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
