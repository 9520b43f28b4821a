/**
 * What an experiment's "IT energy" is (review s5 #9): the energy of every simulated device,
 * the hosts plus the storage systems and switches that have power models
 * (`summary.energyBreakdownKWh`, whose lines sum to `summary.energyKWh`), before PUE. Pure.
 */
import type { SimulationSummary } from '../../../../shared/contract'
import { formatValue } from '../simulation/chart-style'

/** One sentence for the panel and the titles. */
export const IT_ENERGY_NOTE =
  'IT energy: what every simulated device drew: the hosts, plus the storage systems and switches that have a power model (facility energy = IT energy × PUE).'

/** `hosts 22.2 · storage 7.77 · switches 32.4 kWh`; undefined when the hosts drew it all. */
export function energyBreakdownText(summary: SimulationSummary): string | undefined {
  const b = summary.energyBreakdownKWh
  if (!b) return undefined
  const parts: string[] = [`hosts ${formatValue(b.hosts)}`]
  if (b.storage !== undefined) parts.push(`storage ${formatValue(b.storage)}`)
  if (b.switches !== undefined) parts.push(`switches ${formatValue(b.switches)}`)
  return `${parts.join(' · ')} kWh`
}
