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
 * `fraction` (0..1) in percent to `significant` digits (default 3, trailing zeros dropped):
 * `1.23 %`, `15.43 %` (4 digits), and below 0.01 % with a power of ten as the field writes it
 * (`9.51 × 10⁻⁸ %`), never `9.51e-8` nor `0.00000 %`; exactly 0 is `0 %`, a non-finite value `–`.
 */
export function percentOfFraction(fraction: number, significant = 3): string {
  if (!Number.isFinite(fraction)) return '–'
  const percent = fraction * 100
  if (percent === 0) return '0 %'
  if (Math.abs(percent) >= 0.01) return `${Number(percent.toPrecision(significant))} %`
  const [mantissa = '', exponent = '0'] = percent.toExponential(significant - 1).split('e')
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('')
  return `${Number(mantissa)} × 10${power} %`
}
