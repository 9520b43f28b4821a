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

/** A label's box around its anchor, pixels: centre and half sizes. */
interface LabelBox {
  cx: number
  cy: number
  hw: number
  hh: number
}

const overlaps = (a: LabelBox, b: LabelBox): boolean =>
  Math.abs(a.cx - b.cx) < a.hw + b.hw && Math.abs(a.cy - b.cy) < a.hh + b.hh

/**
 * Offsets (pixels, from the point) for the front's number labels, so that no two labels and
 * no label and another front point overlap: for each point in turn the first free place among
 * above, below, right, left, then farther out. Greedy, deterministic.
 */
export function labelOffsets(points: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const placed: LabelBox[] = []
  const marks: LabelBox[] = points.map(([x, y]) => ({ cx: x, cy: y, hw: 5, hh: 5 }))
  return points.map(([x, y], i) => {
    const hw = 3.5 * String(i + 1).length + 2
    const hh = 7
    const candidates: Array<[number, number]> = []
    for (const r of [12, 24, 36])
      candidates.push([0, -r], [0, r], [r, 0], [-r, 0], [r, -r], [-r, -r], [r, r], [-r, r])
    const free = candidates.find(([dx, dy]) => {
      const box = { cx: x + dx, cy: y + dy, hw, hh }
      return !placed.some((b) => overlaps(b, box)) && !marks.some((m) => overlaps(m, box))
    })
    const [dx, dy] = free ?? (candidates[0] as [number, number])
    placed.push({ cx: x + dx, cy: y + dy, hw, hh })
    return [dx, dy]
  })
}

/**
 * Runs as points, the Pareto front of the means as a dashed line of diamonds numbered 1..n in
 * x order (the report lists "Pareto front N: combination" under the chart; full combination
 * labels overlapped wherever two means lay close). The numbers are placed where they overlap
 * nothing (`labelOffsets`, on the points' pixel positions in a first layout).
 */
export function paretoSvg(echarts: typeof EChartsModule, input: ParetoInput): string {
  const series = (offsets?: ReadonlyArray<[number, number]>): unknown[] => [
    { type: 'scatter', name: 'runs', symbolSize: 6, data: input.runs.map((r) => [r.x, r.y]) },
    {
      type: 'line',
      name: 'Pareto front (means)',
      symbol: 'diamond',
      symbolSize: 10,
      lineStyle: { type: 'dashed' },
      label: {
        show: offsets !== undefined,
        position: 'inside',
        fontSize: 10,
        fontWeight: 'bold',
        color: '#111',
        formatter: '{b}',
      },
      data: input.front.map((p, i) => ({
        name: String(i + 1),
        value: [p.x, p.y],
        ...(offsets ? { label: { offset: offsets[i] } } : {}),
      })),
    },
  ]
  const option = {
    color: ['#2563eb', '#dc2626'],
    legend: { top: 0 },
    grid: { left: 70, right: 30, top: 40, bottom: 44 },
    xAxis: { type: 'value', name: input.xName, nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', name: input.yName, scale: true },
  }
  const size = { widthPx: 680, heightPx: 300 }
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.widthPx,
    height: size.heightPx,
  })
  try {
    instance.setOption({ animation: false, textStyle: FONT, ...option, series: series() })
    const pixels = input.front.map((p) => {
      const px = instance.convertToPixel({ seriesIndex: 1 }, [p.x, p.y]) as unknown
      return (Array.isArray(px) ? px : [0, 0]) as [number, number]
    })
    instance.setOption({ series: series(labelOffsets(pixels)) })
    return instance.renderToSVGString()
  } finally {
    instance.dispose()
  }
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
