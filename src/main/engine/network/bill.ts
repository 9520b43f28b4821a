/**
 * Puts a run's `network` section into its result and bills each tenant that has a
 * `pricing.transferGB` price for the GB its instances sent (a `network-gb` line on the used
 * basis: traffic delivered, never traffic asked for and not carried).
 */
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import type { NetworkResult } from '../../../shared/domain/network-result'

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** Adds `network` to `result` and the tenants' `network-gb` bill lines (in place). */
export function attachNetwork(
  result: SimulationResult,
  network: NetworkResult,
  design: Design,
): void {
  result.network = network
  const sent = new Map(network.tenants.map((t) => [t.tenantId, t.gbSent]))
  for (const usage of result.tenants) {
    const rate = design.tenants.find((t) => t.id === usage.tenantId)?.pricing.transferGB
    if (rate === undefined) continue
    const gb = sent.get(usage.tenantId) ?? 0
    usage.bill.lines.push({
      item: 'network-gb',
      basis: 'used',
      quantity: gb,
      allocatedQuantity: gb,
      usedQuantity: gb,
      rate,
      amount: round(gb * rate, 4),
    })
    usage.bill.total = round(
      usage.bill.lines.reduce((sum, l) => sum + l.amount, 0),
      4,
    )
  }
}
