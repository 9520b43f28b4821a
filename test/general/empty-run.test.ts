/**
 * A design with nothing to simulate is refused with a clear error, and one with hosts but no
 * instances simulates its idle hosts (review s11u #18: an empty design simulated to 0 kWh and
 * 100 % availability, with no word that there was nothing to run).
 */
import { describe, expect, it } from 'vitest'
import { InvalidDesignError, Simulation } from '../../src/main/engine'
import { testDesign, testHost } from '../support/engine/nested-design'

describe('a run of a design without hosts or instances', () => {
  it('refuses a design with no hosts, naming the hosts list', () => {
    const design = testDesign([], [])
    let error: unknown
    try {
      new Simulation(design)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidDesignError)
    const problems = (error as InvalidDesignError).problems
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', path: 'hosts' })])
    expect((error as Error).message).toMatch(/no hosts.*nothing to simulate/)
  })

  it('simulates idle hosts of a design with no instances: idle power times the horizon', () => {
    const design = testDesign([testHost('h1'), testHost('h2')], [], {
      horizonS: 3600,
      stepS: 300,
      switchOffIdleHosts: false,
      policy: 'dvfs',
    })
    const sim = new Simulation(design)
    while (!sim.advance(100)) {
      /* to the end */
    }
    // each host draws the first point of its power curve, 100 W, for one hour
    const expectedKWh = (2 * 100 * 3600) / 3_600_000
    expect(sim.getResult().summary.energyKWh).toBeCloseTo(expectedKWh, 9)
  })
})
