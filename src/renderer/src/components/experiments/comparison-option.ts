/**
 * The charts of runs side by side (issue 16): one chart per quantity (power, active hosts, SLA
 * violation), each run a line on the same axes (time in hours on x, so runs with other steps or
 * horizons still line up). Pure.
 */
import type { EChartsOption } from 'echarts'
import type { ExperimentRunSeries } from '../../../../shared/contract'
import {
  axis,
  axisTooltip,
  base,
  formatValue,
  legend,
  type ChartTheme,
} from '../simulation/chart-style'

/** A quantity compared over time: its series, chart title and unit. */
export interface ComparedQuantity {
  key: 'power' | 'hosts' | 'sla'
  title: string
  unit: string
  values: (s: ExperimentRunSeries) => number[]
}

export const COMPARED_QUANTITIES: readonly ComparedQuantity[] = [
  {
    key: 'power',
    title: 'Power draw (kW; its area is the energy)',
    unit: 'kW',
    values: (s) => s.powerW.map((w) => w / 1000),
  },
  {
    key: 'hosts',
    title: 'Active hosts',
    unit: '',
    values: (s) => s.activeHosts,
  },
  {
    key: 'sla',
    title: 'CPU SLA violation (%)',
    unit: '%',
    values: (s) => s.slaViolationPercent,
  },
]

/** The chart of `quantity` with one line per run, named by `labels` (same order). */
export function comparisonOption(
  theme: ChartTheme,
  quantity: ComparedQuantity,
  runs: readonly ExperimentRunSeries[],
  labels: readonly string[],
): { option: EChartsOption; points: number } {
  const names = runs.map((r, i) => labels[i] ?? `run ${r.index + 1}`)
  const byName = new Set(names)
  const series = runs.map((r, i) => {
    const values = quantity.values(r)
    return {
      type: 'line' as const,
      name: names[i] as string,
      showSymbol: false,
      step: 'end' as const,
      data: r.timesS.map((t, k) => [t / 3600, values[k] ?? NaN]),
    }
  })
  const option: EChartsOption = {
    ...base(theme, quantity.title),
    grid: { left: 48, right: 16, top: 36, bottom: 44 + 20 * Math.ceil(names.length / 2) },
    xAxis: {
      ...axis(theme, { name: 'Time (h)' }),
      type: 'value',
      nameLocation: 'middle',
      nameGap: 24,
      min: 'dataMin',
      max: 'dataMax',
    },
    // the title names the quantity and its unit: an axis name would crowd it
    yAxis: { ...axis(theme, { name: '' }), scale: quantity.key !== 'sla' },
    legend: legend(theme),
    tooltip: axisTooltip(theme, (name) =>
      byName.has(name) ? (v: number) => formatValue(v, quantity.unit) : (v) => formatValue(v),
    ),
    series,
  }
  return { option, points: series.reduce((n, s) => n + s.data.length, 0) }
}
