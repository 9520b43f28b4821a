/**
 * A simulation result as Parquet tables, for pandas, DuckDB, Spark or OpenDC's notebooks.
 *
 * Tidy ("long") tables, one row per observation, snake_case column names that carry their
 * unit, written with hyparquet-writer (Snappy-compressed, one file per table):
 * - `series.parquet`: `time_s`, `total_power_w`, `active_hosts` — the datacenter per step;
 * - `tenant-series.parquet`: `time_s`, `tenant_id`, `vcpus`, `allocated_mips`,
 *   `requested_mips`, `cumulative_cost`, `memory_in_use_mib`, `memory_pressure_mib` — each
 *   tenant per step (cost in its bill currency);
 * - `tenants.parquet`: one row per tenant: `tenant_id`, `instances`, `vcpu_hours`,
 *   `memory_gib_hours`, `storage_gib_months`, `migrations`, `downtime_s`,
 *   `availability_percent`, `sla_availability_percent`, `sla_violation`, `requested_cpu_mi`,
 *   `steal_cpu_mi`, `lost_cpu_fraction`, `bill_total`, `currency`;
 * - `host-series.parquet` (when the run kept per-host series): `time_s`, `host_id`,
 *   `utilization` (0..1), `power_w`, `instances`, `memory_in_use_mib`, `memory_pressure_mib`;
 * - `energy.parquet`: `consumer` (`hosts`, `storage`, `switches` when modelled, then `total`),
 *   `energy_kwh`;
 * - with network traffic (issue 17): `links.parquet` (`link_id`, `kind`, `capacity_gbps`,
 *   `peak_utilization`, `mean_utilization`), `link-series.parquet` (`time_s`, `link_id`,
 *   `utilization`), `network-tenants.parquet` (`tenant_id`, `gb_sent`, `demand_not_served_gb`,
 *   `not_served_fraction`), `network-workloads.parquet` (the same per workload);
 * - with the storage model (issue 17): `storage-systems.parquet` (utilization, latency,
 *   `saturated_s`, `top_tenant_id`, `energy_kwh`, `downtime_s` per system),
 *   `storage-series.parquet` (`time_s`, `storage_id`, `iops_utilization`,
 *   `throughput_utilization`, `latency_ms`, `saturated_by`), `storage-tenants.parquet` (IOPS
 *   and MB/s served and not, latency, provisioned IOPS per tenant).
 * Nullable columns are those holding a null (a missing series sample, no top tenant).
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer'
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import type { NetworkResult } from '../../../shared/domain/network-result'
import type { StorageResult } from '../../../shared/domain/storage-result'

/** One Parquet file: its name and bytes. */
export interface ParquetFile {
  fileName: string
  bytes: Uint8Array
}

type Column = { name: string; type: 'DOUBLE' | 'INT32' | 'STRING' | 'BOOLEAN'; data: unknown[] }
type Cell = number | string | boolean | null | undefined

/** One column per field of a row table: `[name, type, value of a row]`. */
type RowField<T> = [string, Column['type'], (row: T) => Cell]

/** A table with one row per item. */
function rowTable<T>(rows: readonly T[], fields: RowField<T>[]): Column[] {
  return fields.map(([name, type, pick]) => ({
    name,
    type,
    data: rows.map((r) => pick(r) ?? null),
  }))
}

/** One column per series of a long table: `[name, type, series of an item]`. */
type SeriesField<T> = [string, Column['type'], (item: T) => readonly Cell[] | undefined]

/**
 * A tidy table of per-item time series: `time_s`, the item's id under `idName`, then one
 * column per series, one row per item and sample (a missing series or sample is null).
 */
function longTable<T>(
  timesS: readonly number[],
  idName: string,
  items: readonly T[],
  id: (item: T) => string,
  fields: SeriesField<T>[],
): Column[] {
  const n = timesS.length
  return [
    { name: 'time_s', type: 'DOUBLE', data: items.flatMap(() => timesS) },
    { name: idName, type: 'STRING', data: items.flatMap((t) => Array<string>(n).fill(id(t))) },
    ...fields.map(([name, type, pick]): Column => ({
      name,
      type,
      data: items.flatMap((t) => padded(pick(t), n)),
    })),
  ]
}

