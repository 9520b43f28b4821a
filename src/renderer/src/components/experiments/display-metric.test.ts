import { describe, expect, it } from 'vitest'
import { displayMetric, percentOfFraction } from './display-metric'

const m = (key: string, label: string) => ({ key, label, min: 0, max: null })

describe('displayMetric', () => {
  it('shows fractions in percent, scaled by 100', () => {
    expect(displayMetric(m('overallSlaViolation', 'Overall SLA violation (fraction)'))).toEqual({
      key: 'overallSlaViolation',
      name: 'Overall SLA violation (%)',
      scale: 100,
      unit: '%',
      range: { min: 0, max: null },
    })
    expect(displayMetric(m('slav', 'SLAV (SLATAH x PDM, fraction)')).name).toBe(
      'SLAV (SLATAH x PDM, %)',
    )
  })

  it('keeps other metrics in the unit their label names', () => {
    expect(displayMetric(m('energyKWh', 'IT energy (kWh)'))).toMatchObject({
      scale: 1,
      unit: 'kWh',
    })
    expect(displayMetric(m('migrations', 'Migrations (count)')).unit).toBe('')
    expect(displayMetric(m('energyCost', 'Energy cost')).unit).toBe('')
    // a fraction bounded to 1 is bounded to 100 in percent
    expect(displayMetric({ ...m('sla', 'SLA violation (fraction)'), max: 1 }).range).toEqual({
      min: 0,
      max: 100,
    })
  })
})

describe('percentOfFraction', () => {
  it('writes SLAV in percent, with a power of ten when tiny (review s4: "6.01e-10")', () => {
    // 6.01e-10 as a fraction is 6.01e-8 %
    expect(percentOfFraction(6.01e-10)).toBe('6.01 × 10⁻⁸ %')
    expect(percentOfFraction(0.0123)).toBe('1.23 %')
    expect(percentOfFraction(0.0001)).toBe('0.01 %')
    expect(percentOfFraction(0)).toBe('0 %')
  })
})
