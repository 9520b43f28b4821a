/**
 * Types of the app's chart test hook `window.__strataCharts` (see chart-hook.ts). Dependency
 * free, so e2e page objects can import them.
 */

/** One axis of a chart as a reader sees it. */
export interface AxisFact {
  /** The axis title (with its unit), e.g. `Power (W)`. */
  name: string
  /** Category labels of a category axis (empty for a value axis). */
  categories: string[]
}

/** What a chart shows, read from its live ECharts option. */
export interface ChartFact {
  name: string
  title: string
  xAxes: AxisFact[]
  yAxes: AxisFact[]
  series: Array<{ name: string; type: string; yAxisIndex: number; points: number }>
  /** The x category of the time-slider marker, when the chart draws one. */
  marker?: string
  /** The legend's type (`plain` or `scroll`), when there is a legend. */
  legend?: string
  /** The colour map's range and unit, when the chart has one. */
  visualMap?: { min: number; max: number; text: string[] }
  /** Whether the tooltip is confined to the chart's box (kept inside the viewport). */
  tooltipConfined: boolean
}

export interface StrataChartHook {
  /** The charts on screen now, by name. */
  charts(): ChartFact[]
}
