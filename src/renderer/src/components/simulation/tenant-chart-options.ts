/**
 * ECharts options of the per-tenant charts: CPU received, cost so far (one chart per
 * currency: amounts in different currencies are never added or share an axis), and
 * availability against the SLA. Same shared style as the physical charts. More than a dozen
 * tenants: the largest keep their own line, the rest are one line of their mean per tenant.
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
  formatMoneyShort,
  formatValue,
  gridAt,
  legend,
  MAX_LEGEND_SERIES,
  mipsUnit,
  palette,
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
  /** Tenants this line is the mean of (the group of the smaller ones); absent: one tenant. */
  grouped?: number
}

/**
 * At most MAX_LEGEND_SERIES lines: the largest by total, the rest as one line of their mean per
 * tenant (review s9u C10: their sum, 39 tenants' worth, put the kept tenants' lines flat on the
 * axis's floor, 40 times below it). Every sample's total is the kept lines plus the mean times
 * the count the group's name gives.
 */
export function groupLines(lines: readonly Line[], max = MAX_LEGEND_SERIES): Line[] {
  if (lines.length <= max) return [...lines]
  const total = (l: Line): number => l.values.reduce((s, v) => s + v, 0)
  const ranked = [...lines].sort((a, b) => total(b) - total(a))
  const kept = ranked.slice(0, max - 1)
  const rest = ranked.slice(max - 1)
  const n = Math.max(...rest.map((l) => l.values.length))
  const values = Array.from(
    { length: n },
    (_, i) => rest.reduce((s, l) => s + (l.values[i] ?? 0), 0) / rest.length,
  )
  return [
    ...kept,
    { name: `Other ${rest.length} tenants, mean`, colour: '#8d97a8', values, grouped: rest.length },
  ]
}

/**
 * A CPU axis for these values (MIPS), in MIPS, GIPS, TIPS or PIPS by magnitude: its title
 * names the unit, its labels and the tooltip are in it.
 */
function cpuAxis(valuesMips: readonly number[]): {
  axis: (theme: ChartContext['theme']) => Record<string, unknown>
  tooltip: (v: number) => string
} {
  let max = 0
  for (const v of valuesMips) if (Math.abs(v) > max) max = Math.abs(v)
  const u = mipsUnit(max)
  return {
    axis: (theme) =>
      axis(theme, { name: `CPU (${u.unit})`, format: (v) => formatValue(v / u.perMips) }),
    tooltip: (v) => formatValue(v / u.perMips, u.unit),
  }
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
  const cpu = cpuAxis(lines.flatMap((l) => l.values))
  return {
    ...base(ctx.theme, 'CPU received per tenant'),
    tooltip: axisTooltip(ctx.theme, () => cpu.tooltip),
    legend: legend(ctx.theme),
    grid: gridAt({ left: 64, right: 24, top: 46, bottom: bottomFor(lines.map((l) => l.name)) }),
    xAxis: timeAxis(ctx.theme, s.timesS),
    yAxis: cpu.axis(ctx.theme),
    series: lines.map((l) => ({
      name: l.name,
      type: 'line' as const,
      showSymbol: false,
      sampling: 'lttb' as const,
      color: l.colour,
      data: l.values,
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
        grid: gridAt({ left: 64, right: 24, top: 46, bottom: bottomFor(lines.map((l) => l.name)) }),
        xAxis: timeAxis(ctx.theme, s.timesS),
        yAxis: axis(ctx.theme, {
          name: `Cost (${currency})`,
          format: (v) => formatMoneyShort(v, currency),
        }),
        series: lines.map((l) => ({
          name: l.name,
          type: 'line' as const,
          showSymbol: false,
          sampling: 'lttb' as const,
          color: l.colour,
          data: l.values,
        })),
      },
    }
  })
}

/** Most tenants the availability chart shows, one row each: those nearest or below their promise. */
export const MAX_SLA_ROWS = 15
/** Height (px) of one tenant's row in the availability chart. */
export const SLA_ROW_PX = 18

/**
 * Nines of an availability (%): -log10(1 - a / 100), so 90 % is 1, 99 % is 2, 99.9 % is 3;
 * 100 % (no downtime at all) has infinitely many and is drawn at `cap`.
 */
export function ninesOf(availabilityPercent: number, cap: number): number {
  const down = 1 - availabilityPercent / 100
  return down <= 0 ? cap : Math.min(cap, Math.max(0, -Math.log10(down)))
}

/** The availability (%) `n` nines stand for, as an axis label: 0 %, 90 %, 99 %, 99.9 % … */
export function ninesLabel(n: number): string {
  const digits = Math.max(0, Math.ceil(n - 2 - 1e-9))
  return `${(100 - 10 ** (2 - n)).toFixed(digits)} %`
}

/**
 * The tenants the availability chart shows, nearest or below their promise first (delivered
 * minus promised nines, least first; then by name): all of them up to `MAX_SLA_ROWS`.
 */