/** The result's tables as columns (name, Parquet type, values), before encoding. */
export function resultTables(result: SimulationResult): Record<string, Column[]> {
  const s = result.series
  const tables: Record<string, Column[]> = {
    series: [
      { name: 'time_s', type: 'DOUBLE', data: s.timesS },
      { name: 'total_power_w', type: 'DOUBLE', data: s.totalPowerW },
      { name: 'active_hosts', type: 'INT32', data: s.activeHosts },
    ],
    'tenant-series': longTable(s.timesS, 'tenant_id', s.tenants, (t) => t.tenantId, [
      ['vcpus', 'DOUBLE', (t) => t.vcpus],
      ['allocated_mips', 'DOUBLE', (t) => t.allocatedMips],
      ['requested_mips', 'DOUBLE', (t) => t.requestedMips],
      ['cumulative_cost', 'DOUBLE', (t) => t.cumulativeCost],
      ['memory_in_use_mib', 'DOUBLE', (t) => t.memoryInUseMiB],
      ['memory_pressure_mib', 'DOUBLE', (t) => t.memoryPressureMiB],
    ]),
    tenants: rowTable(result.tenants, [
      ['tenant_id', 'STRING', (u) => u.tenantId],
      ['instances', 'INT32', (u) => u.instances],
      ['unplaced_instances', 'INT32', (u) => u.unplacedInstances],
      ['vcpu_hours', 'DOUBLE', (u) => u.vcpuHours],
      ['memory_gib_hours', 'DOUBLE', (u) => u.memoryGiBHours],
      ['storage_gib_months', 'DOUBLE', (u) => u.storageGiBMonths],
      ['migrations', 'INT32', (u) => u.migrations],
      ['downtime_s', 'DOUBLE', (u) => u.downtimeS],
      ['availability_percent', 'DOUBLE', (u) => u.availabilityPercent],
      ['sla_availability_percent', 'DOUBLE', (u) => u.slaAvailabilityPercent],
      ['sla_violation', 'BOOLEAN', (u) => u.slaViolation],
      ['requested_cpu_mi', 'DOUBLE', (u) => u.requestedCpuMi],
      ['steal_cpu_mi', 'DOUBLE', (u) => u.stealCpuMi],
      ['lost_cpu_fraction', 'DOUBLE', (u) => u.lostCpuFraction],
      ['bill_total', 'DOUBLE', (u) => u.bill.total],
      ['currency', 'STRING', (u) => u.bill.currency],
    ]),
    energy: rowTable(energyLines(result), [
      ['consumer', 'STRING', ([consumer]) => consumer],
      ['energy_kwh', 'DOUBLE', ([, kWh]) => kWh],
    ]),
  }
  if (s.hosts.length > 0)
    tables['host-series'] = longTable(s.timesS, 'host_id', s.hosts, (h) => h.hostId, [
      ['utilization', 'DOUBLE', (h) => h.utilization],
      ['power_w', 'DOUBLE', (h) => h.powerW],
      ['instances', 'INT32', (h) => h.instances],
      ['memory_in_use_mib', 'DOUBLE', (h) => h.memoryInUseMiB],
      ['memory_pressure_mib', 'DOUBLE', (h) => h.memoryPressureMiB],
    ])
  if (result.network) Object.assign(tables, networkTables(result.network))
  if (result.storage) Object.assign(tables, storageTables(result.storage, s.timesS))
  return tables
}

/** The run's energy by consumer (`hosts`, `storage`, `switches`; `total` last), kWh. */
function energyLines(result: SimulationResult): Array<[string, number]> {
  const lines = Object.entries(result.summary.energyBreakdownKWh ?? {}).filter(
    (line): line is [string, number] => line[1] !== undefined,
  )
  return [...lines, ['total', result.summary.energyKWh]]
}

/** The `network` section (issue 17): links, their utilization over time, tenants' traffic. */
function networkTables(n: NetworkResult): Record<string, Column[]> {
  return {
    links: rowTable(n.links, [
      ['link_id', 'STRING', (l) => l.id],
      ['kind', 'STRING', (l) => l.kind],
      ['capacity_gbps', 'DOUBLE', (l) => l.capacityGbps],
      ['peak_utilization', 'DOUBLE', (l) => l.peakUtilization],
      ['mean_utilization', 'DOUBLE', (l) => l.meanUtilization],
    ]),
    'link-series': longTable(n.timesS, 'link_id', n.links, (l) => l.id, [
      ['utilization', 'DOUBLE', (l) => l.utilizationSeries],
    ]),
    'network-workloads': rowTable(
      n.tenants.flatMap((t) => t.workloads.map((w) => ({ tenantId: t.tenantId, ...w }))),
      [
        ['tenant_id', 'STRING', (w) => w.tenantId],
        ['workload_id', 'STRING', (w) => w.workloadId],
        ['gb_sent', 'DOUBLE', (w) => w.gbSent],
        ['demand_not_served_gb', 'DOUBLE', (w) => w.demandNotServedGB],
      ],
    ),
    'network-tenants': rowTable(n.tenants, [
      ['tenant_id', 'STRING', (t) => t.tenantId],
      ['gb_sent', 'DOUBLE', (t) => t.gbSent],
      ['demand_not_served_gb', 'DOUBLE', (t) => t.demandNotServedGB],
      ['not_served_fraction', 'DOUBLE', (t) => t.notServedFraction],
    ]),
  }
}

