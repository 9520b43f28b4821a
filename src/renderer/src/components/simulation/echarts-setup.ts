/**
 * The ECharts modules the app uses, registered once: the canvas renderer and only the chart
 * types and components of the Simulation tab's and the Experiments panel's charts (box plots,
 * runs side by side). Imported by every module that creates a chart (`SimChart.vue`, the idle
 * warm-up in `chart-warmup.ts`).
 */
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, BoxplotChart, HeatmapChart, LineChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'

use([
  CanvasRenderer,
  BarChart,
  BoxplotChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
])
