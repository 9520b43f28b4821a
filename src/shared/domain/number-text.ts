/**
 * The one number formatter for figures a user reads (review s7u #10a: "Energy 70006.8 kWh"
 * printed above "Hosts 70,006.8 kWh"): thousands grouped with commas, a point for decimals,
 * the same text on every machine (no locale). Reports (`reports/format.ts` `num`), the
 * Simulation tab (`fabric-figures.ts` `grouped`) and the CLI's summaries use it.
 */

/** `1234567.891` -> `1,234,567.89` with `digits` decimals; `-0.00` is written `0.00`. */
export function groupedNumber(value: number, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits)
  const [whole = '0', frac] = fixed.split('.')
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : ''
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`
}

/**
 * A count with its noun, grouped and in the right number: `counted(2000, 'host')` ->
 * `2,000 hosts`, `counted(1, 'rack')` -> `1 rack` (review s7c #5a: "in 1 racks"). `many`
 * when the plural is not the noun + `s`.
 */
export function counted(n: number, noun: string, many = `${noun}s`): string {
  return `${groupedNumber(n)} ${n === 1 ? noun : many}`
}

/**
 * A run's progress (0..1) as the whole percent the status shows, rounded; every sentence that
 * repeats it (the stop notice, a tenant's status) uses it too (review s7c #5c: the status read
 * 22 % and the stop notice 21 %, floor against round).
 */
export function progressPercent(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100)
}
