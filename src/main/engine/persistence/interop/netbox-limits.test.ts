/**
 * A NetBox import reads at most 1,000 columns and 100,000 data rows (review s8a #2/#3: a
 * 26 MB header of 3,000,000 columns cost 3.2 s of CPU and 722 MB, 500,000 rows of two
 * characters 7.4 s, on the web host's main thread). Past either, the import is refused naming
 * the limit and where; at the limit it is read. Expected lines by counting: the header is line
 * 1, data row k (from 1) is line k + 1.
 */
import { describe, expect, it } from 'vitest'
import { MAX_CSV_COLUMNS, MAX_CSV_ROWS } from './netbox-csv'
import { importNetboxCsv } from './netbox-import'

const header = (columns: number): string =>
  ['name', 'role', ...Array.from({ length: columns - 2 }, (_, i) => `c${i}`)].join(',')
const rows = (n: number): string => Array.from({ length: n }, (_, i) => `h${i},server`).join('\n')

describe('NetBox import limits', () => {
  it('reads a header of 1,000 columns and refuses one of 1,001 before parsing it', () => {
    expect(MAX_CSV_COLUMNS).toBe(1000)
    const atLimit = importNetboxCsv(`${header(1000)}\nh0,server\n`)
    expect(atLimit.ok).toBe(true)
    const over = importNetboxCsv(`${header(1001)}\nh0,server\n`)
    expect(over).toEqual({
      ok: false,
      message:
        'too large to import: the header row has more than 1,000 columns, the most an import reads',
      problems: [
        {
          severity: 'error',
          path: 'header',
          message: 'line 1: the header row has more than 1,000 columns, the most an import reads',
        },
      ],
    })
  })

  it('counts a quoted comma as part of its column, and skips blank lines before the header', () => {
    const quoted = ['name', 'role', ...Array.from({ length: 998 }, (_, i) => `"c,${i}"`)].join(',')
    expect(importNetboxCsv(`${quoted}\nh0,server\n`).ok).toBe(true)
    expect(importNetboxCsv(`\n\n${header(3_000_000)}\n`).ok).toBe(false)
  })

  it('reads 100,000 rows and refuses the 100,001st at its line, 100,002', () => {
    expect(MAX_CSV_ROWS).toBe(100_000)
    const over = importNetboxCsv(`name,role\n${rows(MAX_CSV_ROWS + 1)}\n`)
    expect(over.ok).toBe(false)
    if (over.ok) return
    expect(over.message).toBe(
      'too large to import: the file has more than 100,000 data rows, the most an import reads',
    )
    expect(over.problems).toEqual([
      {
        severity: 'error',
        path: 'rows[100000]',
        message:
          'line 100,002: the file has more than 100,000 data rows, the most an import reads'.replace(
            '100,002',
            '100002',
          ),
      },
    ])
    const atLimit = importNetboxCsv(`name,role\n${rows(MAX_CSV_ROWS)}\n`)
    expect(atLimit.ok ? atLimit.counts : atLimit.message).toMatchObject({ host: MAX_CSV_ROWS })
  }, 120_000)
})
