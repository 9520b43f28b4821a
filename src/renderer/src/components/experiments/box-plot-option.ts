/**
 * The ECharts option of one factor's box plot: a box per level (whiskers at the minimum and
 * maximum, box from Q1 to Q3, line at the median; quartiles from `factor-boxes.ts`). Pure.
 */
import type { EChartsOption } from 'echarts'
import { axis, base, formatValue, tooltip, type ChartTheme } from '../simulation/chart-style'
import type { FactorBoxes } from './factor-boxes'
import { boundedAxis, type MetricRange } from '../../../../shared/experiment/axis-range'

/** The option, and how many boxes it draws. */
export function boxPlotOption(
  theme: ChartTheme,
  boxes: FactorBoxes,
  metric: { name: string; unit: string; range?: MetricRange },
): { option: EChartsOption; points: number } {
  // within the metric's bounds (availability never past 100 %); else ECharts' own extent
  const bounds = boundedAxis(
    boxes.levels.flatMap((l) => [l.stats.min, l.stats.max]),
    metric.range ?? { min: null, max: null },
  )
  const fmt = (v: number): string => formatValue(v, metric.unit)
  const labels = boxes.levels.map((l) => l.label)
  const option: EChartsOption = {
    // the factor's last path step keeps the title short; the axis names the whole path
    ...base(theme, `${metric.name} by ${boxes.factor.split('.').at(-1) ?? boxes.factor}`),
    grid: { left: 56, right: 16, top: 40, bottom: 44, containLabel: false },
    xAxis: {
      ...axis(theme, { name: boxes.factor, categories: labels }),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { hideOverlap: true, width: 90, overflow: 'truncate' },
    },
    // the title names the metric and its unit: an axis name would overlap it
    yAxis: { ...axis(theme, { name: '' }), ...(bounds ?? { scale: true }) },
    tooltip: tooltip(theme, {
      trigger: 'item',
      formatter: (q: { name?: string; dataIndex?: number }) => {
        const s = boxes.levels[q.dataIndex ?? -1]?.stats
        if (!s) return ''
        return [
          `<b>${q.name ?? ''}</b> (${s.n} run${s.n === 1 ? '' : 's'})`,
          `max ${fmt(s.max)}`,
          `Q3 ${fmt(s.q3)}`,
          `median ${fmt(s.median)}`,
          `Q1 ${fmt(s.q1)}`,
          `min ${fmt(s.min)}`,
        ].join('<br/>')
      },
    }),
    series: [
      {
        type: 'boxplot',
        name: metric.name,
        data: boxes.levels.map((l) => ({
          name: l.label,
          value: [l.stats.min, l.stats.q1, l.stats.median, l.stats.q3, l.stats.max],
        })),
      },
    ],
  }
  return { option, points: boxes.levels.length }
}