/** The `storage` section (issue 17): systems, their load over time, tenants' I/O. */
function storageTables(st: StorageResult, timesS: readonly number[]): Record<string, Column[]> {
  return {
    'storage-systems': rowTable(st.systems, [
      ['storage_id', 'STRING', (x) => x.storageId],
      ['peak_iops_utilization', 'DOUBLE', (x) => x.peakIopsUtilization],
      ['mean_iops_utilization', 'DOUBLE', (x) => x.meanIopsUtilization],
      ['peak_throughput_utilization', 'DOUBLE', (x) => x.peakThroughputUtilization],
      ['mean_throughput_utilization', 'DOUBLE', (x) => x.meanThroughputUtilization],
      ['mean_latency_ms', 'DOUBLE', (x) => x.meanLatencyMs],
      ['peak_latency_ms', 'DOUBLE', (x) => x.peakLatencyMs],
      ['saturated_s', 'DOUBLE', (x) => x.saturatedS],
      ['top_tenant_id', 'STRING', (x) => x.topTenantId],
      ['energy_kwh', 'DOUBLE', (x) => x.energyKWh],
      ['downtime_s', 'DOUBLE', (x) => x.downtimeS],
    ]),
    'storage-series': longTable(timesS, 'storage_id', st.systems, (x) => x.storageId, [
      ['iops_utilization', 'DOUBLE', (x) => x.series.iopsUtilization],
      ['throughput_utilization', 'DOUBLE', (x) => x.series.throughputUtilization],
      ['latency_ms', 'DOUBLE', (x) => x.series.latencyMs],
      ['saturated_by', 'STRING', (x) => x.series.saturatedBy.map((t) => t || null)],
    ]),
    'storage-tenants': rowTable(st.tenants, [
      ['tenant_id', 'STRING', (t) => t.tenantId],
      ['mean_demanded_iops', 'DOUBLE', (t) => t.meanDemandedIops],
      ['mean_served_iops', 'DOUBLE', (t) => t.meanServedIops],
      ['mean_not_served_iops', 'DOUBLE', (t) => t.meanNotServedIops],
      ['served_operations', 'DOUBLE', (t) => t.servedOperations],
      ['not_served_operations', 'DOUBLE', (t) => t.notServedOperations],
      ['mean_served_mbps', 'DOUBLE', (t) => t.meanServedMBps],
      ['mean_not_served_mbps', 'DOUBLE', (t) => t.meanNotServedMBps],
      ['mean_latency_ms', 'DOUBLE', (t) => t.meanLatencyMs],
      ['provisioned_iops', 'DOUBLE', (t) => t.provisionedIops],
      ['provisioned_iops_months', 'DOUBLE', (t) => t.provisionedIopsMonths],
    ]),
  }
}

/** A series of `n` samples (nulls where it is missing or shorter, e.g. a result predating it). */
function padded(values: readonly Cell[] | undefined, n: number): Cell[] {
  return Array.from({ length: n }, (_, i) => values?.[i] ?? null)
}

/** The result's tables encoded as Parquet files (`series.parquet`, `tenants.parquet`, ...). */
export function resultParquetFiles(result: SimulationResult, createdBy = 'strata'): ParquetFile[] {
  return Object.entries(resultTables(result)).map(([table, columns]) => ({
    fileName: `${table}.parquet`,
    bytes: new Uint8Array(
      parquetWriteBuffer({
        columnData: columns.map((c): ColumnSource => ({
          name: c.name,
          type: c.type,
          data: c.data as ColumnSource['data'],
          nullable: c.data.some((v) => v === null),
        })),
        kvMetadata: [{ key: 'strata.run_id', value: result.runId }],
        createdBy,
      }),
    ),
  }))
}
