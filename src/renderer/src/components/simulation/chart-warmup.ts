/**
 * The charts' code warmed while the window is idle (issue 19): the first chart ECharts draws in
 * a page compiles its code (grid, axes, label layout, line, legend, heatmap, visual map) and
 * makes the number formats its labels use, and at 10,000 hosts that first draw was the run's one
 * task over 50 ms of CPU (52–56 ms, shared with the canvas's frame), when the first live chart
 * of a run came. Opening the Simulation tab draws small charts of every kind on a detached
 * element, one step per idle period, and disposes of them, so the run's own charts find the
 * code compiled. A step runs only when the window is idle: a busy window is never slowed.
 */
import { init, type ECharts } from 'echarts/core'
import type { EChartsOption } from 'echarts'
import './echarts-setup'
import { hostsOption, powerOption, type ChartContext } from './chart-options'
import {
  axis,
  clockLabel,
  formatMoney,
  formatMoneyShort,
  formatValue,
  gridAt,
  timeAxis,
  type ChartTheme,
} from './chart-style'
import { tenantCpuOption } from './tenant-chart-options'

/** How steps are spread over idle periods: `requestIdleCallback` and its cancel. */
export interface IdleQueue {
  request: (run: () => void) => number
  cancel: (id: number) => void
}

const browserIdle = (): IdleQueue | undefined =>
  typeof requestIdleCallback === 'function'
    ? { request: (run) => requestIdleCallback(run), cancel: (id) => cancelIdleCallback(id) }
    : undefined

/**
 * Runs `steps` in order, one per idle period of `idle`; returns the cancel (steps not yet run
 * never run). A step that throws ends the warm-up (it is an optimisation, never an error).
 */
export function runWhenIdle(
  steps: ReadonlyArray<() => void>,
  idle: IdleQueue | undefined = browserIdle(),
): () => void {
  if (!idle) return () => undefined
  let next = 0
  let id: number | undefined
  const turn = (): void => {
    id = undefined
    const step = steps[next++]
    if (!step) return
    try {
      step()
    } catch {
      return
    }
    if (next < steps.length) id = idle.request(turn)
  }
  if (steps.length > 0) id = idle.request(turn)
  return () => {
    next = steps.length
    if (id !== undefined) idle.cancel(id)
    id = undefined
  }
}

/** Samples of the small charts: an hour every 5 minutes. */
const TIMES_S = Array.from({ length: 13 }, (_, i) => i * 300)

/** A small heatmap like the utilization one: a category row axis, time columns, a colour map. */
function heatmap(theme: ChartTheme): EChartsOption {
  const rows = ['r1', 'r2', 'r3']
  return {
    animation: false,
    grid: gridAt({ left: 48, right: 16, top: 48, bottom: 78 }),
    xAxis: timeAxis(theme, TIMES_S),
    yAxis: {
      ...axis(theme, { name: 'Rack', categories: rows }),
      axisLabel: { interval: 'auto', hideOverlap: true, fontSize: 9 },
    },
    visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [
      {
        type: 'heatmap',
        data: rows.flatMap((_, y) => TIMES_S.map((_s, x): [number, number, number] => [x, y, x])),
      },
    ],
  }
}

/**
 * The warm-up's steps: number formats, then an ECharts instance on a detached element of
 * `widthPx` × `heightPx` drawing the chart kinds of a run one per step, then its disposal.
 * `element` makes the element (a test passes its own).
 */
export function warmSteps(
  theme: ChartTheme,
  element: () => HTMLElement = () => document.createElement('div'),
  widthPx = 320,
  heightPx = 240,
): Array<() => void> {
  const ctx: ChartContext = { theme }
  const power = {
    timesS: TIMES_S,
    totalPowerW: TIMES_S.map((s) => 1000 + s),
    activeHosts: TIMES_S.map((_, i) => 10 - (i % 3)),
  }
  const tenants = {
    timesS: TIMES_S,
    tenants: ['a', 'b'].map((tenantId, k) => ({
      tenantId,
      allocatedMips: TIMES_S.map((s) => 1000 * (k + 1) + s),
      cumulativeCost: TIMES_S.map((s) => s / 100),
    })),
  }
  let chart: ECharts | undefined
  const draw = (option: () => EChartsOption) => (): void =>
    chart?.setOption(option(), { notMerge: true })
  const axes = (): EChartsOption => ({
    animation: false,
    xAxis: axis(theme, { name: 'Time', categories: ['0:00', '1:00'] }),
    yAxis: axis(theme, { name: 'Hosts on', format: (v) => formatValue(v) }),
  })
  // each step a few ms to 15 ms of CPU on an idle machine: the first draw of a chart in one
  // step was 39 ms (the most of any task of a 10,000-host run once warmed)
  return [
    // the number formats of the labels (each a few ms to make)
    ...[0.5, 5, 50, 5000].map((v) => () => void formatValue(v, 'W')),
    () => void formatMoney(1234.5, 'USD'),
    () => void formatMoneyShort(1_234_567, 'USD'),
    () => {
      clockLabel(3600)
      chart = init(element(), undefined, { renderer: 'canvas', width: widthPx, height: heightPx })
    },
    // two axes, then a series on them, then each kind of chart
    draw(() => ({ animation: false, xAxis: { type: 'category' }, yAxis: { type: 'value' } })),
    draw(axes),
    draw(() => ({ ...axes(), series: [{ type: 'line', showSymbol: false, data: [1, 2] }] })),
    draw(() => hostsOption(power, ctx)),
    draw(() => powerOption(power, ctx)),
    draw(() => tenantCpuOption(tenants, new Map(), ctx)),
    draw(() => heatmap(theme)),
    () => {
      chart?.dispose()
      chart = undefined
    },
  ]
}

let warmed = false

/**
 * Warms the charts in the window's idle periods, once per page (later calls do nothing);
 * returns the cancel (a cancelled warm-up may start again on the next call).
 */
export function warmChartsWhenIdle(theme: ChartTheme): () => void {
  if (warmed) return () => undefined
  warmed = true
  const steps = warmSteps(theme)
  let done = false
  const cancel = runWhenIdle([
    ...steps,
    () => {
      done = true
    },
  ])
  return () => {
    cancel()
    if (done) return
    warmed = false
    // an ECharts instance made by a cancelled warm-up is not left behind
    steps[steps.length - 1]?.()
  }
}
