/**
 * The tenant's bill: taken from the latest simulation when there is one, else estimated from
 * its own allocation over the design's horizon. Only the tenant's own figures go in.
 */
import type { TenantBillLine, TenantViewBill } from '../../../shared/domain/tenant-view'
import type { TenantUsage } from '../../../shared/domain/simulation-result'
import type { Tenant } from '../../../shared/design/schema'

/** Seconds in a billing month (30 days), for storage GiB-months. */
export const BILLING_MONTH_S = 30 * 86_400

/** What the tenant holds while it runs, for the estimate. */
export interface AllocationTotals {
  vcpus: number
  /** vCPUs weighted by mean demand (for bills on used capacity). */
  usedVcpus: number
  memoryMiB: number
  diskGiB: number
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6

function line(
  item: TenantBillLine['item'],
  basis: TenantBillLine['basis'],
  allocated: number,
  used: number,
  rate: number,
): TenantBillLine {
  const quantity = basis === 'used' ? used : allocated
  return {
    item,
    basis,
    quantity: round(quantity),
    allocatedQuantity: round(allocated),
    usedQuantity: round(used),
    rate,
    amount: round(quantity * rate),
  }
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
  return {
    source: 'estimate',
    periodS,
    currency: pricing.currency,
    basis: pricing.basis,
    lines,
    total: round(lines.reduce((sum, l) => sum + l.amount, 0)),
  }
}

/** The bill a simulation produced for this tenant. */
export function simulatedBill(usage: TenantUsage, periodS: number): TenantViewBill {
  return {
    source: 'simulation',
    periodS,
    currency: usage.bill.currency,
    basis: usage.bill.basis,
    lines: usage.bill.lines.map((l) => ({ ...l })),
    total: usage.bill.total,
  }
}
