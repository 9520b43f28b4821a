/**
 * The usage-and-bills section of the provider report: usage on both bases, every bill line
 * with its own basis and its allocated, used and billed quantities, each bill in its own
 * currency (never summed across currencies), and one accumulated-cost chart per currency.
 */
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { TenantBillLine } from '../../../shared/domain/tenant-view'
import type { Design } from '../../../shared/design/schema'
import { BILL_ITEMS, BILLING_BASIS_DEFINITIONS, METRICS } from '../../../shared/metrics-glossary'
import type { ReportBlock, ReportSection } from './model'

const fixed = (x: number, digits: number): number => Number(x.toFixed(digits))

/** Charts of accumulated cost, one per currency, tenants of that currency only. */
function costCharts(d: Design, r: SimulationResult, names: Map<string, string>): ReportBlock[] {
  const colour = new Map(d.tenants.map((x) => [x.id, x.colour]))
  const currencyOf = new Map(r.tenants.map((u) => [u.tenantId, u.bill.currency]))
  const currencies = [...new Set(r.tenants.map((u) => u.bill.currency))]
  return currencies.map((currency) => ({
    kind: 'chart',
    chart: {
      id: currencies.length === 1 ? 'tenant-cost' : `tenant-cost-${currency.toLowerCase()}`,
      dataTableId: 'series-tenants',
      title: `Accumulated cost per tenant (${currency})`,
      yUnit: currency,
      timesS: r.series.timesS,
      kind: 'line',
      series: r.series.tenants
        .filter((x) => currencyOf.get(x.tenantId) === currency)
        .map((x) => ({
          name: names.get(x.tenantId) ?? x.tenantId,
          values: x.cumulativeCost,
          colour: colour.get(x.tenantId),
        })),
    },
  }))
}

/**
 * One bill line as report cells: item, unit, basis, allocated, used, billed, rate, amount,
 * currency (the columns of every bill-lines table, provider's and tenant's alike).
 */
export function billLineCells(l: TenantBillLine, currency: string): Array<string | number> {
  return [
    BILL_ITEMS[l.item].label,
    BILL_ITEMS[l.item].unit,
    l.basis,
    l.allocatedQuantity,
    l.usedQuantity,
    l.quantity,
    l.rate,
    l.amount,
    currency,
  ]
}

export function billSections(
  d: Design,
  r: SimulationResult,
  names: Map<string, string>,
): ReportSection[] {
  const colour = new Map(d.tenants.map((x) => [x.id, x.colour]))
  const name = (id: string): string => names.get(id) ?? id
  const currencies = new Set(r.tenants.map((u) => u.bill.currency))
  return [
    {
      id: 'tenants',
      title: 'Tenants: usage and bills',
      blocks: [
        {
          kind: 'text',
          text: `${BILLING_BASIS_DEFINITIONS.allocated} ${BILLING_BASIS_DEFINITIONS.used} Each bill line states the basis it is billed on; storage is always billed as provisioned. ${currencies.size > 1 ? 'Bills are in different currencies, so they are not totalled and each currency has its own chart.' : ''}`.trim(),
        },
        {
          kind: 'table',
          table: {
            id: 'tenant-usage',
            title: 'Usage per tenant (allocated = held, used = consumed)',
            columns: [
              'tenant',
              'instances',
              'vCPU-hours allocated',
              'vCPU-hours used',
              'memory GiB-hours allocated',
              'memory GiB-hours used',
              'storage GiB-months',
              'migrations',
            ],
            rows: r.tenants.map((u) => [
              name(u.tenantId),
              u.instances,
              fixed(u.vcpuHours, 2),
              fixed(u.usedVcpuHours, 2),
              fixed(u.memoryGiBHours, 2),
              fixed(u.usedMemoryGiBHours, 2),
              fixed(u.storageGiBMonths, 3),
              u.migrations,
            ]),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'bill-lines',
            title: 'Bill lines',
            columns: [
              'tenant',
              'item',
              'unit',
              'basis',
              'allocated',
              'used',
              'billed',
              'rate',
              // to the currency's minor unit in print; the CSV keeps the full number
              { label: 'amount', csv: 'amount', format: { currencyColumn: 9 } },
              'currency',
            ],
            rows: r.tenants.flatMap((u) =>
              u.bill.lines.map((l) => [name(u.tenantId), ...billLineCells(l, u.bill.currency)]),
            ),
          },
        },
        {
          kind: 'table',
          table: {
            id: 'bills',
            title: 'Bill per tenant (each in its own currency)',
            columns: [
              'tenant',
              'pricing basis',
              { label: 'total', csv: 'total', format: { currencyColumn: 3 } },
              'currency',
            ],
            rows: r.tenants.map((u) => [
              name(u.tenantId),
              u.bill.basis,
              u.bill.total,
              u.bill.currency,
            ]),
          },
        },
        ...costCharts(d, r, names),
        {
          kind: 'chart',
          chart: {
            id: 'tenant-cpu',
            dataTableId: 'series-tenants',
            title: 'CPU received per tenant',
            yUnit: 'MIPS',
            timesS: r.series.timesS,
            kind: 'area',
            stacked: true,
            series: r.series.tenants.map((x) => ({
              name: name(x.tenantId),
              values: x.allocatedMips,
              colour: colour.get(x.tenantId),
            })),
          },
        },
        {
          kind: 'chart',
          chart: {
            id: 'tenant-memory',
            dataTableId: 'series-tenants',
            title: `${METRICS.memoryInUse.label} per tenant`,
            yUnit: METRICS.memoryInUse.unit,
            timesS: r.series.timesS,
            kind: 'area',
            stacked: true,
            series: r.series.tenants.map((x) => ({
              name: name(x.tenantId),
              values: x.memoryInUseMiB ?? [],
              colour: colour.get(x.tenantId),
            })),
          },
        },
        ...(r.series.tenants.some((x) => x.memoryPressureMiB?.some((p) => p > 0))
          ? [
              {
                kind: 'chart' as const,
                chart: {
                  id: 'tenant-memory-pressure',
                  dataTableId: 'series-tenants',
                  title: `${METRICS.memoryPressure.label} per tenant`,
                  yUnit: METRICS.memoryPressure.unit,
                  timesS: r.series.timesS,
                  kind: 'area' as const,
                  stacked: true,
                  series: r.series.tenants.map((x) => ({
                    name: name(x.tenantId),
                    values: x.memoryPressureMiB ?? [],
                    colour: colour.get(x.tenantId),
                  })),
                },
              },
            ]
          : []),
      ],
    },
  ]
}
