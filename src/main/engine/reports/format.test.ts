/** Report number formats; expected values by hand (ISO 4217 minor units, clock arithmetic). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  availabilityPct,
  clock,
  currencyDigits,
  duration,
  durationText,
  money,
  num,
  pct,
} from './format'

describe('report formats', () => {
  it('prints every percentage one way (review s9u C9: 83.721 %, 14.2 % and 33.3 % mixed)', () => {
    // 3 significant digits, as the app's figures: 0.14203 → 14.2 %, 1/3 → 33.3 %
    expect(pct(0.14203)).toBe('14.2 %')
    expect(pct(1 / 3)).toBe('33.3 %')
    expect(pct(0)).toBe('0 %')
    expect(pct(2.1e-8)).toBe('2.1 × 10⁻⁶ %')
    // availability to 5 significant digits: 100 × (1 − 39.07 / 240) = 83.720833…
    expect(availabilityPct(100 * (1 - 39.07 / 240))).toBe('83.721 %')
    expect(availabilityPct(99.994)).toBe('99.994 %')
    expect(availabilityPct(100)).toBe('100 %')
  })

  it('gives money to its currency\u2019s minor unit (ISO 4217)', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('EUR')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('BHD')).toBe(3)
    expect(money(10.0783, 'USD')).toBe('10.08 USD')
    expect(money(17.8, 'USD')).toBe('17.80 USD')
    expect(money(1234.5, 'JPY')).toBe('1,235 JPY')
    expect(money(1.23456, 'BHD')).toBe('1.235 BHD')
    expect(money(3, 'XXQ')).toBe('3.00 XXQ') // unknown code: 2 decimals
  })

  it('shows an instant of the run as h:mm (never "s 21600")', () => {
    expect(clock(21_600)).toBe('6:00')
    expect(clock(300)).toBe('0:05')
    expect(clock(28_800 + 90)).toBe('8:02') // 90 s rounds to 2 min
    expect(clock(86_400 + 9_000)).toBe('1 d 2:30')
  })

  it('shows a length of time with units', () => {
    expect(durationText(0)).toBe('0 s')
    expect(durationText(10.48576)).toBe('10.5 s')
    expect(durationText(0.66)).toBe('0.66 s')
    expect(durationText(60)).toBe('1 min')
    expect(durationText(750)).toBe('12 min 30 s')
    expect(durationText(7_500)).toBe('2 h 05 min')
    expect(durationText(21_600)).toBe('6 h')
    expect(durationText(86_400)).toBe('1 d')
    expect(durationText(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h')
    expect(duration(86_400)).toBe('1 d')
  })

  it('h:mm reads back to the minute it rounds to', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 86_400 }), (s) => {
        const m = /^(?:(\d+) d )?(\d+):(\d\d)$/.exec(clock(s))
        expect(m).not.toBeNull()
        const [, d = '0', h = '0', mm = '0'] = m ?? []
        expect(Number(h)).toBeLessThan(24)
        expect(Number(d) * 1440 + Number(h) * 60 + Number(mm)).toBe(Math.round(s / 60))
      }),
    )
  })

  it('groups thousands without a locale', () => {
    expect(num(1234567.891, 2)).toBe('1,234,567.89')
    expect(num(-0.004, 2)).toBe('0.00')
  })
})
