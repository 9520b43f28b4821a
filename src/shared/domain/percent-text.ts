/**
 * One way to print a fraction as a percentage, for every place that shows SLA metrics (the app's
 * Experiments panel, `strata simulate`, the reports): never `0.00000 %` for a value that is not
 * zero. SLAV = SLATAH × PDM (Beloglazov & Buyya 2012) is typically 10⁻¹⁰..10⁻⁶ as a fraction,
 * so fixed decimals print it as zero (review s6u #3).
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
}

/**
 * The smallest fraction shown as a figure: 10⁻¹⁴ (10⁻¹² %), about a hundred times the rounding
 * of a double near 1 (2⁻⁵² ≈ 2.2 × 10⁻¹⁶). A smaller one is floating-point noise left by a
 * difference of sums (review s9u C5: `4.312 × 10⁻¹⁵ %` for a run with no contention) and is
 * shown as 0; the smallest real SLA metrics are far above it (SLAV ≈ 10⁻¹⁰..10⁻⁶).
 */
export const FRACTION_RESOLUTION = 1e-14

/**
 * `fraction` (0..1) in percent to `significant` digits (default 3, trailing zeros dropped):
 * `1.23 %`, `15.43 %` (4 digits), and below 0.01 % with a power of ten as the field writes it
 * (`9.51 × 10⁻⁸ %`), never `9.51e-8` nor `0.00000 %`; 0 and anything smaller in size than
 * `FRACTION_RESOLUTION` is `0 %`, a non-finite value `–`.
 */
export function percentOfFraction(fraction: number, significant = 3): string {
  if (!Number.isFinite(fraction)) return '–'
  if (Math.abs(fraction) < FRACTION_RESOLUTION) return '0 %'
  const percent = fraction * 100
  if (Math.abs(percent) >= 0.01) return `${Number(percent.toPrecision(significant))} %`
  const [mantissa = '', exponent = '0'] = percent.toExponential(significant - 1).split('e')
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('')
  return `${Number(mantissa)} × 10${power} %`
}
