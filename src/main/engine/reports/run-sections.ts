/** The sections that need a simulation result: utilization, power, migrations, failures, SLA, tenants. */
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import type { Design } from '../../../shared/design/schema'
import { dataTables } from './data-tables'
import { duration, money, num, pct } from './format'
import type { ReportSection } from './model'

const TABLE_LIMIT = 200
const MAX_HOST_LINES = 16

export function runSections(
  d: Design,
  r: SimulationResult | undefined,
  names: Map<string, string>,
): ReportSection[] {
  if (!r) {
    const text =
      'No simulation results: run the simulation to fill utilization, power, migrations, failures, SLA and bills.'
    return [{ id: 'run', title: 'Simulation', blocks: [{ kind: 'text', text }] }]
  }
  const s = r.summary
  const t = r.series.timesS
  const busiest = [...r.series.hosts]
    .map((h) => ({
      h,
      mean: h.utilization.reduce((a, b) => a + b, 0) / Math.max(1, h.utilization.length),
    }))
    .sort((a, b) => b.mean - a.mean || (a.h.hostId < b.h.hostId ? -1 : 1))
    .slice(0, MAX_HOST_LINES)
  const colour = new Map(d.tenants.map((x) => [x.id, x.colour]))
  const currency = (id: string) => r.tenants.find((u) => u.tenantId === id)?.bill.currency ?? ''
  const dataBlocks = dataTables(r, names)
  return [
    {
      id: 'utilization',
      title: 'Utilization',
      blocks: [
        {
          kind: 'facts',
          items: [
            [
              'Run',
              `${s.policy}, seed ${s.seed}, ${s.hosts} hosts, ${s.vms} instances, ${duration(s.horizonS)} simulated`,
            ],
            ['Host shutdowns', num(s.hostShutdowns)],
            ['Unplaced at start', num(s.unplacedInstances)],
          ],
        },
        {
          kind: 'chart',
          chart: {
            id: 'active-hosts',
            dataTableId: 'series-totals',
            title: 'Active hosts',
            yUnit: 'hosts',
            timesS: t,
            kind: 'area',
            series: [{ name: 'active hosts', values: r.series.activeHosts }],
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'host-utilization',
            dataTableId: 'series-host-utilization',
            title: `CPU utilization per host${r.series.hosts.length > MAX_HOST_LINES ? ` (the ${MAX_HOST_LINES} busiest; all in the CSV)` : ''}`,
            yUnit: '%',
            timesS: t,
            kind: 'line',
            series: busiest.map(({ h }) => ({
              name: names.get(h.hostId) ?? h.hostId,
              values: h.utilization.map((u) => u * 100),
            })),
          },
        },
      ],
    },
    {
      id: 'power',
      title: 'Power and energy',
      blocks: [
        {
          kind: 'facts',
          items: [
            ['Energy', `${num(s.energyKWh, 2)} kWh`],
            ['Peak power', `${num(Math.max(0, ...r.series.totalPowerW))} W`],
          ],
        },
        {
          kind: 'chart',
          chart: {
            id: 'total-power',
            dataTableId: 'series-totals',
            title: 'Total power draw',
            yUnit: 'W',
            timesS: t,
            kind: 'area',
            series: [{ name: 'power', values: r.series.totalPowerW }],
          },
        },
      ],
    },
    {
      id: 'migrations',
      title: 'Migrations',
      blocks: [
        {
          kind: 'facts',
          items: [
            ['Live migrations', num(s.migrations)],
            ['Performance degradation due to migration (PDM)', pct(s.pdm, 4)],
          ],
        },
        {
          kind: 'table',
          table: {
            id: 'migrations',
            title: `Migrations${r.migrationsTruncated ? ' (the first records only)' : ''}`,
            columns: [
              'instance',
              'from',
              'to',
              { label: 'start', csv: 'start_s', format: 'clock' },
              { label: 'end', csv: 'end_s', format: 'clock' },
              'reason',
            ],
            rows: r.migrations.map((m) => [
              m.instanceId,
              names.get(m.fromHostId) ?? m.fromHostId,
              names.get(m.toHostId) ?? m.toHostId,
              m.startS,
              m.endS,
              m.reason,
            ]),
            displayLimit: 50,
          },
        },
      ],
    },
    {
      id: 'failures',
      title: 'Failures',
      blocks: [
        {
          kind: 'facts',
          items: [
            ['Host failures', num(s.hostFailures)],
            ['Mean availability', `${num(s.meanAvailabilityPercent, 3)} %`],
          ],
        },
        {
          kind: 'table',
          table: {
            id: 'failures',
            title: 'Host failures',
            columns: [
              'host',
              { label: 'failed at', csv: 'failed_at_s', format: 'clock' },
              { label: 'repaired at', csv: 'repaired_at_s', format: 'clock' },
              'instances hit',
              'restarted',
            ],
            rows: r.failures.map((f) => [
              names.get(f.hostId) ?? f.hostId,
              f.atS,
              f.repairedAtS ?? '',
              f.instances.length,
              f.instances.filter((i) => i.restartedOnHostId).length,
            ]),
            displayLimit: TABLE_LIMIT,
          },
        },
      ],
    },
    {
      id: 'sla',
      title: 'SLA',
      blocks: [
        {
          kind: 'facts',
          items: [
            ['SLA violation time per active host (SLATAH)', pct(s.slatah, 4)],
            ['SLAV = SLATAH x PDM', pct(s.slav, 6)],
            ['Overall SLA violation (CPU not delivered)', pct(s.overallSlaViolation, 2)],
            ['Average SLA violation', pct(s.averageSlaViolation, 2)],
          ],
        },
        {
          kind: 'table',
          table: {
            id: 'tenant-sla',
            title: 'Availability per tenant',
            columns: [
              'tenant',
              'promised %',
              'delivered %',
              { label: 'downtime', csv: 'downtime_s', format: 'duration' },
              'violated',
              'CPU lost %',
            ],
            rows: r.tenants.map((u) => [
              names.get(u.tenantId) ?? u.tenantId,
              u.slaAvailabilityPercent,
              Number(u.availabilityPercent.toFixed(4)),
              u.downtimeS,
              u.slaViolation ? 'yes' : 'no',
              Number((u.lostCpuFraction * 100).toFixed(2)),
            ]),
          },
        },
      ],
    },
    {
      id: 'tenants',
      title: 'Tenants: usage and bills',
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'tenant-usage',
            title: 'Usage and bill per tenant',
            columns: [
              'tenant',
              'instances',
              'vCPU hours',
              'memory GiB hours',
              'storage GiB months',
              'migrations',
              'bill',
            ],
            rows: r.tenants.map((u) => [
              names.get(u.tenantId) ?? u.tenantId,
              u.instances,
              Number(u.vcpuHours.toFixed(2)),
              Number(u.memoryGiBHours.toFixed(2)),
              Number(u.storageGiBMonths.toFixed(3)),
              u.migrations,
              money(u.bill.total, u.bill.currency),
            ]),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'bill-lines',
            title: 'Bill lines',
            columns: ['tenant', 'item', 'quantity', 'rate', 'amount', 'currency'],
            rows: r.tenants.flatMap((u) =>
              u.bill.lines.map((l) => [
                names.get(u.tenantId) ?? u.tenantId,
                l.item,
                l.quantity,
                l.rate,
                l.amount,
                u.bill.currency,
              ]),
            ),
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'tenant-cost',
            dataTableId: 'series-tenants',
            title: `Accumulated cost per tenant${new Set(r.tenants.map((u) => u.bill.currency)).size === 1 ? ` (${currency(r.tenants[0]?.tenantId ?? '')})` : ''}`,
            yUnit: currency(r.tenants[0]?.tenantId ?? ''),
            timesS: t,
            kind: 'line',
            series: r.series.tenants.map((x) => ({
              name: names.get(x.tenantId) ?? x.tenantId,
              values: x.cumulativeCost,
              colour: colour.get(x.tenantId),
            })),
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'tenant-cpu',
            dataTableId: 'series-tenants',
            title: 'CPU received per tenant',
            yUnit: 'MIPS',
            timesS: t,
            kind: 'area',
            stacked: true,
            series: r.series.tenants.map((x) => ({
              name: names.get(x.tenantId) ?? x.tenantId,
              values: x.allocatedMips,
              colour: colour.get(x.tenantId),
            })),
          },
        },
      ],
    },
    {
      id: 'data',
      title: 'Data files',
      blocks: [
        {
          kind: 'text',
          text: 'Every time series and table of this report is also exported as CSV (per host, per tenant and per instance).',
        },
        ...dataBlocks,
      ],
    },
  ]
}
