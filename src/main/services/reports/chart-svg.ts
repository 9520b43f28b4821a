/**
 * Charts as inline SVG with Apache ECharts' server-side rendering (no browser, no DOM):
 * `echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })` then
 * `renderToSVGString()`. Animations are off so the SVG is the final picture.
 */
import type * as EChartsModule from 'echarts'
import type { ChartRenderer, ReportChart } from '../../engine'

const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#4b5563',
  '#ea580c',
  '#0d9488',
  '#9333ea',
  '#b91c1c',
  '#1d4ed8',
  '#15803d',
  '#a16207',
]

/** At most this many points per line: longer series are averaged into buckets (CSV keeps all). */
const MAX_POINTS = 600

function downsample(times: number[], values: number[]): Array<[number, number]> {
  const n = Math.min(times.length, values.length)
  const step = Math.max(1, Math.ceil(n / MAX_POINTS))
  const out: Array<[number, number]> = []
  for (let i = 0; i < n; i += step) {
    let sum = 0
    let k = 0
    for (let j = i; j < Math.min(n, i + step); j++, k++) sum += values[j] ?? 0
    out.push([
      Number(((times[i] ?? 0) / 3600).toFixed(4)),
      Number((sum / Math.max(1, k)).toFixed(4)),
    ])
  }
  return out
}

let echartsModule: Promise<typeof EChartsModule> | undefined

/**
 * The chart renderer for one document (call it once per report), with ECharts loaded on
 * first use: it costs about a second of start-up, which every other CLI command and the
 * app's start should not pay. Its charts' SVG ids are numbered within the document (see
 * `renumberZrenderIds`), so the same report is the same bytes in any thread.
 */
export async function loadChartRenderer(): Promise<ChartRenderer> {
  echartsModule ??= import('echarts')
  const echarts = await echartsModule
  let charts = 0
  return (chart, size) => renumberZrenderIds(renderChartSvg(echarts, chart, size), charts++)
}

/**
 * zrender names each SVG's ids and classes from two counters that live as long as the thread
 * (`zr85-c0`, `zr85-cls-412`; not exposed, never reset), so a report made in a reused pool
 * thread differed from the same report made in a fresh one (review s7b #6). This renames
 * them from the chart's place in its document: `zr<chartIndex>`, and the classes `-cls-0`,
 * `-cls-1`, … in order of first use. Only zrender's own places are touched: `id="…"`,
 * `url(#…)`, `class="…"` and the `.class` rules at the start of a line of its `<style>`;
 * never the charts' text. Distinct charts keep distinct prefixes, so ids stay unique in
 * the document.
 */
export function renumberZrenderIds(svg: string, chartIndex: number): string {
  const classes = new Map<string, number>()
  return svg.replace(
    /(class="|id="|url\(#|^\.)zr\d+-(?:cls-(\d+)|([a-z]+-?\d+))/gm,
    (_whole, before: string, cls: string | undefined, other: string | undefined) => {
      if (cls === undefined) return `${before}zr${chartIndex}-${other ?? ''}`
      let n = classes.get(cls)
      if (n === undefined) classes.set(cls, (n = classes.size))
      return `${before}zr${chartIndex}-cls-${n}`
    },
  )
}

/** Renders one report chart to an SVG string. */
function renderChartSvg(
  echarts: typeof EChartsModule,
  chart: ReportChart,
  size: { widthPx: number; heightPx: number },
): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.widthPx,
    height: size.heightPx,
  })
  try {
    const many = chart.series.length > 6
    instance.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
      grid: { left: 70, right: many ? 170 : 24, top: 30, bottom: 44 },
      legend: many
        ? {
            type: 'plain',
            orient: 'vertical',
            right: 0,
            top: 20,
            textStyle: { fontSize: 10 },
            itemWidth: 14,
            itemHeight: 8,
          }
        : { top: 0, textStyle: { fontSize: 11 } },
      xAxis: {
        type: 'value',
        name: 'hours',
        nameLocation: 'middle',
        nameGap: 26,
        min: 0,
        max: Math.max(1, Math.ceil((chart.timesS.at(-1) ?? 0) / 3600)),
        axisLabel: { fontSize: 10 },
      },
      yAxis: {
        type: 'value',
        name: chart.yUnit,
        nameTextStyle: { fontSize: 11 },
        axisLabel: { fontSize: 10 },
        scale: false,
      },
      series: chart.series.map((s) => ({
        name: s.name,
        type: 'line',
        showSymbol: false,
        smooth: false,
        stack: chart.stacked ? 'total' : undefined,
        areaStyle: chart.kind === 'area' ? { opacity: chart.stacked ? 0.55 : 0.25 } : undefined,
        lineStyle: { width: 1.4 },
        itemStyle: s.colour ? { color: s.colour } : undefined,
        data: downsample(chart.timesS, s.values),
      })),
    })
    return instance.renderToSVGString()
  } finally {
    instance.dispose()
  }
}
