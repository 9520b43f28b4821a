/**
 * OpenDC's quantity spellings -> Strata's units (MHz, MiB, W).
 *
 * Follows the unit readers of OpenDC's `opendc-common` (`org.opendc.common.units`:
 * `UnitSerializer`, `DataSize`, `Frequency`, `Power`) at commit 691036d of its main branch:
 * - A JSON number, or a string holding only a number, is in the default unit: MHz for a
 *   frequency, MiB for a data size, W for power.
 * - Otherwise `NUMBER UNIT`, spaces allowed before, between and after the parts.
 * - Data sizes are case-SENSITIVE: `b`, `bit`, `Bit`, `bits`, `Bits` are bits; `B`, `byte`,
 *   `Byte`, `bytes`, `Bytes` are bytes. Decimal prefixes `K`/`k`/`Kilo`/`kilo` (1e3),
 *   `M`/`m`/`Mega`/`mega` (1e6), `G`/`g`/`Giga`/`giga` (1e9), `T`/`t`/`Tera`/`tera` (1e12);
 *   binary prefixes `Ki`/`ki`/`Kibi`/`kibi` (2^10), `Mi`/`Mebi` (2^20), `Gi`/`Gibi` (2^30),
 *   `Ti`/`Tebi` (2^40), each also in lower case. So `"16 GiB"` is 16 gibibytes, `"16 Gib"`
 *   16 gibibits (2 GiB) and `"16 GB"` 16e9 bytes.
 * - Frequencies are case-insensitive: `Hz`/`Hertz` with the decimal prefixes k, M, G
 *   (`"2.1 GHz"`, `"2megahertz"`).
 * - Power is case-insensitive: `W`/`Watts`, with the prefix k/kilo (`"50 kWatts"`). OpenDC's
 *   expression has no singular `Watt`, though its own documentation shows `"1 KWatt"`; Strata
 *   also reads the singular (a superset: nothing OpenDC reads is read differently).
 */

/** A parsed quantity in Strata's unit, or why it could not be read. */
export type Quantity = { ok: true; value: number } | { ok: false; reason: string }

const NUMBER = String.raw`([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)`

const DECIMAL: Array<[string, number]> = [
  ['K|k|Kilo|kilo', 1e3],
  ['M|m|Mega|mega', 1e6],
  ['G|g|Giga|giga', 1e9],
  ['T|t|Tera|tera', 1e12],
]
const BINARY: Array<[string, number]> = [
  ['Ki|ki|Kibi|kibi', 2 ** 10],
  ['Mi|mi|Mebi|mebi', 2 ** 20],
  ['Gi|gi|Gibi|gibi', 2 ** 30],
  ['Ti|ti|Tebi|tebi', 2 ** 40],
]
const BYTES = 'B|byte|Byte|bytes|Bytes'
const BITS = 'b|bit|Bit|bits|Bits'
const MIB = 2 ** 20

/** Each data-size form with its size in bytes per unit; checked in order, first match wins. */
const DATA_FORMS: Array<[RegExp, number]> = [['', 1], ...BINARY, ...DECIMAL].flatMap(
  ([prefix, factor]) => {
    const p = prefix ? String.raw`(?:${prefix})\s*` : ''
    return [
      [new RegExp(String.raw`^\s*${NUMBER}\s*${p}(?:${BITS})\s*$`), (factor as number) / 8],
      [new RegExp(String.raw`^\s*${NUMBER}\s*${p}(?:${BYTES})\s*$`), factor as number],
    ] as Array<[RegExp, number]>
  },
)

const DATA_FORMS_MIB = DATA_FORMS.map(([re, bytes]): [RegExp, number] => [re, bytes / MIB])

const FREQUENCY_FORMS: Array<[RegExp, number]> = [
  ['', 1e-6],
  [String.raw`(?:k|kilo)\s*`, 1e-3],
  [String.raw`(?:m|mega)\s*`, 1],
  [String.raw`(?:g|giga)\s*`, 1e3],
].map(([prefix, mhz]) => [
  new RegExp(String.raw`^\s*${NUMBER}\s*${prefix as string}(?:hz|hertz)\s*$`, 'i'),
  mhz as number,
])

const POWER_FORMS: Array<[RegExp, number]> = [
  [new RegExp(String.raw`^\s*${NUMBER}\s*(?:w|watts?)\s*$`, 'i'), 1],
  [new RegExp(String.raw`^\s*${NUMBER}\s*(?:k|kilo)\s*(?:w|watts?)\s*$`, 'i'), 1000],
]

const BARE = new RegExp(String.raw`^\s*${NUMBER}\s*$`)

function read(
  v: unknown,
  forms: ReadonlyArray<[RegExp, number]>,
  bareFactor: number,
  what: string,
): Quantity {
  if (typeof v === 'number')
    return Number.isFinite(v) ? { ok: true, value: v * bareFactor } : notRead(v, what)
  if (typeof v !== 'string') return notRead(v, what)
  const bare = BARE.exec(v)
  if (bare) return { ok: true, value: Number(bare[1]) * bareFactor }
  for (const [re, factor] of forms) {
    const m = re.exec(v)
    if (m) return { ok: true, value: Number(m[1]) * factor }
  }
  return notRead(v, what)
}

function notRead(v: unknown, what: string): Quantity {
  const shown = JSON.stringify(v)?.slice(0, 40) ?? 'nothing'
  return { ok: false, reason: `expected ${what}, got ${shown}` }
}

/** A frequency in MHz (bare numbers are MHz, as in OpenDC). */
export function frequencyMHz(v: unknown): Quantity {
  return read(v, FREQUENCY_FORMS, 1, 'a frequency such as 2100 (MHz) or "2.1 GHz"')
}

/** A data size in MiB (bare numbers are MiB, as in OpenDC). */
export function dataSizeMiB(v: unknown): Quantity {
  return read(v, DATA_FORMS_MIB, 1, 'a data size such as 16384 (MiB) or "16 GiB"')
}

/** Power in watts (bare numbers are W, as in OpenDC). */
export function powerW(v: unknown): Quantity {
  return read(v, POWER_FORMS, 1, 'a power such as 300 (W) or "300 Watts"')
}

/** True when `v` is a bare number (a JSON number or a string holding only a number). */
export function isBareNumber(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && BARE.test(v))
}
