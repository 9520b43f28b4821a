import { describe, expect, it } from 'vitest'
import { groupedNumber } from './number-text'

describe('groupedNumber', () => {
  it('groups thousands and keeps the decimals asked for', () => {
    expect(groupedNumber(70_006.8039, 1)).toBe('70,006.8')
    expect(groupedNumber(13_498.57619, 5)).toBe('13,498.57619')
    expect(groupedNumber(1_234_567)).toBe('1,234,567')
    expect(groupedNumber(999.95, 1)).toBe('1,000.0')
    expect(groupedNumber(-0.001, 2)).toBe('0.00')
    expect(groupedNumber(-1234.5, 1)).toBe('-1,234.5')
  })
})
