/**
 * The one chart style every ECharts chart of the app uses: theme colours, titles, axes with
 * their units, number and money formats, tooltips kept inside the viewport, unpaged legends
 * and the time-slider marker. Pure functions (unit-testable).
 */
import type { EChartsOption } from 'echarts'

export type ChartTheme = 'light' | 'dark'

interface Palette {
  text: string
  muted: string
  line: string
  grid: string
  tooltipBg: string
  marker: string
}

const PALETTES: Record<ChartTheme, Palette> = {
  light: {
    text: '#1d2430',
    muted: '#4f5968',
    line: '#9aa3b2',
    grid: '#e3e7ee',
    tooltipBg: '#ffffff',
    marker: '#2f6fdf',
  },
  dark: {
    text: '#e8edf5',
    muted: '#b4bdcc',
    line: '#6b7585',
    grid: '#2e3542',
    tooltipBg: '#252c38',
    marker: '#8fb3ff',
  },
}

export const palette = (theme: ChartTheme): Palette => PALETTES[theme]

/** Legends list up to this many series unpaged; beyond, series are grouped. */
export const MAX_LEGEND_SERIES = 12

const NUMBER = new Map<number, Intl.NumberFormat>()
function numberFormat(digits: number): Intl.NumberFormat {
  let f = NUMBER.get(digits)
  if (!f) NUMBER.set(digits, (f = new Intl.NumberFormat('en', { maximumFractionDigits: digits })))
  return f
}

/**
 * A number to a sensible precision for its size (1,415; 98.4; 3.14; 0.021), with its unit:
 * `formatValue(1414.789, 'W')` = `1,415 W`.
 */
export function formatValue(value: number, unit?: string): string {
  if (!Number.isFinite(value)) return '–'
  const a = Math.abs(value)
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
  const text = numberFormat(digits).format(value)
  return unit ? `${text} ${unit}` : text
}

/** A power axis's unit for values up to `maxW`: W, kW or MW, and what a value in W is divided by. */
export function powerUnit(maxW: number): { unit: 'W' | 'kW' | 'MW'; perW: number } {
  const a = Math.abs(maxW)
  return a >= 1e6
    ? { unit: 'MW', perW: 1e6 }
    : a >= 1e4
      ? { unit: 'kW', perW: 1e3 }
      : { unit: 'W', perW: 1 }
}

/** MIPS per unit of `mipsUnit`: 1 GIPS = 10³ MIPS, 1 TIPS = 10⁶ MIPS, 1 PIPS = 10⁹ MIPS. */
const MIPS_UNITS = [
  { unit: 'PIPS', perMips: 1e9 },
  { unit: 'TIPS', perMips: 1e6 },
  { unit: 'GIPS', perMips: 1e3 },
] as const

/**
 * A CPU axis's unit for values up to `maxMips` (millions of instructions per second): MIPS,
 * or the SI-prefixed GIPS, TIPS, PIPS once values reach 10,000 of the smaller unit (review s9u
 * C10: 50 tenants' axis read 50,000,000 to 350,000,000 MIPS), and what a value in MIPS is
 * divided by.
 */
export function mipsUnit(maxMips: number): {
  unit: 'MIPS' | 'GIPS' | 'TIPS' | 'PIPS'
  perMips: number
} {
  const a = Math.abs(maxMips)
  return MIPS_UNITS.find((u) => a >= 10 * u.perMips) ?? { unit: 'MIPS', perMips: 1 }
}

/**
 * Number formats by their options, made once each: making an `Intl.NumberFormat` costs far more
 * than formatting with one (a chart's axis formats every label; issue 19).
 */
const FORMATS = new Map<string, Intl.NumberFormat>()
function cachedFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options)
  let f = FORMATS.get(key)
  if (!f) FORMATS.set(key, (f = new Intl.NumberFormat('en', options)))
  return f
}

/**
 * An amount in a currency, short, for an axis label: `$1.2M`, `$350K`, `€12` (the axis title
 * names the currency; the tooltip gives the amount to the cent). Full amounts ran into each
 * other and off the chart (review s9u C10).
 */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return cachedFormat({
      style: 'currency',
      currency,
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(value)
  } catch {
    return `${cachedFormat({ notation: 'compact', maximumSignificantDigits: 3 }).format(value)} ${currency}`
  }
}

/** An amount in a currency to that currency's precision (`$1,234.57`, `¥1,235`). */
export function formatMoney(value: number, currency: string): string {
  try {
    return cachedFormat({ style: 'currency', currency }).format(value)
  } catch {
    return `${numberFormat(2).format(value)} ${currency}`
  }
}

/** Seconds of virtual time as h:mm (`6:05`, `36:00`). */
export function clockLabel(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/** A chart's title and text colours. */
export function base(theme: ChartTheme, title: string): EChartsOption {
  const p = palette(theme)
  return {
    animation: false,
    textStyle: { color: p.text },
    title: {
      text: title,
      left: 6,
      top: 2,
      textStyle: { fontSize: 13, fontWeight: 600, color: p.text },
    },
  }
}

/** An axis titled with its unit, in the theme's colours. */
export function axis(
  theme: ChartTheme,
  spec: { name: string; categories?: readonly string[]; format?: (v: number) => string },
): Record<string, unknown> {
  const p = palette(theme)
  return {
    type: spec.categories ? 'category' : 'value',
    name: spec.name,
    nameTextStyle: { color: p.muted },
    ...(spec.categories ? { data: [...spec.categories] } : {}),
    axisLine: { lineStyle: { color: p.line } },
    axisLabel: {
      color: p.muted,
      ...(spec.format
        ? { formatter: (v: number) => (spec.format as (n: number) => string)(v) }
        : {}),
    },
    splitLine: { lineStyle: { color: p.grid } },
  }
}

/** Hours between time labels (a narrow chart fits about 5 `h:mm` labels). */
const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168, 336, 720] as const

