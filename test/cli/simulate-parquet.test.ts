/**
 * `strata simulate --parquet DIR` writes the run's tables as Parquet; they are read back with
 * hyparquet (a reader, not the writer Strata uses) and checked against values worked out by
 * hand: one 1-vCPU VM at 50 % of 1000 MIPS on a 2 x 1000 MIPS host is 500 MIPS, 25 % load,
 * 125 W (half-way between 120 W at 20 % and 130 W at 30 %), for 3600 s in 300 s steps.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'

const DESIGN = join(__dirname, '../fixtures/parquet/one-vm-one-hour.strata.json')

async function read(path: string) {
  const b = readFileSync(path)
  const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
  const metadata = parquetMetadata(file)
  const columns = parquetSchema(metadata).children.map((c) => [
    c.element.name,
    c.element.converted_type ?? c.element.type,
  ])
  return { rows: await parquetReadObjects({ file }), columns }
}

describe('strata simulate --parquet', () => {
  it('writes series, tenant series, tenants and host series that another reader reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-parquet-'))
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['simulate', DESIGN, '--parquet', join(dir, 'pq')], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      cwd: process.cwd(),
    })
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(readdirSync(join(dir, 'pq')).sort()).toEqual([
      'energy.parquet',
      'host-series.parquet',
      'series.parquet',
      'tenant-series.parquet',
      'tenants.parquet',
    ])
    const times = Array.from({ length: 13 }, (_, k) => k * 300)

    const series = await read(join(dir, 'pq/series.parquet'))
    expect(series.columns).toEqual([
      ['time_s', 'DOUBLE'],
      ['total_power_w', 'DOUBLE'],
      ['active_hosts', 'INT32'],
    ])
    expect(series.rows).toEqual(
      times.map((t) => ({ time_s: t, total_power_w: 125, active_hosts: 1 })),
    )

    const tenantSeries = await read(join(dir, 'pq/tenant-series.parquet'))
    expect(
      tenantSeries.rows.map((r) => [
        r.time_s,
        r.tenant_id,
        r.vcpus,
        r.allocated_mips,
        r.requested_mips,
      ]),
    ).toEqual(times.map((t) => [t, 't1', 1, 500, 500]))
    // 1 USD per vCPU-hour, accrued step by step: t / 3600 USD at time t.
    tenantSeries.rows.forEach((r, k) => expect(r.cumulative_cost).toBeCloseTo(times[k]! / 3600, 9))

    const tenants = await read(join(dir, 'pq/tenants.parquet'))
    expect(tenants.columns).toContainEqual(['tenant_id', 'UTF8'])
    expect(tenants.columns).toContainEqual(['sla_violation', 'BOOLEAN'])
    expect(tenants.rows).toHaveLength(1)
    expect(tenants.rows[0]).toMatchObject({
      tenant_id: 't1',
      instances: 1,
      vcpu_hours: 1,
      memory_gib_hours: 0.5, // 512 MiB for 1 h
      migrations: 0,
      downtime_s: 0,
      availability_percent: 100,
      sla_violation: false,
      requested_cpu_mi: 500 * 3600,
      steal_cpu_mi: 0,
      bill_total: 1,
      currency: 'USD',
    })

    const hosts = await read(join(dir, 'pq/host-series.parquet'))
    expect(hosts.rows).toEqual(
      times.map((t) => ({
        time_s: t,
        host_id: 'h1',
        utilization: 0.25,
        power_w: 125,
        instances: 1,
        memory_in_use_mib: 512, // no memory trace: all of its 512 MiB in use
        memory_pressure_mib: 0,
      })),
    )
  })

  it('adds energy by consumer, the network and the storage tables when the run models them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-parquet-'))
    const sample = join(__dirname, '../../resources/samples/two-hall.strata.json')
    const code = await runCli(
      ['simulate', sample, '--parquet', join(dir, 'pq'), '--result', join(dir, 'r.json')],
      { out: () => {}, err: () => {}, cwd: process.cwd() },
    )
    expect(code).toBe(0)
    const r = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as SimulationResult
    const files = readdirSync(join(dir, 'pq'))
    for (const f of ['links', 'link-series', 'network-tenants', 'network-workloads'])
      expect(files).toContain(`${f}.parquet`)
    for (const f of ['storage-systems', 'storage-series', 'storage-tenants'])
      expect(files).toContain(`${f}.parquet`)
    // Energy: one row per line of the breakdown (hosts, storage, switches), then the total.
    const energy = await read(join(dir, 'pq/energy.parquet'))
    const b = r.summary.energyBreakdownKWh
    expect(energy.rows).toEqual([
      { consumer: 'hosts', energy_kwh: b?.hosts },
      { consumer: 'storage', energy_kwh: b?.storage },
      { consumer: 'switches', energy_kwh: b?.switches },
      { consumer: 'total', energy_kwh: r.summary.energyKWh },
    ])
    // Link series: one row per link and network instant, as in the result JSON.
    const net = r.network!
    const links = await read(join(dir, 'pq/link-series.parquet'))
    expect(links.rows).toHaveLength(net.links.length * net.timesS.length)
    const l = net.links[0]!
    expect(links.rows.slice(0, net.timesS.length)).toEqual(
      net.timesS.map((t, k) => ({ time_s: t, link_id: l.id, utilization: l.utilizationSeries[k] })),
    )
    const tenants = await read(join(dir, 'pq/network-tenants.parquet'))
    expect(tenants.rows.map((x) => [x.tenant_id, x.gb_sent])).toEqual(
      net.tenants.map((t) => [t.tenantId, t.gbSent]),
    )
    const systems = await read(join(dir, 'pq/storage-systems.parquet'))
    expect(systems.rows.map((x) => [x.storage_id, x.energy_kwh, x.saturated_s])).toEqual(
      r.storage!.systems.map((x) => [x.storageId, x.energyKWh, x.saturatedS]),
    )
    const storageSeries = await read(join(dir, 'pq/storage-series.parquet'))
    const first = r.storage!.systems[0]!
    expect(storageSeries.rows[0]).toMatchObject({
      time_s: r.series.timesS[0],
      storage_id: first.storageId,
      iops_utilization: first.series.iopsUtilization[0],
      latency_ms: first.series.latencyMs[0],
    })
  })

  it('refuses an unwritable folder with exit 1', async () => {
    const err: string[] = []
    const code = await runCli(['simulate', DESIGN, '--parquet', DESIGN], {
      out: () => {},
      err: (l) => err.push(l),
      cwd: process.cwd(),
    })
    expect(code).toBe(1)
    expect(err.join('\n')).toContain('cannot write the Parquet tables')
  })
})
