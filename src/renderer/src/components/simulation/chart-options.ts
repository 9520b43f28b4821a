/**
 * ECharts options built from a simulation result: per-host utilization heatmap, power and
 * energy over time, per-tenant usage, cost and SLA. Pure functions (unit-testable). The power
 * and tenant charts also draw a running run's series so far.
 */
import type { EChartsOption } from 'echarts'
import type { SimulationResult, TenantSeries } from '../../../../shared/contract'

/** The heatmap shows at most this many hosts and samples (downsampled evenly). */
const MAX_HOSTS = 60
const MAX_SAMPLES = 120

function hours(s: number): string {
  return (s / 3600).toFixed(1)
}

function every<T>(list: readonly T[], max: number): Array<{ item: T; index: number }> {
  const step = Math.max(1, Math.ceil(list.length / max))
  const out: Array<{ item: T; index: number }> = []
  for (let i = 0; i < list.length; i += step) out.push({ item: list[i] as T, index: i })
  return out
}

export function heatmapOption(
  r: SimulationResult,
  hostName: (hostId: string) => string = (id) => id,
): EChartsOption {
  const hosts = every(r.series.hosts, MAX_HOSTS)
  const samples = every(r.series.timesS, MAX_SAMPLES)
  const data: Array<[number, number, number]> = []
  hosts.forEach(({ item: h }, y) =>
    samples.forEach(({ index }, x) =>
      data.push([x, y, Math.round((h.utilization[index] ?? 0) * 100)]),
    ),
  )
  return {
    animation: false,
    title: { text: 'Host utilization (%)', textStyle: { fontSize: 12 } },
    tooltip: { position: 'top' },
    grid: { left: 70, right: 10, top: 30, bottom: 50 },
    xAxis: { type: 'category', data: samples.map((s) => hours(s.item)), name: 'h' },
    yAxis: { type: 'category', data: hosts.map((h) => hostName(h.item.hostId)) },
    visualMap: {
      min: 0,
      max: 100,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
      inRange: { color: ['#2ca02c', '#ffdd57', '#d62728'] },
    },
    series: [{ type: 'heatmap', data, progressive: 2000 }],
  }
}

/** The series the power and energy chart draws (a result's, or a running run's so far). */
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

export function powerOption(r: SimulationResult | PowerSeries): EChartsOption {
  const p: PowerSeries = 'series' in r ? r.series : r
  const t = p.timesS
  const energy = (p.energyKWh ?? energySeries(t, p.totalPowerW)).map((e) => Number(e.toFixed(3)))
  return {
    animation: false,
    title: { text: 'Power and energy', textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 50, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: t.map(hours), name: 'h' },
    yAxis: [
      { type: 'value', name: 'W' },
      { type: 'value', name: 'kWh' },
    ],
    series: [
      { name: 'Power (W)', type: 'line', showSymbol: false, data: p.totalPowerW as number[] },
      { name: 'Energy (kWh)', type: 'line', showSymbol: false, yAxisIndex: 1, data: energy },
      { name: 'Active hosts', type: 'line', showSymbol: false, data: p.activeHosts as number[] },
    ],
  }
}

/** The series the per-tenant chart draws (a result's, or a running run's so far). */
export interface TenantChartSeries {
  timesS: readonly number[]
  tenants: ReadonlyArray<
    Pick<TenantSeries, 'tenantId'> & {
      allocatedMips: readonly number[]
      cumulativeCost: readonly number[]
    }
  >
}

export function tenantOption(
  r: SimulationResult | TenantChartSeries,
  names: ReadonlyMap<string, { name: string; colour: string }>,
): EChartsOption {
  const series: TenantChartSeries = 'series' in r ? r.series : r
  const t = series.timesS
  const label = (id: string): string => names.get(id)?.name ?? id
  return {
    animation: false,
    title: { text: 'Per tenant: CPU used and cost', textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 60, right: 60, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: t.map(hours), name: 'h' },
    yAxis: [
      { type: 'value', name: 'MIPS' },
      { type: 'value', name: 'cost' },
    ],
    series: series.tenants.flatMap((s) => [
      {
        name: `${label(s.tenantId)} MIPS`,
        type: 'line' as const,
        showSymbol: false,
        color: names.get(s.tenantId)?.colour,
        data: s.allocatedMips as number[],
      },
      {
        name: `${label(s.tenantId)} cost`,
        type: 'line' as const,
        showSymbol: false,
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' as const },
        color: names.get(s.tenantId)?.colour,
        data: s.cumulativeCost as number[],
      },
    ]),
  }
}

export function slaOption(
  r: SimulationResult,
  names: ReadonlyMap<string, { name: string; colour: string }>,
): EChartsOption {
  return {
    animation: false,
    title: { text: 'Availability vs SLA (%)', textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 10, top: 30, bottom: 40 },
    xAxis: {
      type: 'category',
      data: r.tenants.map((u) => names.get(u.tenantId)?.name ?? u.tenantId),
    },
    yAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 1)),
      max: 100,
    },
    series: [
      {
        name: 'Availability',
        type: 'bar',
        data: r.tenants.map((u) => ({
          value: Number(u.availabilityPercent.toFixed(3)),
          itemStyle: { color: u.slaViolation ? '#d62728' : names.get(u.tenantId)?.colour },
        })),
      },
      {
        name: 'SLA promise',
        type: 'line',
        data: r.tenants.map((u) => u.slaAvailabilityPercent),
      },
    ],
  }
}
