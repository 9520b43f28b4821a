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
 *   `utilization` (0..1), `power_w`, `instances`, `memory_in_use_mib`, `memory_pressure_mib`.
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer'
import type { SimulationResult } from '../../../shared/contract/calls/simulation'

/** One Parquet file: its name and bytes. */
export interface ParquetFile {
  fileName: string
  bytes: Uint8Array
}

type Column = { name: string; type: 'DOUBLE' | 'INT32' | 'STRING' | 'BOOLEAN'; data: unknown[] }

/** The result's tables as columns (name, Parquet type, values), before encoding. */
export function resultTables(result: SimulationResult): Record<string, Column[]> {
  const s = result.series
  const n = s.timesS.length
  const tables: Record<string, Column[]> = {
    series: [
      { name: 'time_s', type: 'DOUBLE', data: s.timesS },
      { name: 'total_power_w', type: 'DOUBLE', data: s.totalPowerW },
      { name: 'active_hosts', type: 'INT32', data: s.activeHosts },
    ],
    'tenant-series': [
      { name: 'time_s', type: 'DOUBLE', data: s.tenants.flatMap(() => s.timesS) },
      {
        name: 'tenant_id',
        type: 'STRING',
        data: s.tenants.flatMap((t) => Array<string>(n).fill(t.tenantId)),
      },
      { name: 'vcpus', type: 'DOUBLE', data: s.tenants.flatMap((t) => t.vcpus) },
      { name: 'allocated_mips', type: 'DOUBLE', data: s.tenants.flatMap((t) => t.allocatedMips) },
      { name: 'requested_mips', type: 'DOUBLE', data: s.tenants.flatMap((t) => t.requestedMips) },
      { name: 'cumulative_cost', type: 'DOUBLE', data: s.tenants.flatMap((t) => t.cumulativeCost) },
      {
        name: 'memory_in_use_mib',
        type: 'DOUBLE',
        data: s.tenants.flatMap((t) => padded(t.memoryInUseMiB, n)),
      },
      {
        name: 'memory_pressure_mib',
        type: 'DOUBLE',
        data: s.tenants.flatMap((t) => padded(t.memoryPressureMiB, n)),
      },
    ],
    tenants: tenantColumns(result),
  }
  if (s.hosts.length > 0)
    tables['host-series'] = [
      { name: 'time_s', type: 'DOUBLE', data: s.hosts.flatMap(() => s.timesS) },
      {
        name: 'host_id',
        type: 'STRING',
        data: s.hosts.flatMap((h) => Array<string>(n).fill(h.hostId)),
      },
      { name: 'utilization', type: 'DOUBLE', data: s.hosts.flatMap((h) => h.utilization) },
      { name: 'power_w', type: 'DOUBLE', data: s.hosts.flatMap((h) => h.powerW) },
      { name: 'instances', type: 'INT32', data: s.hosts.flatMap((h) => h.instances) },
      {
        name: 'memory_in_use_mib',
        type: 'DOUBLE',
        data: s.hosts.flatMap((h) => padded(h.memoryInUseMiB, n)),
      },
      {
        name: 'memory_pressure_mib',
        type: 'DOUBLE',
        data: s.hosts.flatMap((h) => padded(h.memoryPressureMiB, n)),
      },
    ]
  return tables
}

/** A series of `n` samples, or `n` nulls when the result predates it. */
function padded(values: readonly number[] | undefined, n: number): Array<number | null> {
  return values ? [...values] : Array<null>(n).fill(null)
}

function tenantColumns(result: SimulationResult): Column[] {
  const t = result.tenants
  const col = (name: string, type: Column['type'], pick: (u: (typeof t)[number]) => unknown) => ({
    name,
    type,
    data: t.map(pick),
  })
  return [
    col('tenant_id', 'STRING', (u) => u.tenantId),
    col('instances', 'INT32', (u) => u.instances),
    col('unplaced_instances', 'INT32', (u) => u.unplacedInstances),
    col('vcpu_hours', 'DOUBLE', (u) => u.vcpuHours),
    col('memory_gib_hours', 'DOUBLE', (u) => u.memoryGiBHours),
    col('storage_gib_months', 'DOUBLE', (u) => u.storageGiBMonths),
    col('migrations', 'INT32', (u) => u.migrations),
    col('downtime_s', 'DOUBLE', (u) => u.downtimeS),
    col('availability_percent', 'DOUBLE', (u) => u.availabilityPercent),
    col('sla_availability_percent', 'DOUBLE', (u) => u.slaAvailabilityPercent),
    col('sla_violation', 'BOOLEAN', (u) => u.slaViolation),
    col('requested_cpu_mi', 'DOUBLE', (u) => u.requestedCpuMi),
    col('steal_cpu_mi', 'DOUBLE', (u) => u.stealCpuMi),
    col('lost_cpu_fraction', 'DOUBLE', (u) => u.lostCpuFraction),
    col('bill_total', 'DOUBLE', (u) => u.bill.total),
    col('currency', 'STRING', (u) => u.bill.currency),
  ]
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
          nullable: false,
        })),
        kvMetadata: [{ key: 'strata.run_id', value: result.runId }],
        createdBy,
      }),
    ),
  }))
}
