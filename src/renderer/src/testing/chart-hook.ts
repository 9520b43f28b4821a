/**
 * The chart test hook `window.__strataCharts`: what each chart on screen draws (axes, series,
 * marker, legend, colour map), read from its live ECharts option. Installed only where the
 * canvas test hook is (`?test=1` or a dev build).
 */
import type { EChartsOption } from 'echarts'
import { testHookWanted } from '../canvas/test-hook'
import type { AxisFact, ChartFact, StrataChartHook } from './app-hook-types'

type Getter = () => EChartsOption | undefined
const charts = new Map<string, Getter>()

type Rec = Record<string, unknown>
const list = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : v ? [v as Rec] : [])
const axis = (a: Rec): AxisFact => ({
  name: typeof a.name === 'string' ? a.name : '',
  categories: Array.isArray(a.data) ? (a.data as unknown[]).map(String) : [],
})

/** Reads an ECharts option (as `getOption()` returns it) into a chart fact. */
export function chartFact(name: string, option: EChartsOption): ChartFact {
  const o = option as Rec
  const series = list(o.series)
  const markLine = series
    .flatMap((s) => list((s.markLine as Rec | undefined)?.data))
    .find((d) => d.xAxis !== undefined)
  const legend = list(o.legend)[0]
  const vm = list(o.visualMap)[0]
  const tooltip = list(o.tooltip)[0]
  return {
    name,
    title: String(list(o.title)[0]?.text ?? ''),
    xAxes: list(o.xAxis).map(axis),
    yAxes: list(o.yAxis).map(axis),
    series: series.map((s) => ({
      name: String(s.name ?? ''),
      type: String(s.type ?? ''),
      yAxisIndex: Number(s.yAxisIndex ?? 0),
      points: Array.isArray(s.data) ? s.data.length : 0,
    })),
    marker: markLine ? String(markLine.xAxis) : undefined,
    legend: legend ? String(legend.type ?? 'plain') : undefined,
    visualMap: vm
      ? {
          min: Number(vm.min),
          max: Number(vm.max),
          text: Array.isArray(vm.text) ? (vm.text as unknown[]).map(String) : [],
        }
      : undefined,
    tooltipConfined: tooltip?.confine === true,
  }
}

/** Registers a chart on screen; returns its removal. */
export function registerChart(name: string, get: Getter): () => void {
  if (!testHookWanted()) return () => undefined
  charts.set(name, get)
  const w = globalThis as unknown as { __strataCharts?: StrataChartHook }
  w.__strataCharts ??= {
    charts: () =>
      [...charts].flatMap(([n, g]) => {
        const option = g()
        return option ? [chartFact(n, option)] : []
      }),
  }
  return () => {
    if (charts.get(name) === get) charts.delete(name)
  }
}
