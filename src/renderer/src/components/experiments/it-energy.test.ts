/** What "IT energy" includes, said in the Experiments panel (review s5 #9). */
import { describe, expect, it } from 'vitest'
import type { SimulationSummary } from '../../../../shared/contract'
import { energyBreakdownText } from './it-energy'

const summary = (s: Partial<SimulationSummary>): SimulationSummary => s as SimulationSummary

describe('energyBreakdownText', () => {
  it('names each device kind of the breakdown (the sample: 22.216 + 7.768 + 32.446 kWh)', () => {
    expect(
      energyBreakdownText(
        summary({
          energyKWh: 62.43,
          energyBreakdownKWh: { hosts: 22.216, storage: 7.768, switches: 32.446 },
        }),
      ),
    ).toBe('hosts 22.2 · storage 7.77 · switches 32.4 kWh')
    expect(
      energyBreakdownText(
        summary({ energyKWh: 30, energyBreakdownKWh: { hosts: 20, switches: 10 } }),
      ),
    ).toBe('hosts 20 · switches 10 kWh')
  })

  it('says nothing more when the hosts drew it all', () => {
    expect(energyBreakdownText(summary({ energyKWh: 5 }))).toBeUndefined()
  })
})
