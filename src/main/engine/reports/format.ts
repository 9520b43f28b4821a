/** Locale-independent number formatting for reports (the same text on every machine). */
import { groupedNumber } from '../../../shared/domain/number-text'
import { percentOfFraction } from '../../../shared/domain/percent-text'

/** `1234567.891` -> `1,234,567.89` with `digits` decimals. */
export function num(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  return groupedNumber(value, digits)
}

/**
 * A fraction 0..1 as a percentage, the one way every percentage of a report is printed (the
 * app's and the CLI's `percentOfFraction`: `significant` digits, a power of ten below 0.01 %,
 * `0 %` for floating-point noise). Review s9u C9: a report mixed `83.721 %`, `14.2 %` and
 * `33.3 %` styles.
 */
export function pct(fraction: number | undefined, significant = 3): string {
  return fraction === undefined ? '–' : percentOfFraction(fraction, significant)
}

/**
 * An availability given in percent (`99.994`) to 5 significant digits (`99.994 %`, `100 %`):
 * availability targets differ in the second decimal (99.9 vs 99.99), so 3 digits would not do.
 */
export function availabilityPct(percent: number | undefined): string {
  return percent === undefined ? '–' : pct(percent / 100, 5)
}

/**
 * Decimals of a currency's minor unit (ISO 4217: USD 2, JPY 0, BHD 3), from the JavaScript
 * Intl data; 2 for a code Intl does not know.
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** An amount to its currency's precision with the code after it: `1,234.50 USD`, `980 JPY`. */
export function money(amount: number | undefined, currency: string): string {
  return amount === undefined || !Number.isFinite(amount)
    ? '–'
    : `${num(amount, currencyDigits(currency))} ${currency}`
}

/**
 * An instant of virtual time (seconds since the run's start) as `h:mm`, with days when a
 * day or more has passed: `6:00`, `0:05`, `1 d 2:30`. Seconds are rounded to the minute.
 */
export function clock(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–'
  const m = Math.round(seconds / 60)
  const d = Math.floor(m / 1440)
  const hm = `${Math.floor((m % 1440) / 60)}:${String(m % 60).padStart(2, '0')}`
  return d > 0 ? `${d} d ${hm}` : hm
}

/**
 * A length of time with units, to a sensible precision: `48 s`, `10.5 s`, `12 min 30 s`,
 * `1 min`, `2 h 05 min`, `6 h`, `3 d 4 h`, `1 d`.
 */
export function durationText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–'
  const sign = seconds < 0 ? '-' : ''
  const s = Math.abs(seconds)
  if (s < 60) return `${sign}${num(s, Number.isInteger(s) ? 0 : s >= 10 ? 1 : 2)} s`
  const whole = Math.round(s)
  if (whole < 3600)
    return `${sign}${Math.floor(whole / 60)} min${whole % 60 ? ` ${String(whole % 60).padStart(2, '0')} s` : ''}`
  const minutes = Math.round(s / 60)
  if (minutes < 1440)
    return `${sign}${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')} min` : ''}`
  const hours = Math.round(s / 3600)
  return `${sign}${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`
}

/** A length of time with units (see `durationText`): `1 d`, `2 h 05 min`, `48 s`. */
export function duration(seconds: number | undefined): string {
  return durationText(seconds)
}

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
