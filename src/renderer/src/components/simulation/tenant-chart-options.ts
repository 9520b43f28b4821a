/**
 * ECharts options of the per-tenant charts: CPU received, cost so far (one chart per
 * currency: amounts in different currencies are never added or share an axis), and
 * availability against the SLA. Same shared style as the physical charts. More than a dozen
 * tenants: the largest keep their own line, the rest are grouped as "Other tenants".
 */
import { METRICS } from '../../../../shared/metrics-glossary'
import type { EChartsOption } from 'echarts'
import type { SimulationResult, TenantSeries } from '../../../../shared/contract'
import type { ChartContext } from './chart-options'
import {
  axis,
  axisTooltip,
  base,
  bottomFor,
  formatMoney,
  formatValue,
  legend,
  MAX_LEGEND_SERIES,
  palette,
  sliderMarker,
  timeAxis,
  tooltip,
} from './chart-style'

/** What the charts show of a tenant: its name, colour and currency. */
export interface TenantLook {
  name: string
  colour: string
  currency: string
}
export type TenantLooks = ReadonlyMap<string, TenantLook>

/** The series the tenant charts draw (a result's, or a running run's so far). */
export interface TenantChartSeries {
  timesS: readonly number[]
  tenants: ReadonlyArray<
    Pick<TenantSeries, 'tenantId'> & {
      allocatedMips: readonly number[]
      cumulativeCost: readonly number[]
    }
  >
}

interface Line {
  name: string
  colour?: string
  values: number[]
}

/** At most MAX_LEGEND_SERIES lines: the largest by total, the rest summed as one group. */
export function groupLines(lines: readonly Line[], max = MAX_LEGEND_SERIES): Line[] {
  if (lines.length <= max) return [...lines]
  const total = (l: Line): number => l.values.reduce((s, v) => s + v, 0)
  const ranked = [...lines].sort((a, b) => total(b) - total(a))
  const kept = ranked.slice(0, max - 1)
  const rest = ranked.slice(max - 1)
  const n = Math.max(...rest.map((l) => l.values.length))
  const values = Array.from({ length: n }, (_, i) =>
    rest.reduce((s, l) => s + (l.values[i] ?? 0), 0),
  )
  return [...kept, { name: `Other tenants (${rest.length})`, colour: '#8d97a8', values }]
}

const seriesOf = (r: SimulationResult | TenantChartSeries): TenantChartSeries =>
  'series' in r ? r.series : r

export function tenantCpuOption(
  r: SimulationResult | TenantChartSeries,
  looks: TenantLooks,
  ctx: ChartContext,
): EChartsOption {
  const s = seriesOf(r)
  const lines = groupLines(
    s.tenants.map((t) => ({
      name: looks.get(t.tenantId)?.name ?? t.tenantId,
      colour: looks.get(t.tenantId)?.colour,
      values: [...t.allocatedMips],
    })),
  )
  return {
    ...base(ctx.theme, 'CPU received per tenant'),
    tooltip: axisTooltip(ctx.theme, () => (v) => formatValue(v, 'MIPS')),
    legend: legend(ctx.theme),
    grid: { left: 70, right: 24, top: 46, bottom: bottomFor(lines.map((l) => l.name)) },
    xAxis: timeAxis(ctx.theme, s.timesS),
    yAxis: axis(ctx.theme, { name: 'CPU (MIPS)', format: (v) => formatValue(v) }),
    series: lines.map((l, i) => ({
      name: l.name,
      type: 'line' as const,
      showSymbol: false,
      sampling: 'lttb' as const,
      color: l.colour,
      data: l.values,
      ...(i === 0 ? sliderMarker(ctx.theme, ctx.timeIndex) : {}),
    })),
  }
}

