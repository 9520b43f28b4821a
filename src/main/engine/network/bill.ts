/**
 * Puts a run's `network` section into its result and bills each tenant that has a
 * `pricing.transferGB` price for the GB its instances sent (a `network-gb` line on the used
 * basis: traffic delivered, never traffic asked for and not carried), with the one bill-line
 * function every bill uses.
 */
import { billLine, billTotal } from '../../../shared/domain/bill-line'
import type { NetworkResult } from '../../../shared/domain/network-result'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'

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
    usage.bill.lines.push(billLine('network-gb', 'used', gb, gb, rate))
    usage.bill.total = billTotal(usage.bill.lines)
  }
}
