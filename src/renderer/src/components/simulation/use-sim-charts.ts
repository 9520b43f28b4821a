/**
 * The simulation charts on screen: for a finished run, the heatmap, power and energy, active
 * hosts, CPU per tenant, cost per currency and availability; while a run is in progress, its
 * series so far. Every chart follows the theme in effect and marks the time slider. The options
 * do not depend on the slider: moving it changes only each chart's `markerIndex`, which
 * `SimChart` draws over the chart, so no chart is redrawn (issue 19: every move redrew the
 * seven charts, the heatmap's 4,800 cells on a day's run among them).
 */
import { computed, type ComputedRef } from 'vue'
import type { EChartsOption } from 'echarts'
import { useDesignStore } from '../../stores/design'
import { useSimulationStore } from '../../stores/simulation'
import { useUiStore } from '../../stores/ui'
import { useNames } from '../../labels/use-names'
import { withMarker } from './chart-marker'
import {
  HEATMAP_PX,
  heatmapOption,
  heatmapRows,
  hostsOption,
  powerOption,
  type ChartContext,
} from './chart-options'
import {
  costOptions,
  SLA_ROW_PX,
  slaOption,
  slaRows,
  tenantCpuOption,
  type TenantLook,
} from './tenant-chart-options'
import { chartHeightFor } from './chart-style'

export interface ShownChart {
  name: string
  option: EChartsOption
  /** Data points the chart holds. */
  points: number
  /** Height (px) the chart needs for a readable plot (its legend or rows); the style's if absent. */
  heightPx?: number
  /** The x category the time slider's marker stands on; none when absent. */
  markerIndex?: number
}

/** Default height of a chart (px, `.sim-chart` in the theme). */
const CHART_PX = 240

/** The height a chart with legend rows under its plot needs, at least the default. */
function heightOf(option: EChartsOption): number {
  const grid = option.grid as { top: number; bottom: number }
  return Math.max(CHART_PX, chartHeightFor(grid))
}

export function useSimCharts(): ComputedRef<ShownChart[]> {
  const design = useDesignStore()
  const sim = useSimulationStore()
  const ui = useUiStore()
  const names = useNames()
  const looks = computed(
    () =>
      new Map<string, TenantLook>(
        (design.design?.tenants ?? []).map((t) => [
          t.id,
          { name: t.name || t.id, colour: t.colour, currency: t.pricing.currency },
        ]),
      ),
  )
  const charts = computed((): ShownChart[] => {
    const r = sim.result
    const theme = ui.appliedTheme
    if (r) {
      const ctx: ChartContext = {
        theme,
        hostSeriesInMain: sim.run?.hostSeries === 'kept',
        ...(sim.run?.hostSeriesNote ? { hostSeriesNote: sim.run.hostSeriesNote } : {}),
      }
      const n = r.series.timesS.length
      const tenantPoints = n * r.series.tenants.length
      const charts: ShownChart[] = [
        {
          name: 'heatmap',
          option: heatmapOption(r, names.of, ctx),
          points: n * heatmapRows(r).rows.length,
          heightPx: HEATMAP_PX,
        },
        { name: 'power', option: powerOption(r, ctx), points: n },
        { name: 'hosts', option: hostsOption(r, ctx), points: n },
      ]
      const tenants = tenantCpuOption(r, looks.value, ctx)
      const sla = slaOption(r, looks.value, ctx)
      const slaGrid = sla.grid as { top: number; bottom: number }
      return [
        ...charts,
        { name: 'tenants', option: tenants, points: tenantPoints, heightPx: heightOf(tenants) },
        ...costOptions(r, looks.value, ctx).map((c, i) => ({
          name: i === 0 ? 'cost' : `cost-${c.currency}`,
          option: c.option,
          points: tenantPoints,
          heightPx: heightOf(c.option),
        })),
        {
          name: 'sla',
          option: sla,
          points: r.tenants.length,
          heightPx: chartHeightFor(
            slaGrid,
            Math.max(3, slaRows(r, looks.value).rows.length) * SLA_ROW_PX,
          ),
        },
      ]
    }
    // while a run is in progress: its series so far (the store publishes a few times a second)
    const l = sim.live
    if (!l || l.timesS.length === 0) return []
    const ctx: ChartContext = { theme }
    const n = l.timesS.length
    const power = { ...l, energyKWh: l.energyKWhSeries }
    const tenantIds = (design.design?.tenants ?? []).map((t) => t.id)
    const series = {
      timesS: l.timesS,
      tenants: l.tenantAllocMips.map((allocatedMips, t) => ({
        tenantId: tenantIds[t] ?? `tenant ${t + 1}`,
        allocatedMips,
        cumulativeCost: l.tenantCost[t] ?? [],
      })),
    }
    return [
      { name: 'power', option: powerOption(power, ctx), points: n },
      { name: 'hosts', option: hostsOption(power, ctx), points: n },
      ((option) => ({
        name: 'tenants',
        option,
        points: n * series.tenants.length,
        heightPx: heightOf(option),
      }))(tenantCpuOption(series, looks.value, ctx)),
    ]
  })
  return computed(() =>
    sim.result
      ? withMarker(charts.value, sim.timeIndex, sim.result.series.timesS.length)
      : charts.value,
  )
}
