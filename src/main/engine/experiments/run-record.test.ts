import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { runEconomics, type RunTenant } from './run-record'

const tenant = (bill: number, currency: string): RunTenant => ({
  tenantId: currency + bill,
  availabilityPercent: 100,
  slaAvailabilityPercent: 99.9,
  slaViolation: false,
  bill,
  currency,
})
const tenants = [tenant(10, 'USD'), tenant(5.5, 'USD'), tenant(3, 'EUR')]

describe('provider economics of a run', () => {
  it('energy cost and carbon in closed form', () => {
    const design = {
      provider: {
        electricityPricePerKWh: 0.2,
        currency: 'EUR',
        pue: 1.5,
        carbonIntensityGCO2ePerKWh: 400,
      },
    } as Design
    // 10 kWh IT x 1.5 = 15 kWh facility; x 0.2 EUR = 3 EUR; x 400 g = 6000 g = 6 kg.
    const e = runEconomics(design, 10, tenants)
    expect(e.facilityEnergyKWh).toBe(15)
    expect(e.energyCost).toBeCloseTo(3, 12)
    expect(e.currency).toBe('EUR')
    expect(e.carbonKgCO2e).toBeCloseTo(6, 12)
  })

  it('revenue per currency, never summed across currencies', () => {
    expect(runEconomics({} as Design, 1, tenants).revenueByCurrency).toEqual({ USD: 15.5, EUR: 3 })
  })

  it('without economics: PUE 1, no cost, no carbon', () => {
    expect(runEconomics({} as Design, 4, [])).toEqual({
      facilityEnergyKWh: 4,
      pue: 1,
      energyCost: null,
      currency: null,
      carbonKgCO2e: null,
      revenueByCurrency: {},
    })
    const noCarbon = runEconomics(
      { provider: { electricityPricePerKWh: 1, currency: 'USD', pue: 2 } } as Design,
      4,
      [],
    )
    expect(noCarbon).toMatchObject({ facilityEnergyKWh: 8, energyCost: 8, carbonKgCO2e: null })
  })
})
