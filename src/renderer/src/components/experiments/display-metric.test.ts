import { describe, expect, it } from 'vitest'
import { displayMetric } from './display-metric'

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
