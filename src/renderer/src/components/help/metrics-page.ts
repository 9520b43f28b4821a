/**
 * The Metrics page of Help, read from the one glossary (`shared/metrics-glossary.ts`) that the
 * Simulation panel, the reports and the CLI take their labels from: nothing is copied here, so
 * the page and the figures' tooltips cannot drift apart.
 */
import {
  BILL_ITEMS,
  BILLING_BASIS_DEFINITIONS,
  METRICS,
  type MetricDefinition,
} from '../../../../shared/metrics-glossary'
import type { GuideSection } from './guide-doc'

/** One metric as the page shows it; `anchor` is its id. */
export interface MetricEntry extends MetricDefinition {
  anchor: string
}

/** A group of the page: Strata's figures, CloudSim's CPU-based SLA metrics. */
export interface MetricGroup {
  anchor: string
  title: string
  entries: MetricEntry[]
}

const all: MetricEntry[] = Object.entries(METRICS).map(([anchor, m]) => ({ anchor, ...m }))

/** The page's groups, in the glossary's order within each. */
export const METRIC_GROUPS: MetricGroup[] = [
  {
    anchor: 'strata-figures',
    title: 'Figures of a run',
    entries: all.filter((m) => m.source === 'strata'),
  },
  {
    anchor: 'cloudsim-metrics',
    title: 'CloudSim’s CPU-based SLA metrics',
    entries: all.filter((m) => m.source === 'cloudsim'),
  },
]

/** Bill lines with what each measures on the allocated and the used basis. */
export const BILL_ENTRIES = Object.entries(BILL_ITEMS).map(([anchor, b]) => ({ anchor, ...b }))
export { BILLING_BASIS_DEFINITIONS }

/** The page's contents list. */
export const METRIC_SECTIONS: GuideSection[] = [
  ...METRIC_GROUPS.map((g) => ({ anchor: g.anchor, title: g.title })),
  { anchor: 'bills', title: 'Bills' },
]
