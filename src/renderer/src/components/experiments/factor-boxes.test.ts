import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ExperimentResults } from '../../../../shared/contract'
import { boxStats, factorBoxes } from './factor-boxes'

describe('boxStats (R-7 quartiles)', () => {
  it('interpolates at (n - 1)p between order statistics, worked by hand', () => {
    // n = 6: Q1 at 1.25 -> 15 + 0.25 (36 - 15); median at 2.5 -> 36 + 0.5 (39 - 36);
    // Q3 at 3.75 -> 39 + 0.75 (40 - 39). R: quantile(c(7,15,36,39,40,41)) gives the same.
    expect(boxStats([41, 7, 39, 15, 40, 36])).toEqual({
      n: 6,
      min: 7,
      q1: 20.25,
      median: 37.5,
      q3: 39.75,
      max: 41,
    })
    // n = 4: 0.75 -> 1.75, 1.5 -> 2.5, 2.25 -> 3.25
    expect(boxStats([4, 3, 2, 1])).toMatchObject({ q1: 1.75, median: 2.5, q3: 3.25 })
    // n = 5: the quartiles fall on order statistics
    expect(boxStats([5, 1, 4, 2, 3])).toMatchObject({ q1: 2, median: 3, q3: 4 })
    expect(boxStats([2.5])).toEqual({ n: 1, min: 2.5, q1: 2.5, median: 2.5, q3: 2.5, max: 2.5 })
  })

  it('ignores values that are not finite, and has no box without any', () => {
    expect(boxStats([NaN, 1, Infinity, 3])).toMatchObject({ n: 2, min: 1, median: 2, max: 3 })
    // −0 and 0 tie in the sort: the box is the same whichever comes first (a CI run found it)
    expect(boxStats([0, -0])).toEqual(boxStats([-0, 0]))
    expect(Object.is(boxStats([-0, 0])?.min, 0)).toBe(true)
    expect(boxStats([NaN])).toBeUndefined()
    expect(boxStats([])).toBeUndefined()
  })

  it('is ordered min <= Q1 <= median <= Q3 <= max and blind to the order of the values', () => {
    const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 })
    fc.assert(
      fc.property(sample, (values) => {
        const s = boxStats(values)!
        expect(s.min).toBeLessThanOrEqual(s.q1)
        expect(s.q1).toBeLessThanOrEqual(s.median)
        expect(s.median).toBeLessThanOrEqual(s.q3)
        expect(s.q3).toBeLessThanOrEqual(s.max)
        expect(boxStats([...values].reverse())).toEqual(s)
      }),
    )
  })
})

/** A run row with only what the boxes read. */
function run(factors: Record<string, string | number>, energyKWh: number, sla: number) {
  return {
    runId: JSON.stringify([factors, energyKWh]),
    factors,
    summary: { energyKWh, overallSlaViolation: sla },
  } as unknown as ExperimentResults['runs'][number]
}

describe('factorBoxes', () => {
  const results = {
    factorNames: ['simulation.policy', 'racks[*].cpuAllocationRatio', 'simulation.seed'],
    runs: [
      run(
        { 'simulation.policy': 'dvfs', 'racks[*].cpuAllocationRatio': 1, 'simulation.seed': 0 },
        10,
        0,
      ),
      run(
        { 'simulation.policy': 'dvfs', 'racks[*].cpuAllocationRatio': 4, 'simulation.seed': 0 },
        20,
        0.01,
      ),
      run(
        { 'simulation.policy': 'thr', 'racks[*].cpuAllocationRatio': 1, 'simulation.seed': 0 },
        6,
        0.02,
      ),
      run(
        { 'simulation.policy': 'thr', 'racks[*].cpuAllocationRatio': 4, 'simulation.seed': 0 },
        2,
        0.04,
      ),
    ],
  } as unknown as ExperimentResults

  it('gives one box per level of each factor over the runs with that level', () => {
    const boxes = factorBoxes(results, 'energyKWh')
    // the seed has one level: nothing to compare, no chart
    expect(boxes.map((b) => b.factor)).toEqual(['simulation.policy', 'racks[*].cpuAllocationRatio'])
    const [policy, ratio] = boxes
    expect(policy!.levels.map((l) => [l.label, l.stats.min, l.stats.median, l.stats.max])).toEqual([
      ['dvfs', 10, 15, 20],
      ['thr', 2, 4, 6],
    ])
    expect(ratio!.levels.map((l) => [l.label, l.stats.min, l.stats.median, l.stats.max])).toEqual([
      ['1', 6, 8, 10],
      ['4', 2, 11, 20],
    ])
  })

  it('scales a fraction to the unit shown', () => {
    const [policy] = factorBoxes(results, 'overallSlaViolation', 100)
    expect(policy!.levels[1]!.stats).toMatchObject({ min: 2, max: 4, median: 3 })
  })
})
