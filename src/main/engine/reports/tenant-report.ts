/**
 * A tenant's report, built from that tenant's projection (`TenantView`) and nothing else:
 * the provider's design, other tenants and physical names never reach it, because this
 * builder never receives them.
 */
import { instanceLabel } from '../../../shared/design/instance-label'
import type { TenantView } from '../../../shared/domain/tenant-view'
import { availabilityPct, duration, esc, money, num, pct } from './format'
import { billLineCells } from './bill-sections'
import { tenantNetworkSections } from './network-sections'
import { tenantStorageSections } from './storage-sections'
import type { ReportModel, ReportSection } from './model'
import { BILLING_BASIS_DEFINITIONS, METRICS } from '../../../shared/metrics-glossary'

/** Human names of quota resources (the design's field names carry units a reader should see as words). */
const QUOTA_LABELS: Record<string, string> = {
  instances: 'instances',
  vcpus: 'vCPUs',
  memoryMiB: 'memory (MiB)',
  diskGiB: 'disk (GiB)',
}

/** An abstract picture of the tenant's placement zones and how many instances each holds. */
export function zonesSvg(view: TenantView, widthPx = 900): string {
  const zones = view.zones.slice(0, 60)
  const perRow = 6
  const w = Math.floor(widthPx / perRow)
  const height = Math.max(1, Math.ceil(zones.length / perRow)) * 90 + 10
  const boxes = zones.map((z, i) => {
    const x = (i % perRow) * w + 8
    const y = Math.floor(i / perRow) * 90 + 8
    return `<rect x="${x}" y="${y}" width="${w - 16}" height="74" rx="8" fill="${view.tenant.colour}" fill-opacity="0.15" stroke="${view.tenant.colour}"/><text x="${x + 10}" y="${y + 26}" font-size="13" font-weight="600" fill="#111827">${esc(z.label)}</text><text x="${x + 10}" y="${y + 50}" font-size="12" fill="#374151">${z.instanceIds.length} instance${z.instanceIds.length === 1 ? '' : 's'}</text>`
  })
  const body = boxes.length
    ? boxes.join('')
    : '<text x="10" y="40" font-size="13">No instance is placed yet.</text>'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${height}" viewBox="0 0 ${widthPx} ${height}" role="img" aria-label="placement zones" font-family="Helvetica, Arial, sans-serif">${body}</svg>`
}

