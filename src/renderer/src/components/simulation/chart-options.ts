/**
 * ECharts options of the physical charts built from a simulation result (or a running run's
 * series so far): per-host utilization heatmap, power and energy, active hosts. Every chart
 * takes the shared style (chart-style.ts): units on every axis, formatted tooltips kept in
 * the viewport, the time-slider marker. Pure functions (unit-testable).
 */
import type { EChartsOption } from 'echarts'
import type { SimulationResult } from '../../../../shared/contract'
import {
  axis,
  axisTooltip,
  base,
  bottomFor,
  clockLabel,
  formatValue,
  gridAt,
  legend,
  palette,
  powerUnit,
  timeAxis,
  tooltip,
  type ChartTheme,
} from './chart-style'

/**
 * The heatmap draws at most this many rows and columns: what its ~300 px fit. Beyond them,
 * neighbouring rows (hosts or racks) and samples are averaged into one cell, so every host
 * still counts and a cell never stands for one picked host.
 */
const MAX_ROWS = 40
const MAX_SAMPLES = 120
/** The heatmap chart's height (px): its plot is this less the grid's top and bottom margins. */
export const HEATMAP_PX = 360
/** A row label's line height per px of font size. */
const LABEL_LINE = 1.2
/** Characters of an 11 px subtitle line that fit a chart in the side panel (~260 px). */
const SUBTEXT_CHARS = 42