/** One cost chart per currency, in the order the currencies first appear. */
export function costOptions(
  r: SimulationResult | TenantChartSeries,
  looks: TenantLooks,
  ctx: ChartContext,
): Array<{ currency: string; option: EChartsOption }> {
  const s = seriesOf(r)
  const byCurrency = new Map<string, Line[]>()
  for (const t of s.tenants) {
    const look = looks.get(t.tenantId)
    const currency = look?.currency ?? '?'
    const list = byCurrency.get(currency) ?? []
    list.push({
      name: look?.name ?? t.tenantId,
      colour: look?.colour,
      values: [...t.cumulativeCost],
    })
    byCurrency.set(currency, list)
  }
  return [...byCurrency].map(([currency, list]) => {
    const lines = groupLines(list)
    return {
      currency,
      option: {
        ...base(ctx.theme, `Cost so far (${currency})`),
        tooltip: axisTooltip(ctx.theme, () => (v) => formatMoney(v, currency)),
        legend: legend(ctx.theme),
        grid: { left: 70, right: 24, top: 46, bottom: bottomFor(lines.map((l) => l.name)) },
        xAxis: timeAxis(ctx.theme, s.timesS),
        yAxis: axis(ctx.theme, {
          name: `Cost (${currency})`,
          format: (v) => formatMoney(v, currency),
        }),
        series: lines.map((l, i) => ({
          name: l.name,
          type: 'line' as const,
          showSymbol: false,
          sampling: 'lttb' as const,
          color: l.colour,
          data: l.values,
          ...(i === 0 ? sliderMarker(ctx.theme, ctx.timeIndex) : {}),
        })),
      },
    }
  })
}

export function slaOption(
  r: SimulationResult,
  looks: TenantLooks,
  ctx: ChartContext,
): EChartsOption {
  const names = r.tenants.map((u) => looks.get(u.tenantId)?.name ?? u.tenantId)
  const p = palette(ctx.theme)
  return {
    ...base(
      ctx.theme,
      `${METRICS.deliveredAvailability.label} vs ${METRICS.promisedAvailability.label.toLowerCase()}`,
    ),
    tooltip: tooltip(ctx.theme, {
      trigger: 'axis',
      formatter: (
        params: Array<{
          marker?: string
          seriesName?: string
          axisValueLabel?: string
          value?: unknown
        }>,
      ) =>
        [
          params[0]?.axisValueLabel ?? '',
          ...params.map(
            (q) => `${q.marker ?? ''}${q.seriesName ?? ''}: <b>${Number(q.value).toFixed(3)} %</b>`,
          ),
        ].join('<br/>'),
    }),
    legend: legend(ctx.theme),
    grid: { left: 64, right: 24, top: 46, bottom: 92 },
    xAxis: {
      ...axis(ctx.theme, { name: 'Tenant', categories: names }),
      nameLocation: 'middle',
      nameGap: 44,
      // every tenant labelled: names wrap within their column instead of running together
      axisLabel: {
        color: p.muted,
        interval: 0,
        width: Math.max(36, Math.floor(230 / Math.max(1, names.length))),
        overflow: names.length > 8 ? 'truncate' : 'break',
        lineHeight: 12,
      },
    },
    yAxis: {
      ...axis(ctx.theme, { name: 'Availability (%)', format: (v) => `${formatValue(v)} %` }),
      // Bars from 0 (review s5 #7): an axis starting at the lowest value minus 1 drew the
      // worst tenant's bar ~1 point tall whatever its value (39.99 % looked like 0 %).
      min: 0,
      max: 100,
    },
    series: [
      {
        name: METRICS.deliveredAvailability.label,
        type: 'bar',
        data: r.tenants.map((u) => ({
          value: Number(u.availabilityPercent.toFixed(3)),
          itemStyle: { color: u.slaViolation ? '#d62728' : looks.get(u.tenantId)?.colour },
        })),
      },
      {
        name: METRICS.promisedAvailability.label,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { type: 'dashed' },
        data: r.tenants.map((u) => u.slaAvailabilityPercent),
      },
    ],
  }
}

/** A tenant's own CPU over the run, asked for against received (its view's chart). */
export function tenantViewCpuOption(
  s: {
    timesS: readonly number[]
    requestedMips: readonly number[]
    allocatedMips: readonly number[]
  },
  ctx: ChartContext,
): EChartsOption {
  return {
    ...base(ctx.theme, 'CPU over the run'),
    tooltip: axisTooltip(ctx.theme, () => (v) => formatValue(v, 'MIPS')),
    legend: legend(ctx.theme),
    grid: { left: 64, right: 16, top: 46, bottom: bottomFor(['Asked for', 'Received']) },
    xAxis: timeAxis(ctx.theme, s.timesS),
    yAxis: axis(ctx.theme, { name: 'CPU (MIPS)', format: (v) => formatValue(v) }),
    series: [
      {
        name: 'Asked for',
        type: 'line',
        showSymbol: false,
        color: '#b7791f',
        data: [...s.requestedMips],
      },
      {
        name: 'Received',
        type: 'line',
        showSymbol: false,
        color: '#2f6fdf',
        data: [...s.allocatedMips],
      },
    ],
  }
}
