/** Locale-independent number formatting for reports (the same text on every machine). */

/** `1234567.891` -> `1,234,567.89` with `digits` decimals. */
export function num(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '–'
  const fixed = Math.abs(value).toFixed(digits)
  const [whole = '0', frac] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (value < 0 && Number(fixed) !== 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '')
}

/** A fraction 0..1 as a percentage. */
export function pct(fraction: number | undefined, digits = 1): string {
  return fraction === undefined ? '–' : `${num(fraction * 100, digits)} %`
}

export function money(amount: number | undefined, currency: string): string {
  return amount === undefined ? '–' : `${num(amount, 2)} ${currency}`
}

/** Seconds as `1 d 02:03:04` / `02:03:04`. */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–'
  const s = Math.round(seconds)
  const d = Math.floor(s / 86_400)
  const hms = [Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':')
  return d > 0 ? `${d} d ${hms}` : hms
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
