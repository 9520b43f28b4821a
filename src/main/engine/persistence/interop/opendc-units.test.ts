import { describe, expect, it } from 'vitest'
import { dataSizeMiB, frequencyMHz, powerW } from './opendc-units'

/**
 * Expected values are written from the unit definitions in OpenDC's `opendc-common` units
 * (commit 691036d): 1 MiB = 2^20 bytes, 1 byte = 8 bits, decimal prefixes 10^3k, binary 2^10k;
 * bare numbers are MiB, MHz and W. They are not Strata's output.
 */
const MiB = 2 ** 20

describe('OpenDC data sizes (case-sensitive, as in OpenDC)', () => {
  it.each<[unknown, number]>([
    [16384, 16384],
    ['16384', 16384],
    ['100000 MiB', 100000],
    ['16 GiB', 16 * 1024],
    ['16GiB', 16 * 1024],
    ['  16   GiB ', 16 * 1024],
    ['16 Gi B', 16 * 1024],
    ['16 gibibytes', 16 * 1024],
    ['16 Gibibyte', 16 * 1024],
    ['1 TiB', 1024 * 1024],
    ['1 tebibyte', 1024 * 1024],
    ['2048 KiB', 2],
    ['2048 kibibytes', 2],
    ['3 Mebibytes', 3],
    ['16 Gib', 2 * 1024],
    ['16 gib', 2 * 1024],
    ['8 Mib', 1],
    ['8 mebibits', 1],
    ['8192 Kib', 1],
    ['1 Tib', 128 * 1024],
    ['16 GB', 16e9 / MiB],
    ['16 Gigabytes', 16e9 / MiB],
    ['16 gigabyte', 16e9 / MiB],
    ['2 TB', 2e12 / MiB],
    ['1 Terabytes', 1e12 / MiB],
    ['5 MB', 5e6 / MiB],
    ['5 megabytes', 5e6 / MiB],
    ['7 KB', 7e3 / MiB],
    ['7 kB', 7e3 / MiB],
    ['7 kilobytes', 7e3 / MiB],
    ['8 Gb', 1e9 / MiB],
    ['8 gigabits', 1e9 / MiB],
    ['8 Mb', 1e6 / MiB],
    ['8 mb', 1e6 / MiB],
    ['8 kb', 1e3 / MiB],
    ['8 Tb', 1e12 / MiB],
    ['140457600000 Bytes', 140457600000 / MiB],
    ['549755813888 bytes', 512 * 1024],
    ['1048576 B', 1],
    ['1048576 byte', 1],
    ['8388608 b', 1],
    ['8388608 bits', 1],
    ['8388608 Bits', 1],
    ['8388608 Bit', 1],
    ['1e3 MiB', 1000],
    ['0.5 GiB', 512],
  ])('%j = %f MiB', (input, mib) => {
    const q = dataSizeMiB(input)
    expect(q.ok).toBe(true)
    if (q.ok) expect(q.value).toBeCloseTo(mib, 9)
  })

  it.each(['16 GIB', '16 BYTES', '16 gigs', 'lots', '', '16 GiBs', true, null, {}])(
    'does not read %j (OpenDC does not either)',
    (input) => {
      const q = dataSizeMiB(input)
      expect(q.ok).toBe(false)
      if (!q.ok) expect(q.reason).toContain('data size')
    },
  )
})

describe('OpenDC frequencies (case-insensitive)', () => {
  it.each<[unknown, number]>([
    [2100, 2100],
    ['2100', 2100],
    ['2.1 GHz', 2100],
    ['2.1GHz', 2100],
    ['3.0 GHz', 3000],
    ['  10    GHz   ', 10000],
    ['1 ghz', 1000],
    ['1 GHZ', 1000],
    ['1.5 gigahertz', 1500],
    ['2megahertz', 2],
    ['2600 MHz', 2600],
    ['2600 mhz', 2600],
    ['500 kHz', 0.5],
    ['500 KHz', 0.5],
    ['500 kilohertz', 0.5],
    ['3000000000 Hz', 3000],
    ['3000000000 hertz', 3000],
  ])('%j = %f MHz', (input, mhz) => {
    const q = frequencyMHz(input)
    expect(q.ok).toBe(true)
    if (q.ok) expect(q.value).toBeCloseTo(mhz, 9)
  })

  it.each(['fast', '2.1 GB', '2 THz', '2 GH'])('does not read %j', (input) => {
    expect(frequencyMHz(input).ok).toBe(false)
  })
})

describe('OpenDC power (case-insensitive)', () => {
  it.each<[unknown, number]>([
    [32, 32],
    [32.5, 32.5],
    ['400', 400],
    ['300 Watts', 300],
    ['80 watts', 80],
    ['80 WATTS', 80],
    ['300 W', 300],
    ['300w', 300],
    ['50 kWatts', 50000],
    ['50 KWatts', 50000],
    ['1 kW', 1000],
    ['2 kilowatts', 2000],
    ['2 Kilo Watts', 2000],
    // Not in OpenDC's expression, though its documentation shows "1 KWatt": a superset.
    ['1 Watt', 1],
    ['1 KWatt', 1000],
  ])('%j = %f W', (input, w) => {
    const q = powerW(input)
    expect(q.ok).toBe(true)
    if (q.ok) expect(q.value).toBeCloseTo(w, 9)
  })

  it.each(['hot', '300 Volts', '1 MW', '5 kWh'])('does not read %j', (input) => {
    expect(powerW(input).ok).toBe(false)
  })
})
