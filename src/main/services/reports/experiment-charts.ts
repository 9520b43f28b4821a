/**
 * The experiment report's charts as inline SVG (ECharts server-side rendering, as
 * `chart-svg.ts`): the Pareto scatter (runs, and the front of the combination means) and a
 * box plot per metric over each combination's repetitions (ECharts' `boxplot` transform:
 * min, Q1, median, Q3, max).
 */
import type * as EChartsModule from 'echarts'
import { boundedAxis, type MetricRange } from '../../../shared/experiment/axis-range'

const FONT = { fontFamily: 'Helvetica, Arial, sans-serif' }

function render(
  echarts: typeof EChartsModule,
  option: Record<string, unknown>,
  size = { widthPx: 680, heightPx: 300 },
): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.widthPx,
    height: size.heightPx,
  })
  try {
    instance.setOption({ animation: false, textStyle: FONT, ...option })
    return instance.renderToSVGString()
  } finally {
    instance.dispose()
  }
}

export interface ParetoInput {
  xName: string
  yName: string
  runs: Array<{ x: number; y: number }>
  /** The front of the combination means, ordered by x. */
  front: Array<{ x: number; y: number; label: string }>
}

/** Runs as points, the Pareto front of the means as a dashed line of labelled diamonds. */
export function paretoSvg(echarts: typeof EChartsModule, input: ParetoInput): string {
  return render(echarts, {
    color: ['#2563eb', '#dc2626'],
    legend: { top: 0 },
    grid: { left: 70, right: 30, top: 40, bottom: 44 },
    xAxis: { type: 'value', name: input.xName, nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', name: input.yName, scale: true },
    series: [
      { type: 'scatter', name: 'runs', symbolSize: 6, data: input.runs.map((r) => [r.x, r.y]) },
      {
        type: 'line',
        name: 'Pareto front (means)',
        symbol: 'diamond',
        symbolSize: 10,
        lineStyle: { type: 'dashed' },
        label: { show: true, position: 'top', fontSize: 9, formatter: '{b}' },
        data: input.front.map((p) => ({ name: p.label, value: [p.x, p.y] })),
      },
    ],
  })
}

/** A box plot of `groups` (one box per combination label) for one metric. */
export function boxPlotSvg(
  echarts: typeof EChartsModule,
  input: { yName: string; groups: Array<{ label: string; values: number[] }>; range?: MetricRange },
): string {
  const labels = input.groups.map((g) => g.label)
  // within the metric's bounds (availability never past 100 %); else ECharts' own extent
  const bounds = boundedAxis(
    input.groups.flatMap((g) => g.values),
    input.range ?? { min: null, max: null },
  )
  return render(echarts, {
    color: ['#059669'],
    grid: { left: 70, right: 20, top: 30, bottom: 80 },
    dataset: [
      { source: input.groups.map((g) => g.values) },
      {
        transform: {
          type: 'boxplot',
          config: { itemNameFormatter: (p: { value: number }) => labels[p.value] ?? '' },
        },
      },
    ],
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: 20, fontSize: 9 } },
    yAxis: { type: 'value', name: input.yName, ...(bounds ?? { scale: true }) },
    series: [{ type: 'boxplot', datasetIndex: 1 }],
  })
}
