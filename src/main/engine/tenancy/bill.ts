/**
 * The tenant's bill: taken from the latest simulation when there is one, else estimated from
 * its own allocation over the design's horizon. Only the tenant's own figures go in.
 */
import type { TenantViewBill } from '../../../shared/domain/tenant-view'
import type { TenantUsage } from '../../../shared/domain/simulation-result'
import type { Tenant } from '../../../shared/design/schema'
import { BILLING_MONTH_S, billLine as line, billTotal } from '../../../shared/domain/bill-line'

export { BILLING_MONTH_S }

/** What the tenant holds while it runs, for the estimate. */
export interface AllocationTotals {
  vcpus: number
  /** vCPUs weighted by mean demand (for bills on used capacity). */
  usedVcpus: number
  memoryMiB: number
  diskGiB: number
  /** IOPS reserved at admission (`workload.iops`), for the provisioned-IOPS line (issue 17). */
  iops?: number
  /**
   * GB the instances would send over the period (east-west and egress, `estimatedNetworkGB`),
   * for the `network-gb` line; undefined when the design's run models no traffic.
   */
  networkGB?: number
}

/** A bill estimated from allocation over `periodS` seconds. */
export function estimateBill(
  tenant: Tenant,
  totals: AllocationTotals,
  periodS: number,
): TenantViewBill {
  const hours = periodS / 3600
  const pricing = tenant.pricing
  const memGiBHours = (totals.memoryMiB / 1024) * hours
  const diskMonths = totals.diskGiB * (periodS / BILLING_MONTH_S)
  // The estimate knows no memory traces: memory in use is taken as memory reserved.
  const lines = [
    line(
      'vcpu-hours',
      pricing.basis,
      totals.vcpus * hours,
      totals.usedVcpus * hours,
      pricing.vcpuHour,
    ),
    line('memory-gib-hours', pricing.basis, memGiBHours, memGiBHours, pricing.memoryGiBHour),
    line('storage-gib-months', 'allocated', diskMonths, diskMonths, pricing.storageGiBMonth),
  ]
  // Provisioned IOPS (issue 17), as the simulation bills them: only when the tenant is priced.
  if (pricing.provisionedIopsMonth !== undefined) {
    const iopsMonths = (totals.iops ?? 0) * (periodS / BILLING_MONTH_S)
    lines.push(
      line(
        'provisioned-iops-months',
        'allocated',
        iopsMonths,
        iopsMonths,
        pricing.provisionedIopsMonth,
      ),
    )
  }
  // Network GB sent (review s7u #1), as the run bills them: only when priced and modelled.
  if (pricing.transferGB !== undefined && totals.networkGB !== undefined)
    lines.push(line('network-gb', 'used', totals.networkGB, totals.networkGB, pricing.transferGB))
  return {
    source: 'estimate',
    periodS,
    currency: pricing.currency,
    basis: pricing.basis,
    lines,
    total: billTotal(lines),
  }
}

/**
 * The bill a simulation produced for this tenant over `periodS` of virtual time; `stopped`
 * when the run was cancelled or failed (then `periodS` is the time it reached).
 */
export function simulatedBill(
  usage: TenantUsage,
  periodS: number,
  stopped?: 'cancelled' | 'failed',
): TenantViewBill {
  return {
    source: 'simulation',
    periodS,
    ...(stopped ? { stopped } : {}),
    currency: usage.bill.currency,
    basis: usage.bill.basis,
    lines: usage.bill.lines.map((l) => ({ ...l })),
    total: usage.bill.total,
  }
}