/**
 * Hours between a time axis's labels for a span of `spanS` seconds: a whole number from
 * `HOUR_STEPS`, so labels fall on whole hours (review s7u #10b: the power chart read 0:00 /
 * 5:25 / 10:50 … while the heatmap read 0:00 / 5:15 / 10:30 …).
 */
export function labelStepHours(spanS: number, labels = 4): number {
  const hours = spanS / 3600
  return HOUR_STEPS.find((h) => hours / h <= labels) ?? 720
}

/**
 * Which samples of `timesS` carry a time label: the first at or after each whole multiple of
 * the step (`labelStepHours`), so every time chart labels the same whole hours.
 */
export function wholeHourLabels(timesS: readonly number[]): boolean[] {
  const first = timesS[0] ?? 0
  const stepS = labelStepHours((timesS[timesS.length - 1] ?? 0) - first) * 3600
  return timesS.map((t, i) => {
    if (i === 0) return true
    return Math.floor(t / stepS) > Math.floor((timesS[i - 1] as number) / stepS)
  })
}

/** The time axis of a time chart (`Time (h:mm)`), labelled on whole hours. */
export function timeAxis(theme: ChartTheme, timesS: readonly number[]): Record<string, unknown> {
  const labelled = wholeHourLabels(timesS)
  const base = axis(theme, { name: 'Time (h:mm)', categories: timesS.map(clockLabel) })
  const show = (i: number): boolean => labelled[i] === true
  return {
    ...base,
    axisLabel: { ...(base.axisLabel as object), interval: show, hideOverlap: true },
    axisTick: { interval: show },
    nameLocation: 'middle',
    nameGap: 24,
  }
}

/** A tooltip kept inside the viewport, in the theme's colours. */
export function tooltip(
  theme: ChartTheme,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const p = palette(theme)
  return {
    confine: true,
    className: 'strata-chart-tooltip',
    backgroundColor: p.tooltipBg,
    borderColor: p.line,
    textStyle: { color: p.text },
    ...extra,
  }
}

interface AxisParam {
  marker?: string
  seriesName?: string
  axisValueLabel?: string
  value?: unknown
}

/**
 * An axis tooltip: the time, then each series' value formatted with its own unit.
 * `formats` gives each series' formatter by name (default: a plain number).
 */
export function axisTooltip(
  theme: ChartTheme,
  formats: (seriesName: string) => (v: number) => string,
): Record<string, unknown> {
  return tooltip(theme, {
    trigger: 'axis',
    formatter: (params: AxisParam | AxisParam[]) => {
      const list = Array.isArray(params) ? params : [params]
      const head = list[0]?.axisValueLabel ?? ''
      const rows = list.map((q) => {
        const v = typeof q.value === 'number' ? q.value : Number(q.value)
        return `${q.marker ?? ''}${q.seriesName ?? ''}: <b>${formats(q.seriesName ?? '')(v)}</b>`
      })
      return [head, ...rows].join('<br/>')
    },
  })
}

/** A legend at the foot, never paged (callers group series beyond MAX_LEGEND_SERIES). */
export function legend(theme: ChartTheme): Record<string, unknown> {
  return { type: 'plain', bottom: 0, textStyle: { color: palette(theme).muted } }
}

/**
 * The grid's bottom margin (px) that leaves room for the time axis, its title and a legend of
 * these series names wrapping in a chart about `chartWidthPx` wide (the side panel's).
 */
export function bottomFor(names: readonly string[], chartWidthPx = 290): number {
  let rows = names.length > 0 ? 1 : 0
  let used = 0
  for (const n of names) {
    const w = 34 + n.length * 6.5
    if (used > 0 && used + w > chartWidthPx) {
      rows++
      used = 0
    }
    used += w
  }
  return 44 + rows * 20
}

/**
 * A chart's grid at these margins (px), laid out as given: ECharts 6 otherwise moves the grid
 * to fit every axis label (`outerBoundsMode: 'auto'`), measuring each label once more; at a
 * 10,000-host run's end that was most of the heatmap's first draw (about 250 of 650 ms under
 * load). The margins leave room for the labels instead.
 */
export function gridAt(margins: {
  left: number
  right: number
  top: number
  bottom: number
}): Record<string, unknown> {
  return { ...margins, outerBoundsMode: 'none' }
}

/** Least plot height (px) a chart keeps between its title and its legend. */
export const PLOT_MIN_PX = 150

/**
 * A chart's height (px) for a grid with these top and bottom margins, so its plot keeps at
 * least `plotPx` however many legend rows wrap under it (review s9u C10: at 50 tenants the
 * CPU chart's plot was about 60 px tall).
 */
export function chartHeightFor(
  grid: { top: number; bottom: number },
  plotPx = PLOT_MIN_PX,
): number {
  return grid.top + plotPx + grid.bottom
}
