/**
 * ECharts options of the physical charts built from a simulation result (or a running run's
 * series so far): per-host utilization heatmap, power and energy, active hosts. Every chart
 * takes the shared style (chart-style.ts): units on every axis, formatted tooltips kept in
 * the viewport, the time-slider marker. Pure functions (unit-testable).
 */
import type { EChartsOption } from 'echarts'
import type { SimulationResult } from '../../../../shared/contract'
import {
  axis,
  axisTooltip,
  base,
  bottomFor,
  clockLabel,
  formatValue,
  legend,
  palette,
  sliderMarker,
  timeAxis,
  tooltip,
  type ChartTheme,
} from './chart-style'

/** The heatmap shows at most this many hosts and samples (downsampled evenly). */
const MAX_HOSTS = 40
const MAX_SAMPLES = 120

/** What every chart needs besides its data: the theme and the time-slider's sample. */
export interface ChartContext {
  theme: ChartTheme
  /** Index of the sample the time slider shows; undefined for none (a run in progress). */
  timeIndex?: number
  /** Main holds the run's per-host series (a large run): the canvas shows them for hosts in view. */
  hostSeriesInMain?: boolean
}

function every<T>(
  list: readonly T[],
  max: number,
): { step: number; items: Array<{ item: T; index: number }> } {
  const step = Math.max(1, Math.ceil(list.length / max))
  const items: Array<{ item: T; index: number }> = []
  for (let i = 0; i < list.length; i += step) items.push({ item: list[i] as T, index: i })
  return { step, items }
}

/**
 * Rows of the utilization heatmap: one per host, or, when the run kept no per-host series (hosts
 * × samples over the budget), one per rack with its hosts' mean, said in the title.
 */
export function heatmapRows(r: SimulationResult): {
  rows: Array<{ id: string; utilization: readonly number[] }>
  unit: 'host' | 'rack'
} {
  if (r.series.hosts.length === 0 && r.series.racks && r.series.racks.length > 0)
    return {
      rows: r.series.racks.map((x) => ({ id: x.rackId, utilization: x.utilization })),
      unit: 'rack',
    }
  return {
    rows: r.series.hosts.map((h) => ({ id: h.hostId, utilization: h.utilization })),
    unit: 'host',
  }
}

export function heatmapOption(
  r: SimulationResult,
  name: (id: string) => string,
  ctx: ChartContext,
): EChartsOption {
  const { rows, unit } = heatmapRows(r)
  const hosts = every(rows, MAX_HOSTS)
  const samples = every(r.series.timesS, MAX_SAMPLES)
  const data: Array<[number, number, number]> = []
  hosts.items.forEach(({ item: h }, y) =>
    samples.items.forEach(({ index }, x) =>
      data.push([x, y, Math.round((h.utilization[index] ?? 0) * 100)]),
    ),
  )
  const names = hosts.items.map((h) => name(h.item.id))
  const times = samples.items.map((s) => s.item)
  const shown = hosts.step > 1 ? ` (every ${hosts.step}th of ${rows.length} ${unit}s)` : ''
  // per rack: the title says so, and a wrapped line under it says why
  const note = ctx.hostSeriesInMain
    ? 'too many hosts to chart: the canvas shows the hosts in view'
    : 'no per-host series kept'
  const b = base(
    ctx.theme,
    unit === 'rack' ? 'Rack utilization (%)' : `Host utilization (%)${shown}`,
  )
  const p = palette(ctx.theme)
  const title =
    unit === 'rack'
      ? {
          ...(b.title as Record<string, unknown>),
          subtext: `Mean of each rack's hosts${shown}; ${note}`,
          subtextStyle: {
            color: p.muted,
            fontSize: 11,
            lineHeight: 14,
            width: 260,
            overflow: 'break' as const,
          },
        }
      : b.title
  return {
    ...b,
    title,
    tooltip: tooltip(ctx.theme, {
      formatter: (q: { value?: [number, number, number] }) => {
        const [x, y, v] = q.value ?? [0, 0, 0]
        return `${names[y] ?? ''} at ${clockLabel(times[x] ?? 0)}<br/><b>${v} %</b> CPU allocated`
      },
    }),
    grid: { left: 80, right: 16, top: unit === 'rack' ? 100 : 48, bottom: 78 },
    xAxis: timeAxis(ctx.theme, times),
    yAxis: {
      ...axis(ctx.theme, { name: unit === 'rack' ? 'Rack' : 'Host', categories: names }),
      axisLabel: { color: p.muted, interval: 0, fontSize: names.length > 20 ? 9 : 11 },
    },
    visualMap: {
      min: 0,
      max: 100,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 140,
      itemWidth: 12,
      text: ['100 %', 'Utilization 0 %'],
      textStyle: { color: p.muted },
      inRange: { color: ['#2ca02c', '#ffdd57', '#d62728'] },
    },
    series: [
      {
        name: 'Utilization',
        type: 'heatmap',
        data,
        progressive: 2000,
        ...sliderMarker(
          ctx.theme,
          ctx.timeIndex === undefined ? undefined : Math.floor(ctx.timeIndex / samples.step),
        ),
      },
    ],
  }
}

