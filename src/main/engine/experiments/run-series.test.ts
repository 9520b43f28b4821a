import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { runSeries } from './run-series'

const tenant = (requestedMips: number[], allocatedMips: number[]) => ({
  tenantId: 't',
  vcpus: [],
  allocatedMips,
  requestedMips,
  cumulativeCost: [],
})

describe('runSeries', () => {
  it('takes power and active hosts as they are and the SLA violation summed over tenants', () => {
    const result = {
      series: {
        timesS: [0, 300, 600],
        totalPowerW: [100, 200, 150],
        activeHosts: [2, 3, 1],
        hosts: [],
        tenants: [tenant([1000, 1000, 0], [1000, 800, 0]), tenant([0, 3000, 0], [0, 2200, 0])],
      },
    } as unknown as SimulationResult
    // at 300 s: requested 4000, allocated 3000 -> 25 %; at 600 s nothing is requested -> 0
    expect(runSeries(result)).toEqual({
      timesS: [0, 300, 600],
      powerW: [100, 200, 150],
      activeHosts: [2, 3, 1],
      slaViolationPercent: [0, 25, 0],
    })
  })
})
