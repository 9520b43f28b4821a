/**
 * An experiment's own CSV files neutralise formulas as the report CSV does (review s10a #7:
 * results.csv and combinations.csv kept a factor value `=HYPERLINK("http://e","x")` as given,
 * where `report --csv` wrote `'=HYPERLINK(…)`). Expected cells by OWASP's rule, by hand: a text
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`; numbers,
 * negative ones included, and other text stay as they are.
 */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { tableCsv } from './write-tables'

describe('experiment CSV tables', () => {
  it('neutralise text a spreadsheet would evaluate; numbers stay numbers', () => {
    const table = {
      columns: ['meta.name', '=col', 'energyKWh'],
      rows: [
        { 'meta.name': '=HYPERLINK("http://e","x")', '=col': '@SUM(1)', energyKWh: -5 },
        { 'meta.name': '-2+3+cmd', '=col': '+1', energyKWh: 1.5 },
        { 'meta.name': '\tx', '=col': 'plain name', energyKWh: null },
      ],
    }
    const parsed = Papa.parse<string[]>(tableCsv(table), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toEqual([
      ['meta.name', "'=col", 'energyKWh'],
      ['\'=HYPERLINK("http://e","x")', "'@SUM(1)", '-5'],
      ["'-2+3+cmd", "'+1", '1.5'],
      ["'\tx", 'plain name', ''],
    ])
  })
})