/** Builds the report of one tenant from its view. */
export function buildTenantReport(view: TenantView): ReportModel {
  const t = view.tenant
  const bill = view.bill
  const sla = view.sla
  const placed = view.instances.filter((i) => i.placement === 'placed').length
  const workloadOf = new Map(view.instances.map((i) => [i.id, i.workloadName]))
  const sections: ReportSection[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        {
          kind: 'facts',
          items: [
            [
              'Instances',
              `${num(view.instanceCount)}${view.instancesTruncated ? ` (the first ${view.instanceLimit} are listed)` : ''}, ${placed} placed`,
            ],
            ['Isolation', t.isolation],
            ['Placement zones', String(view.zones.length)],
            ['Networks', String(view.networks.length)],
            [
              'Bill',
              `${money(bill.total, bill.currency)} (${bill.stopped ? `simulation ${bill.stopped}: billed for the ${duration(bill.periodS)} simulated` : bill.source === 'simulation' ? 'from the simulation' : 'estimate'}, ${bill.basis} capacity${bill.stopped ? '' : `, ${duration(bill.periodS)}`})`,
            ],
          ],
        },
        { kind: 'picture', title: 'Where your instances run', svg: zonesSvg(view) },
      ],
    },
    {
      id: 'instances',
      title: 'Instances',
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'instances',
            title: 'Your instances',
            columns: [
              'instance',
              'workload',
              'kind',
              'vCPUs',
              'memory MiB',
              'host',
              'placement',
              'status',
              'availability %',
              'migrations',
            ],
            rows: view.instances.map((i) => [
              instanceLabel(i.id, () => i.workloadName),
              i.workloadName,
              i.kind,
              i.vcpus,
              i.memoryMiB,
              view.zones.find((z) => z.id === i.zoneId)?.label ?? '',
              i.placement,
              i.run?.status ?? '',
              i.run ? Number(i.run.availabilityPercent.toFixed(4)) : '',
              i.run?.migrations ?? '',
            ]),
            displayLimit: 200,
          },
        },
        {
          kind: 'table',
          table: {
            id: 'placement-decisions',
            title: 'Placement decisions',
            columns: ['instance', 'outcome', 'why'],
            rows: view.explanations.map((e) => [
              instanceLabel(e.instanceId, () => workloadOf.get(e.instanceId)),
              e.outcome,
              e.summary,
            ]),
            displayLimit: 200,
          },
        },
      ],
    },
    {
      id: 'quotas',
      title: 'Quotas and resources',
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'quotas',
            title: 'Quotas',
            columns: ['resource', 'requested', 'placed', 'limit'],
            rows: view.quotas.map((q) => [
              QUOTA_LABELS[q.resource] ?? q.resource,
              q.requested,
              q.placed ?? '',
              q.limit ?? 'none',
            ]),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'networks',
            title: 'Networks',
            columns: ['network', 'kind', 'segment', 'CIDR'],
            rows: view.networks.map((n) => [n.name || n.id, n.kind, n.segmentId, n.cidr]),
          },
        },
      ],
    },
    {
      id: 'sla',
      title: 'Service level',
      blocks: [
        {
          kind: 'facts',
          items: [
            [METRICS.promisedAvailability.label, availabilityPct(sla.promisedAvailabilityPercent)],
            [
              METRICS.deliveredAvailability.label,
              sla.availabilityPercent === undefined
                ? 'not simulated yet'
                : availabilityPct(sla.availabilityPercent),
            ],
            [
              METRICS.availabilitySlaMet.label,
              sla.violation === undefined ? '–' : sla.violation ? 'no' : 'yes',
            ],
            [METRICS.unplacedInstances.label, num(sla.unplacedInstances)],
            // instance-seconds summed over instances, so instance-hours, not a wall-clock span
            [
              METRICS.downtime.label,
              sla.downtimeS === undefined ? '–' : `${num(sla.downtimeS / 3600, 2)} instance-hours`,
            ],
            [METRICS.migrations.label, num(sla.migrations)],
            [METRICS.cpuLost.label, pct(sla.lostCpuFraction)],
          ],
        },
      ],
    },
    {
      id: 'bill',
      title: 'Usage and bill',
      blocks: [
        {
          kind: 'facts',
          items: view.usage
            ? [
                ['vCPU hours', num(view.usage.vcpuHours, 2)],
                ['Memory GiB hours', num(view.usage.memoryGiBHours, 2)],
                ['Storage GiB months', num(view.usage.storageGiBMonths, 3)],
              ]
            : [['Usage', 'not simulated yet']],
        },
        {
          kind: 'text',
          text: `${BILLING_BASIS_DEFINITIONS[bill.basis]} Each line states the basis it is billed on; storage is always billed as provisioned. All amounts in ${bill.currency}.`,
        },
        {
          kind: 'table',
          table: {
            id: 'bill',
            title: `Bill (${bill.currency})`,
            columns: [
              'item',
              'unit',
              'basis',
              'allocated',
              'used',
              'billed',
              'rate',
              { label: 'amount', csv: 'amount', format: { money: bill.currency } },
              'currency',
            ],
            rows: bill.lines.map((l) => billLineCells(l, bill.currency)),
          },
        },
      ],
    },
  ]
  const s = view.series
  if (s) {
    sections.push({
      id: 'series',
      title: 'Over time',
      blocks: [
        {
          kind: 'chart',
          chart: {
            id: 'vcpus',
            title: 'Running vCPUs',
            yUnit: 'vCPUs',
            timesS: s.timesS,
            kind: 'area',
            series: [{ name: 'vCPUs', values: s.vcpus, colour: t.colour }],
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'cpu',
            title: 'CPU asked for and received',
            yUnit: 'MIPS',
            timesS: s.timesS,
            kind: 'line',
            series: [
              { name: 'requested', values: s.requestedMips, colour: '#9ca3af' },
              { name: 'received', values: s.allocatedMips, colour: t.colour },
            ],
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'cost',
            title: 'Accumulated cost',
            yUnit: bill.currency,
            timesS: s.timesS,
            kind: 'line',
            series: [{ name: 'cost', values: s.cumulativeCost, colour: t.colour }],
          },
        },
      ],
    })
  }
  sections.push(...tenantNetworkSections(view.virtualNetwork))
  sections.push(...tenantStorageSections(view.storage))
  return { title: t.name, subtitle: 'Tenant report', audience: 'tenant', sections }
}
