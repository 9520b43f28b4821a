/** The sections that need a simulation result: utilization, power, migrations, failures, SLA, tenants. */
import { instanceCountText } from '../../../shared/design/instance-count'
import { percentOfFraction } from '../../../shared/domain/percent-text'
import { energyShares } from '../../../shared/domain/energy-shares'
import { instanceLabel } from '../../../shared/design/instance-label'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import { dataTables } from './data-tables'
import { availabilityPct, duration, num } from './format'
import type { ReportSection } from './model'
import { METRICS, metricHeader, type MetricId } from '../../../shared/metrics-glossary'
import { billSections } from './bill-sections'
import { layerSections } from './layer-sections'

const CLOUDSIM_SLA: MetricId[] = [
  'slatah',
  'pdm',
  'slav',
  'overallSlaViolation',
  'overallSlaViolationContentionOnly',
  'averageSlaViolation',
]

/** `part / whole` in percent with 2 decimals (0 when nothing was asked for). */
function lostPercent(part: number, whole: number): number {
  return whole > 0 ? Number(((100 * Math.max(0, part)) / whole).toFixed(2)) : 0
}

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
              `${s.policy}, seed ${s.seed}, ${s.hosts} hosts, ${instanceCountText(d)}, ${duration(s.horizonS)} simulated`,
            ],
            [METRICS.hostShutdowns.label, num(s.hostShutdowns)],
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
            [METRICS.energy.label, `${num(s.energyKWh, 2)} kWh`],
            // by device kind, as the Simulation tab and `strata simulate` split it (s7u #9)
            ...energyShares(s).map((e): [string, string] => [
              `${e.label} energy`,
              `${num(e.energyKWh, 2)} kWh (${e.percentText})`,
            ]),
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
            [METRICS.migrations.label, num(s.migrations)],
            [METRICS.pdm.label, percentOfFraction(s.pdm)],
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
              { label: 'took', csv: 'duration_s', format: 'duration' },
              'reason',
            ],
            rows: r.migrations.map((m) => [
              instanceLabel(m.instanceId, (id) => names.get(id)),
              names.get(m.fromHostId) ?? m.fromHostId,
              names.get(m.toHostId) ?? m.toHostId,
              m.startS,
              m.endS - m.startS,
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
            [METRICS.hostFailures.label, num(s.hostFailures)],
            [METRICS.meanAvailability.label, availabilityPct(s.meanAvailabilityPercent)],
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
            rows: r.failures
              .filter((f) => f.instanceId === undefined)
              .map((f) => [
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
      title: 'Tenants’ availability SLA',
      blocks: [
        {
          kind: 'text',
          text: `${METRICS.deliveredAvailability.label}: ${METRICS.deliveredAvailability.formula}. ${METRICS.availabilitySlaMet.label}: ${METRICS.availabilitySlaMet.formula}. ${METRICS.cpuLost.label}: ${METRICS.cpuLost.formula}, split into the parts lost to contention and to interference; CPU figures are not part of the availability verdict.`,
        },
        {
          kind: 'facts',
          items: [[METRICS.meanAvailability.label, availabilityPct(s.meanAvailabilityPercent)]],
        },
        {
          kind: 'table',
          table: {
            id: 'tenant-sla',
            title: 'Availability SLA per tenant',
            columns: [
              'tenant',
              metricHeader('promisedAvailability'),
              metricHeader('deliveredAvailability'),
              METRICS.availabilitySlaMet.label,
              METRICS.unplacedInstances.label,
              // summed over the tenant's instances: instance time, not a wall-clock span
              {
                label: `${METRICS.downtime.label} (instance time)`,
                csv: 'downtime_s',
                format: 'duration',
              },
              metricHeader('cpuLostContention'),
              metricHeader('cpuLostInterference'),
            ],
            rows: r.tenants.map((u) => [
              names.get(u.tenantId) ?? u.tenantId,
              u.slaAvailabilityPercent,
              Number(u.availabilityPercent.toFixed(4)),
              u.slaViolation ? 'no' : 'yes',
              u.unplacedInstances,
              u.downtimeS,
              lostPercent(u.stealCpuMi - u.interferenceLostCpuMi, u.requestedCpuMi),
              lostPercent(u.interferenceLostCpuMi, u.requestedCpuMi),
            ]),
          },
        },
      ],
    },
    {
      id: 'cloudsim-sla',
      title: 'CloudSim’s SLA metrics (CPU shortfall, no verdict)',
      blocks: [
        {
          kind: 'text',
          text: `As defined by Beloglazov & Buyya (2012) and computed as CloudSim 3.0.3 does; they measure CPU not delivered, not availability. ${CLOUDSIM_SLA.map((id) => `${METRICS[id].label} = ${METRICS[id].formula}`).join('; ')}.`,
        },
        {
          kind: 'facts',
          items: [
            // as the app and `strata simulate` print them (`9.51 × 10⁻⁸ %`, never `0.000000 %`)
            [METRICS.slatah.label, percentOfFraction(s.slatah)],
            [METRICS.pdm.label, percentOfFraction(s.pdm)],
            [METRICS.slav.label, percentOfFraction(s.slav)],
            [METRICS.overallSlaViolation.label, percentOfFraction(s.overallSlaViolation, 4)],
            [
              METRICS.overallSlaViolationContentionOnly.label,
              percentOfFraction(s.overallSlaViolationContentionOnly, 4),
            ],
            [METRICS.averageSlaViolation.label, percentOfFraction(s.averageSlaViolation, 4)],
          ],
        },
      ],
    },
    ...layerSections(r, names),
    ...billSections(d, r, names),
    {
      id: 'data',
      title: 'Data files',
      blocks: [
        {
          kind: 'text',
          text: 'Every time series and table of this report is also exported as CSV, in one zip (per host, per tenant and per instance; time in seconds, utilization in percent).',
        },
        ...dataBlocks,
      ],
    },
  ]
}