/** The series the power, energy and host charts draw (a result's, or a running run's). */
export interface PowerSeries {
  timesS: readonly number[]
  totalPowerW: readonly number[]
  activeHosts: readonly number[]
  /** Energy up to each sample, kWh; derived from the power series when absent. */
  energyKWh?: readonly number[]
}

/** Energy up to each sample from the power series (left sums), kWh. */
export function energySeries(timesS: readonly number[], totalPowerW: readonly number[]): number[] {
  let energyKWh = 0
  return timesS.map((s, i) => {
    const dtS = i === 0 ? 0 : s - (timesS[i - 1] as number)
    energyKWh += ((totalPowerW[i - 1] ?? 0) * dtS) / 3_600_000
    return energyKWh
  })
}

const powerSeries = (r: SimulationResult | PowerSeries): PowerSeries =>
  'series' in r ? r.series : r

export function powerOption(r: SimulationResult | PowerSeries, ctx: ChartContext): EChartsOption {
  const p = powerSeries(r)
  const energy = p.energyKWh ?? energySeries(p.timesS, p.totalPowerW)
  const units: Record<string, string> = { Power: 'W', Energy: 'kWh' }
  return {
    ...base(ctx.theme, 'Power and energy'),
    tooltip: axisTooltip(ctx.theme, (name) => (v) => formatValue(v, units[name])),
    legend: legend(ctx.theme),
    grid: { left: 64, right: 64, top: 46, bottom: bottomFor(['Power', 'Energy']) },
    xAxis: timeAxis(ctx.theme, p.timesS),
    yAxis: [
      axis(ctx.theme, { name: 'Power (W)', format: (v) => formatValue(v) }),
      axis(ctx.theme, { name: 'Energy (kWh)', format: (v) => formatValue(v) }),
    ],
    series: [
      {
        name: 'Power',
        type: 'line',
        showSymbol: false,
        data: [...p.totalPowerW],
        ...sliderMarker(ctx.theme, ctx.timeIndex),
      },
      { name: 'Energy', type: 'line', showSymbol: false, yAxisIndex: 1, data: [...energy] },
    ],
  }
}

/** Active hosts on their own count axis (on the power axis a value of 9 lay flat on zero). */
export function hostsOption(r: SimulationResult | PowerSeries, ctx: ChartContext): EChartsOption {
  const p = powerSeries(r)
  const count = (v: number): string => `${formatValue(v)} ${v === 1 ? 'host' : 'hosts'}`
  return {
    ...base(ctx.theme, 'Active hosts'),
    tooltip: axisTooltip(ctx.theme, () => count),
    grid: { left: 64, right: 24, top: 46, bottom: 40 },
    xAxis: timeAxis(ctx.theme, p.timesS),
    yAxis: { ...axis(ctx.theme, { name: 'Hosts on' }), minInterval: 1, min: 0 },
    series: [
      {
        name: 'Active hosts',
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: [...p.activeHosts],
        ...sliderMarker(ctx.theme, ctx.timeIndex),
      },
    ],
  }
}