export function slaRows(
  r: Pick<SimulationResult, 'tenants'>,
  looks: TenantLooks,
  max = MAX_SLA_ROWS,
): { rows: SimulationResult['tenants']; of: number; cap: number } {
  const finite = r.tenants.flatMap((u) =>
    [u.availabilityPercent, u.slaAvailabilityPercent]
      .filter((a) => a < 100)
      .map((a) => ninesOf(a, 99)),
  )
  // one nine above the best finite value (at least 4: 99.99 %), where 100 % is drawn
  const cap = Math.max(4, Math.ceil(Math.max(0, ...finite) - 1e-9) + 1)
  const margin = (u: SimulationResult['tenants'][number]): number =>
    ninesOf(u.availabilityPercent, cap) - ninesOf(u.slaAvailabilityPercent, cap)
  const name = (id: string): string => looks.get(id)?.name ?? id
  const rows = [...r.tenants]
    .sort((a, b) => margin(a) - margin(b) || name(a.tenantId).localeCompare(name(b.tenantId)))
    .slice(0, max)
  return { rows, of: r.tenants.length, cap }
}

/**
 * Delivered against promised availability per tenant, on an axis of nines (review s9u C10: on a
 * 0–100 % axis 99.9 % and 100 % could not be told apart): one row per tenant, a bar from 0 to
 * its delivered nines (red when below its promise), a diamond at its promised nines; the axis
 * labelled 90 %, 99 %, 99.9 % …, and the subtitle says so. More than `MAX_SLA_ROWS` tenants:
 * those nearest or below their promise, said in the subtitle.
 */
export function slaOption(
  r: SimulationResult,
  looks: TenantLooks,
  ctx: ChartContext,
): EChartsOption {
  const { rows, of, cap } = slaRows(r, looks)
  // names cut here (ECharts' own truncation measures them a character at a time)
  const short = (n: string): string => (n.length > 11 ? `${n.slice(0, 10)}…` : n)
  const full = rows.map((u) => looks.get(u.tenantId)?.name ?? u.tenantId)
  const names = full.map(short)
  const p = palette(ctx.theme)
  const b = base(ctx.theme, 'Availability per tenant')
  const which =
    rows.length < of ? `The ${rows.length} of ${of} tenants nearest their promise.\n` : ''
  const exact = (a: number): string => `${Number(a.toFixed(4))} %`
  const ninesAxis = axis(ctx.theme, {
    name: 'Availability (nines)',
    // the axis's end is where 100 % (no downtime) is drawn
    format: (n) => (n >= cap ? '100 %' : ninesLabel(n)),
  })
  return {
    ...b,
    title: {
      ...(b.title as Record<string, unknown>),
      subtext: `${which}Axis in nines: 90 %, 99 %, 99.9 % … evenly spaced.\nBar: delivered; ◆ promised.`,
      subtextStyle: { color: p.muted, fontSize: 11, lineHeight: 14 },
    },
    tooltip: tooltip(ctx.theme, {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex?: number }>) => {
        const u = rows[params[0]?.dataIndex ?? -1]
        if (!u) return ''
        return [
          full[params[0]?.dataIndex ?? 0] ?? '',
          `${METRICS.deliveredAvailability.label}: <b>${exact(u.availabilityPercent)}</b>`,
          `${METRICS.promisedAvailability.label}: <b>${exact(u.slaAvailabilityPercent)}</b>`,
        ].join('<br/>')
      },
    }),
    legend: legend(ctx.theme),
    grid: gridAt({ left: 92, right: 28, top: which ? 96 : 82, bottom: 64 }),
    xAxis: {
      ...ninesAxis,
      axisLabel: { ...(ninesAxis.axisLabel as object), fontSize: 10, hideOverlap: true },
      nameLocation: 'middle',
      nameGap: 24,
      // bars from 0 (review s5 #7): a bar's length is its nines, whatever the others'
      min: 0,
      max: cap,
      interval: 1,
    },
    yAxis: {
      ...axis(ctx.theme, { name: 'Tenant', categories: names }),
      inverse: true,
      // above the first row (the axis runs top down)
      nameLocation: 'start',
      nameGap: 8,
      axisLabel: { color: p.muted, interval: 0 },
    },
    series: [
      {
        name: METRICS.deliveredAvailability.label,
        type: 'bar',
        barMaxWidth: 12,
        // the legend's swatch: bars take their tenant's colour (red below the promise)
        color: p.muted,
        data: rows.map((u) => ({
          value: ninesOf(u.availabilityPercent, cap),
          itemStyle: { color: u.slaViolation ? '#d62728' : looks.get(u.tenantId)?.colour },
        })),
      },
      {
        name: METRICS.promisedAvailability.label,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { opacity: 0 },
        itemStyle: { color: p.text },
        data: rows.map((u) => ninesOf(u.slaAvailabilityPercent, cap)),
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
  const cpu = cpuAxis([...s.requestedMips, ...s.allocatedMips])
  return {
    ...base(ctx.theme, 'CPU over the run'),
    tooltip: axisTooltip(ctx.theme, () => cpu.tooltip),
    legend: legend(ctx.theme),
    grid: gridAt({ left: 64, right: 16, top: 46, bottom: bottomFor(['Asked for', 'Received']) }),
    xAxis: timeAxis(ctx.theme, s.timesS),
    yAxis: cpu.axis(ctx.theme),
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
