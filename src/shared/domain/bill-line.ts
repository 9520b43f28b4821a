/**
 * One bill line and one bill total, the same for a simulated bill (`simulation/result.ts`) and a
 * tenant's estimate (`tenancy/bill.ts`), so a bill never depends on which path built it.
 *
 * Rounding: quantities and amounts are kept to 6 decimals (a millionth of a unit or of the
 * currency; displays round to cents); a total is the rounded sum of the rounded line amounts,
 * so the lines shown always add up to the total shown.
 */

/** Seconds in a billing month (30 days), for storage GiB-months. */
export const BILLING_MONTH_S = 30 * 86_400

/** Decimals kept in bill quantities and amounts. */
export const BILL_DECIMALS = 6

/**
 * What a line bills: vCPU-hours, memory GiB-hours, storage GiB-months or provisioned
 * IOPS-months (issue 17). The one list of bill items: result and view types use it.
 */
export type BillItem =
  'vcpu-hours' | 'memory-gib-hours' | 'storage-gib-months' | 'provisioned-iops-months'

/** Allocated (capacity held) or used (capacity consumed). */
export type BillBasis = 'allocated' | 'used'

/** A bill line: its basis, both quantities, the billed one, the rate and the amount. */
export interface BillLineValues {
  item: BillItem
  basis: BillBasis
  /** `allocatedQuantity` or `usedQuantity`, as `basis` says. */
  quantity: number
  allocatedQuantity: number
  usedQuantity: number
  /** Price per unit of the item, in the bill's currency. */
  rate: number
  /** quantity × rate, in the bill's currency. */
  amount: number
}

/** `x` rounded to `BILL_DECIMALS` decimals. */
export function roundBill(x: number): number {
  const f = 10 ** BILL_DECIMALS
  return Math.round(x * f) / f
}

/**
 * A line billing `allocated` or `used` (same unit, the item's) at `rate` per unit, as `basis`
 * says. Storage is billed as provisioned: pass `'allocated'` for it on either pricing basis.
 */
export function billLine(
  item: BillItem,
  basis: BillBasis,
  allocated: number,
  used: number,
  rate: number,
): BillLineValues {
  const quantity = basis === 'used' ? used : allocated
  return {
    item,
    basis,
    quantity: roundBill(quantity),
    allocatedQuantity: roundBill(allocated),
    usedQuantity: roundBill(used),
    rate,
    amount: roundBill(quantity * rate),
  }
}

/** The bill's total: the sum of its lines' amounts, rounded like them. */
export function billTotal(lines: ReadonlyArray<{ amount: number }>): number {
  return roundBill(lines.reduce((sum, l) => sum + l.amount, 0))
}
