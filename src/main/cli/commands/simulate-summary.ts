/** What `strata simulate` prints of a finished run: the summary, tenants, fabric (or one JSON line). */
import type { SimulationResult } from '../../../shared/contract/calls/simulation'
import { counted, groupedNumber, quantityText } from '../../../shared/domain/number-text'
import type { Design } from '../../../shared/design/schema'
import type { BillItem } from '../../../shared/domain/bill-line'
import { instanceCountText } from '../../../shared/design/instance-count'
import { percentOfFraction } from '../../../shared/domain/percent-text'
import { BILL_ITEMS, METRICS, type MetricId } from '../../../shared/metrics-glossary'
import { fabricSections } from '../../engine'
import type { CliIo } from '../command'

/** Prints the run's summary to `io.out`; with `json`, one JSON line of it (and the process's peak RSS and CPU). */
export function printSummary(
  design: Design,
  result: SimulationResult,
  json: boolean,
  io: Pick<CliIo, 'out'>,
): void {
  const s = result.summary
  if (json) {
    const usage = process.resourceUsage()
    io.out(
      JSON.stringify({
        ...s,
        peakRssMiB: Math.round(usage.maxRSS / 1024),
        processCpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      }),
    )
    return
  }
  // SLATAH, PDM and SLAV to 3 significant digits, as the app shows them (tiny ones as
  // `9.51 × 10⁻⁸ %`, never `0.00000 %`); the SLA violations to 4 (`15.43 %`).
  const pct = (x: number, significant = 3): string => percentOfFraction(x, significant)
  const row = (id: MetricId, value: string): void =>
    io.out(`  ${METRICS[id].label.padEnd(36)} ${value}`)
  io.out(
    `${design.meta.name}: ${s.policy}, seed ${s.seed}, ${counted(s.hosts, 'host')}, ${instanceCountText(design)}`,
  )
  row('energy', `${groupedNumber(s.energyKWh, 5)} kWh`)
  const breakdown = s.energyBreakdownKWh
  if (breakdown)
    io.out(
      `  ${'  of which'.padEnd(36)} ${Object.entries(breakdown)
        .map(([line, kWh]) => `${line} ${groupedNumber(kWh ?? 0, 5)} kWh`)
        .join(' · ')}`,
    )
  row('migrations', groupedNumber(s.migrations))
  row('hostShutdowns', groupedNumber(s.hostShutdowns))
  row('hostFailures', groupedNumber(s.hostFailures))
  row('meanAvailability', `${s.meanAvailabilityPercent.toFixed(4)} %`)
  if (s.memoryPressureGiBHours > 0)
    io.out(
      `  ${'memory pressure'.padEnd(36)} ${groupedNumber(s.memoryPressureGiBHours, 3)} GiB-hours`,
    )
  io.out('  CloudSim’s SLA metrics (CPU shortfall, no verdict):')
  row('slatah', pct(s.slatah))
  row('pdm', pct(s.pdm))
  row('slav', pct(s.slav))
  row('overallSlaViolation', pct(s.overallSlaViolation, 4))
  row('overallSlaViolationContentionOnly', pct(s.overallSlaViolationContentionOnly, 4))
  row('averageSlaViolation', pct(s.averageSlaViolation, 4))
  const tenantNames = new Map(design.tenants.map((t) => [t.id, t.name]))
  for (const t of result.tenants) {
    const met = t.slaViolation ? 'no' : 'yes'
    const unplaced =
      t.unplacedInstances > 0
        ? `, ${groupedNumber(t.unplacedInstances)} of ${counted(t.instances, 'instance')} unplaced, counted as down`
        : ''
    io.out(
      `  tenant ${tenantNames.get(t.tenantId) ?? t.tenantId}: ${METRICS.deliveredAvailability.label.toLowerCase()} ${t.availabilityPercent.toFixed(4)} % of ${t.slaAvailabilityPercent} % promised (${METRICS.availabilitySlaMet.label.toLowerCase()}: ${met}${unplaced}); bill ${groupedNumber(t.bill.total, 2)} ${t.bill.currency} on ${t.bill.basis} capacity`,
    )
    // Priced lines only; what is free is named once (review s6u #7: vCPU, memory and storage
    // were printed at × 0 while IOPS and network, with no rate, were not printed at all).
    for (const l of t.bill.lines)
      if (l.rate > 0)
        io.out(
          `    ${`${BILL_ITEMS[l.item].label} (billed on ${l.basis})`.padEnd(30)} allocated ${quantityText(l.allocatedQuantity)} · used ${quantityText(l.usedQuantity)} · billed ${quantityText(l.quantity)} ${BILL_ITEMS[l.item].unit} × ${l.rate} = ${groupedNumber(l.amount, 2)} ${t.bill.currency}`,
        )
    const free = unpricedItems(t.bill.lines)
    if (free.length > 0) io.out(`    not priced (no rate, or 0): ${free.join(', ')}`)
  }
  // the network and storage as the report's facts say them (present only when modelled)
  for (const section of fabricSections(design, result)) {
    io.out(`  ${section.title}:`)
    for (const block of section.blocks)
      if (block.kind === 'facts')
        for (const [label, value] of block.items) io.out(`    ${label.padEnd(34)} ${value}`)
  }
  io.out(`  simulated in ${groupedNumber(s.elapsedMs)} ms`)
}

/** Labels of the bill items a tenant's bill has no rate above 0 for, in the glossary's order. */
export function unpricedItems(lines: ReadonlyArray<{ item: BillItem; rate: number }>): string[] {
  const priced = new Set(lines.filter((l) => l.rate > 0).map((l) => l.item))
  return (Object.keys(BILL_ITEMS) as BillItem[])
    .filter((item) => !priced.has(item))
    .map((item) => BILL_ITEMS[item].label)
}
