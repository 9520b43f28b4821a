/**
 * The chart test hook `window.__strataCharts`: what each chart on screen draws (axes, series,
 * marker, legend, colour map), read from its live ECharts option. Installed only where the
 * canvas test hook is (`?test=1` or a dev build).
 */
import type { EChartsOption } from 'echarts'
import { testHookWanted } from '../canvas/test-hook'
import type { AxisFact, ChartFact, StrataChartHook } from './app-hook-types'

type Getter = () => EChartsOption | undefined
/** The x category of the time-slider marker drawn over a chart, if it draws one. */
type MarkerGetter = () => number | undefined
const charts = new Map<string, { get: Getter; marker?: MarkerGetter }>()

type Rec = Record<string, unknown>
const list = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : v ? [v as Rec] : [])
const axis = (a: Rec): AxisFact => ({
  name: typeof a.name === 'string' ? a.name : '',
  categories: Array.isArray(a.data) ? (a.data as unknown[]).map(String) : [],
})

/**
 * Reads an ECharts option (as `getOption()` returns it) and the x category of the slider marker
 * drawn over the chart into a chart fact.
 */
export function chartFact(name: string, option: EChartsOption, marker?: number): ChartFact {
  const o = option as Rec
  const series = list(o.series)
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
    marker: marker === undefined ? undefined : String(marker),
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

/** Registers a chart on screen (and its slider marker's category); returns its removal. */
export function registerChart(name: string, get: Getter, marker?: MarkerGetter): () => void {
  if (!testHookWanted()) return () => undefined
  const entry = { get, marker }
  charts.set(name, entry)
  const w = globalThis as unknown as { __strataCharts?: StrataChartHook }
  w.__strataCharts ??= {
    charts: () =>
      [...charts].flatMap(([n, c]) => {
        const option = c.get()
        return option ? [chartFact(n, option, c.marker?.())] : []
      }),
  }
  return () => {
    if (charts.get(name) === entry) charts.delete(name)
  }
}
