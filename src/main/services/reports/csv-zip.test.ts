import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipCsvFiles } from './csv-zip'

const files = [
  { fileName: 'hosts.csv', contents: 'host,cores\r\nkvm-1,32\r\n' },
  { fileName: 'tenants.csv', contents: 'tenant\r\n"Acme, Inc."\r\nÉtoile\r\n' },
]

describe('zipCsvFiles', () => {
  it('puts every file, unchanged, in one folder of one archive', () => {
    const entries = unzipSync(zipCsvFiles(files, 'two-hall-csv', '2026-03-01T10:20:30Z'))
    expect(Object.keys(entries)).toEqual(['two-hall-csv/hosts.csv', 'two-hall-csv/tenants.csv'])
    expect(strFromU8(entries['two-hall-csv/tenants.csv']!)).toBe(files[1]!.contents)
  })

  it('gives the same bytes for the same report, whatever the clock', () => {
    const a = zipCsvFiles(files, 'r', '2026-03-01T10:20:30Z')
    const b = zipCsvFiles(files, 'r', '2026-03-01T10:20:30Z')
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    // The DOS time of the first entry (offset 10: time, 12: date) is the report's UTC time:
    // 10:20:30 -> (10 << 11) | (20 << 5) | 15; 2026-03-01 -> ((2026 - 1980) << 9) | (3 << 5) | 1.
    const view = new DataView(a.buffer, a.byteOffset)
    expect(view.getUint16(10, true)).toBe((10 << 11) | (20 << 5) | 15)
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (3 << 5) | 1)
  })

  it('refuses two files of one name instead of dropping one', () => {
    expect(() => zipCsvFiles([files[0]!, files[0]!], 'r')).toThrow(
      /two CSV files are named hosts.csv/,
    )
  })
})
