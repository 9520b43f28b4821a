/**
 * Where no host is ever short of CPU, the contention-only SLA violation is exactly 0, not
 * rounding noise from sums of MI taken in other orders (review s12 #5: "1.219 × 10⁻¹¹ %" at
 * 10,000 hosts). Oracle: every host holds more MIPS than its instances can ask at their peak,
 * so nothing is withheld by contention; interference is on, so the overall figure is not 0.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Simulation } from '../../src/main/engine'
import { testDesign, testHost, testWorkload } from '../support/engine/nested-design'

describe('the SLA violation of a run where no host is ever short', () => {
  it('is exactly 0 for contention, whatever the demand below capacity', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 2 }),
            meanPercent: fc.integer({ min: 1, max: 60 }),
            amplitudePercent: fc.integer({ min: 0, max: 39 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (groups) => {
          // at most 8 VMs x 4 vCPU x 1000 MIPS = 32,000 MIPS at 100 %: one 16-core x 2000
          // MIPS host (32,000 MIPS) holds them all at their peak, so no placement is short
          const design = testDesign(
            [testHost('h1'), testHost('h2'), testHost('h3'), testHost('h4')],
            groups.map((g, i) =>
              testWorkload(`w${i}`, 't1', {
                count: g.count,
                demand: {
                  profile: 'diurnal',
                  meanPercent: g.meanPercent,
                  amplitudePercent: g.amplitudePercent,
                },
              }),
            ),
            { horizonS: 7200, stepS: 300, interference: true, policy: 'dvfs' },
          )
          const sim = new Simulation(design)
          while (!sim.advance(1000)) {
            /* to the end */
          }
          const r = sim.getResult()
          expect(r.summary.overallSlaViolationContentionOnly).toBe(0)
        },
      ),
      { numRuns: 40 },
    )
  })
})
