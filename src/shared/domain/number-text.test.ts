import { describe, expect, it } from 'vitest'
import { counted, groupedNumber, progressPercent } from './number-text'

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

describe('counted and progressPercent', () => {
  it('counts with the noun in the right number (review s7c #5a: "in 1 racks")', () => {
    expect(counted(1, 'rack')).toBe('1 rack')
    expect(counted(2000, 'host')).toBe('2,000 hosts')
    expect(counted(0, 'tenant')).toBe('0 tenants')
    expect(counted(2, 'SAN')).toBe('2 SANs')
  })

  it('rounds progress as the status does: 21.5 % reads 22 in the status and the notice', () => {
    expect(progressPercent(0.215)).toBe(22)
    expect(progressPercent(0.2149)).toBe(21)
    expect(progressPercent(1.2)).toBe(100)
    expect(progressPercent(-0.1)).toBe(0)
  })
})