/** `text` broken into lines of at most `maxChars` at spaces (a longer word keeps its line). */
export function wrapWords(text: string, maxChars: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

/**
 * What every chart needs besides its data: the theme. (The time slider's marker is no part of
 * an option: `SimChart` draws it over the chart, so moving the slider redraws no chart.)
 */
export interface ChartContext {
  theme: ChartTheme
  /** Main holds the run's per-host series (a large run): the canvas shows them for hosts in view. */
  hostSeriesInMain?: boolean
  /** Why the run has no per-host series (`SimulationRunInfo.hostSeriesNote`). */
  hostSeriesNote?: string
}

/** Consecutive groups of `step` indices covering `0..n-1` (the last may be shorter). */
function groups(n: number, max: number): { step: number; starts: number[] } {
  const step = Math.max(1, Math.ceil(n / max))
  const starts: number[] = []
  for (let i = 0; i < n; i += step) starts.push(i)
  return { step, starts }
}

/**
 * Heatmap cells `[x, y, percent]`: cell (x, y) is the mean utilization of rows
 * `y·rowStep …` over samples `x·sampleStep …` (groups cut short at the end), times 100,
 * rounded. Every value falls in exactly one cell.
 */
export function heatmapCells(
  rows: ReadonlyArray<{ utilization: readonly number[] }>,
  samples: number,
  maxRows = MAX_ROWS,
  maxSamples = MAX_SAMPLES,
): { cells: Array<[number, number, number]>; rowStep: number; sampleStep: number } {
  const r = groups(rows.length, maxRows)
  const t = groups(samples, maxSamples)
  const cells: Array<[number, number, number]> = []
  r.starts.forEach((y0, y) => {
    const y1 = Math.min(rows.length, y0 + r.step)
    t.starts.forEach((x0, x) => {
      const x1 = Math.min(samples, x0 + t.step)
      let sum = 0
      for (let k = y0; k < y1; k++) {
        const u = rows[k]?.utilization
        for (let i = x0; i < x1; i++) sum += u?.[i] ?? 0
      }
      cells.push([x, y, Math.round((sum / ((y1 - y0) * (x1 - x0))) * 100)])
    })
  })
  return { cells, rowStep: r.step, sampleStep: t.step }
}

/**
 * The heatmap column that holds sample `timeIndex` of `samples` (columns are groups of
 * consecutive samples, as `heatmapCells` makes them): where the time slider's marker goes.
 */
export function heatmapColumn(
  timeIndex: number,
  samples: number,
  maxSamples = MAX_SAMPLES,
): number {
  return Math.floor(timeIndex / groups(samples, maxSamples).step)
}

/**
 * The row-label interval of a category axis of `rows` rows over `plotPx` px with labels of
 * `fontPx`: ECharts labels every (interval + 1)-th row, and this is the least interval whose
 * labels stand a whole line (`fontPx` × 1.2) apart, so none overlaps (review: the rack heatmap's
 * labels ran into each other at many racks); the tooltip names every row.
 */
export function rowLabelInterval(rows: number, plotPx: number, fontPx: number): number {
  const rowPx = plotPx / Math.max(1, rows)
  return Math.max(0, Math.ceil((fontPx * LABEL_LINE) / rowPx - 1e-9) - 1)
}

/**
 * Rows of the utilization heatmap: one per host, or, when the run kept no per-host series (hosts
 * × samples over the budget), one per rack with its hosts' mean, said in the title.
 */
export function heatmapRows(r: SimulationResult): {
  rows: Array<{ id: string; utilization: readonly number[] }>
  unit: 'host' | 'rack'
} {
  if (r.series.hosts.length === 0 && r.series.racks && r.series.racks.length > 0)
    return {
      rows: r.series.racks.map((x) => ({ id: x.rackId, utilization: x.utilization })),
      unit: 'rack',
    }
  return {
    rows: r.series.hosts.map((h) => ({ id: h.hostId, utilization: h.utilization })),
    unit: 'host',
  }
}

export function heatmapOption(
  r: SimulationResult,
  name: (id: string) => string,
  ctx: ChartContext,
): EChartsOption {
  const { rows, unit } = heatmapRows(r)
  const timesS = r.series.timesS
  const { cells: data, rowStep, sampleStep } = heatmapCells(rows, timesS.length)
  // a row of several hosts or racks is named by its first and last
  const names: string[] = []
  for (let y0 = 0; y0 < rows.length; y0 += rowStep) {
    const first = name(rows[y0]?.id ?? '')
    const last = name(rows[Math.min(rows.length, y0 + rowStep) - 1]?.id ?? '')
    names.push(rowStep > 1 && first !== last ? `${first}–${last}` : first)
  }
  const times: number[] = []
  for (let i = 0; i < timesS.length; i += sampleStep) times.push(timesS[i] ?? 0)
  const fontPx = names.length > 20 ? 9 : 11
  // rows of several hosts say so under the title, wrapped (in the title it was cut off at
  // the chart's width: "… (each row the mean of 4", review s12 #4)
  const hostRowsGrouped = unit === 'host' && rowStep > 1
  const top = unit === 'rack' ? 100 : hostRowsGrouped ? 76 : 48
  const bottom = 78
  const shown = rowStep > 1 ? ` (each row the mean of ${rowStep} of ${rows.length} ${unit}s)` : ''
  // per rack: the title says so, and a wrapped line under it says why
  const note = ctx.hostSeriesInMain
    ? 'too many hosts to chart: the canvas shows the hosts in view'
    : (ctx.hostSeriesNote ?? 'no per-host series kept')
  const b = base(ctx.theme, unit === 'rack' ? 'Rack utilization (%)' : 'Host utilization (%)')
  const p = palette(ctx.theme)
  // wrapped here, not by ECharts: its 'break' overflow measured the text a character at a
  // time, about 70 ms of the chart's first draw at a 10,000-host run's end under load
  const subtitled = (text: string) => ({
    ...(b.title as Record<string, unknown>),
    subtext: wrapWords(text, SUBTEXT_CHARS),
    subtextStyle: { color: p.muted, fontSize: 11, lineHeight: 14 },
  })
  const title =
    unit === 'rack'
      ? subtitled(`Mean of each rack's hosts${shown}; ${note}`)
      : hostRowsGrouped
        ? subtitled(`Each row the mean of ${rowStep} of ${rows.length} hosts`)
        : b.title
  return {
    ...b,
    title,
    tooltip: tooltip(ctx.theme, {
      formatter: (q: { value?: [number, number, number] }) => {
        const [x, y, v] = q.value ?? [0, 0, 0]
        const mean = rowStep > 1 || sampleStep > 1 ? ' (mean)' : ''
        return `${names[y] ?? ''} at ${clockLabel(times[x] ?? 0)}<br/><b>${v} %</b> CPU allocated${mean}`
      },
    }),
    // room for the longest row name (about 0.6 em a character)
    grid: gridAt({
      left: Math.max(48, 14 + Math.ceil(Math.max(0, ...names.map((n) => n.length)) * fontPx * 0.6)),
      right: 16,
      top,
      bottom,
    }),
    xAxis: timeAxis(ctx.theme, times),
    yAxis: {
      ...axis(ctx.theme, { name: unit === 'rack' ? 'Rack' : 'Host', categories: names }),
      // every row's label would overlap at many rows (40 racks in 300 px drew as one smudge):
      // the labels a line apart, worked out here rather than measured by ECharts
      axisLabel: {
        color: p.muted,
        interval: rowLabelInterval(names.length, HEATMAP_PX - top - bottom, fontPx),
        fontSize: fontPx,
      },
    },
    visualMap: {
      min: 0,
      max: 100,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 140,
      itemWidth: 12,
      text: ['100 %', 'Utilization 0 %'],
      textStyle: { color: p.muted },
      inRange: { color: ['#2ca02c', '#ffdd57', '#d62728'] },
    },
    series: [
      {
        name: 'Utilization',
        type: 'heatmap',
        data,
        progressive: 2000,
      },
    ],
  }
}

/** The series the power, energy and host charts draw (a result's, or a running run's). */
export interface PowerSeries {
  timesS: readonly number[]
  totalPowerW: readonly number[]
  activeHosts: readonly number[]
  /** Energy up to each sample, kWh; derived from the power series when absent. */
  energyKWh?: readonly number[]
}

/** Energy up to each sample from the power series (left sums), kWh. */
export function energySeries(timesS: readonly number[], totalPowerW: readonly number[]): number[] {
  let energyKWh = 0
  return timesS.map((s, i) => {
    const dtS = i === 0 ? 0 : s - (timesS[i - 1] as number)
    energyKWh += ((totalPowerW[i - 1] ?? 0) * dtS) / 3_600_000
    return energyKWh
  })
}

const powerSeries = (r: SimulationResult | PowerSeries): PowerSeries =>
  'series' in r ? r.series : r

export function powerOption(r: SimulationResult | PowerSeries, ctx: ChartContext): EChartsOption {
  const p = powerSeries(r)
  const energy = p.energyKWh ?? energySeries(p.timesS, p.totalPowerW)
  // kW or MW by magnitude (review s7u #10b: a 10k run's axis read 3,000,000 W)
  const power = powerUnit(Math.max(0, ...p.totalPowerW))
  const inUnit = (w: number): number => w / power.perW
  return {
    ...base(ctx.theme, 'Power and energy'),
    tooltip: axisTooltip(ctx.theme, (name) =>
      name === 'Power' ? (v) => formatValue(inUnit(v), power.unit) : (v) => formatValue(v, 'kWh'),
    ),
    legend: legend(ctx.theme),
    grid: gridAt({ left: 64, right: 64, top: 46, bottom: bottomFor(['Power', 'Energy']) }),
    xAxis: timeAxis(ctx.theme, p.timesS),
    yAxis: [
      axis(ctx.theme, { name: `Power (${power.unit})`, format: (v) => formatValue(inUnit(v)) }),
      axis(ctx.theme, { name: 'Energy (kWh)', format: (v) => formatValue(v) }),
    ],
    series: [
      {
        name: 'Power',
        type: 'line',
        showSymbol: false,
        // a day of 5-min samples is ~290 points on ~300 px: draw what the pixels show
        sampling: 'lttb',
        data: [...p.totalPowerW],
      },
      {
        name: 'Energy',
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        yAxisIndex: 1,
        data: [...energy],
      },
    ],
  }
}

/** Active hosts on their own count axis (on the power axis a value of 9 lay flat on zero). */
export function hostsOption(r: SimulationResult | PowerSeries, ctx: ChartContext): EChartsOption {
  const p = powerSeries(r)
  const count = (v: number): string => `${formatValue(v)} ${v === 1 ? 'host' : 'hosts'}`
  return {
    ...base(ctx.theme, 'Active hosts'),
    tooltip: axisTooltip(ctx.theme, () => count),
    grid: gridAt({ left: 64, right: 24, top: 46, bottom: 40 }),
    xAxis: timeAxis(ctx.theme, p.timesS),
    yAxis: { ...axis(ctx.theme, { name: 'Hosts on' }), minInterval: 1, min: 0 },
    series: [
      {
        name: 'Active hosts',
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: [...p.activeHosts],
      },
    ],
  }
}
