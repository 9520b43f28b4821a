/**
 * The ECharts option of the Pareto chart: one point per run (x: energy, y: SLA violation),
 * the Pareto front of the combination means marked as a line and larger points. Pure.
 */
import type { EChartsOption } from 'echarts'
import type { ExperimentResults } from '../../../../shared/contract'
import { factorText } from '../../stores/experiment-factors'
import {
  axis,
  base,
  formatValue,
  legend,
  palette,
  tooltip,
  type ChartTheme,
} from '../simulation/chart-style'
import { paretoFront } from './pareto'

/** The axes the chart can plot: a metric key and how values read. */
export interface ParetoAxes {
  x: { key: string; name: string; scale: number; unit: string }
  y: { key: string; name: string; scale: number; unit: string }
}

export const DEFAULT_PARETO_AXES: ParetoAxes = {
  x: { key: 'energyKWh', name: 'IT energy (kWh)', scale: 1, unit: 'kWh' },
  y: { key: 'overallSlaViolation', name: 'SLA violation (%)', scale: 100, unit: '%' },
}

/** A combination's label: its factor values in order (`dvfs · 4`). */
export function combinationLabel(
  factorNames: readonly string[],
  factors: Record<string, unknown>,
): string {
  return factorNames.map((f) => factorText(factors[f] as never)).join(' · ')
}

function value(
  row: Record<string, unknown>,
  summary: Record<string, unknown>,
  key: string,
): number {
  const v = typeof row[key] === 'number' ? row[key] : summary[key]
  return typeof v === 'number' ? v : NaN
}

/** The chart option and how many points it draws (runs plus front points). */
export function paretoOption(
  theme: ChartTheme,
  results: ExperimentResults,
  axes: ParetoAxes = DEFAULT_PARETO_AXES,
): { option: EChartsOption; points: number; front: string[] } {
  const runs = results.runs.map((r) => ({
    runId: r.runId,
    label: combinationLabel(results.factorNames, r.factors),
    x: value(r as never, r.summary as never, axes.x.key) * axes.x.scale,
    y: value(r as never, r.summary as never, axes.y.key) * axes.y.scale,
  }))
  const means = results.combinations.map((c) => ({
    label: combinationLabel(results.factorNames, c.factors),
    x: (c.estimates[axes.x.key]?.mean ?? NaN) * axes.x.scale,
    y: (c.estimates[axes.y.key]?.mean ?? NaN) * axes.y.scale,
  }))
  const front = paretoFront(means).map((i) => means[i]!)
  const p = palette(theme)
  const fmt = (unit: string) => (v: number) => formatValue(v, unit)
  const option: EChartsOption = {
    // short enough for the narrow panel; the legend names the front
    ...base(theme, 'Energy vs SLA violation'),
    grid: { left: 56, right: 16, top: 56, bottom: 64 },
    xAxis: {
      ...axis(theme, { name: axes.x.name }),
      nameLocation: 'middle',
      nameGap: 24,
      scale: true,
    },
    yAxis: { ...axis(theme, { name: axes.y.name }), scale: true },
    legend: legend(theme),
    tooltip: tooltip(theme, {
      trigger: 'item',
      formatter: (q: { data?: { name?: string; value?: number[] }; seriesName?: string }) => {
        const [x = NaN, y = NaN] = q.data?.value ?? []
        return `${q.seriesName ?? ''}: <b>${q.data?.name ?? ''}</b><br/>${fmt(axes.x.unit)(x)} · ${fmt(axes.y.unit)(y)}`
      },
    }),
    series: [
      {
        type: 'scatter',
        name: 'Runs',
        symbolSize: 7,
        itemStyle: { opacity: 0.7 },
        data: runs.map((r) => ({ value: [r.x, r.y], name: r.label, runId: r.runId })),
      },
      {
        type: 'line',
        name: 'Pareto front (means)',
        symbol: 'diamond',
        symbolSize: 12,
        lineStyle: { type: 'dashed', color: p.marker },
        itemStyle: { color: p.marker },
        data: front.map((m) => ({ value: [m.x, m.y], name: m.label })),
      },
    ] as EChartsOption['series'],
  }
  return { option, points: runs.length + front.length, front: front.map((m) => m.label) }
}
