/**
 * The over-load detectors' running per-host sums (issue 15, `detector-sums.ts`) against the
 * direct computation: on random mid-run states, with tentative placements (appends, one new
 * row each), removals anywhere in a host's list (the rows after it recomputed)
 * and history pushes (a scheduling instant's demand refresh, for some instances and not others:
 * rows shifted, kept or recomputed) in between, every figure a detector decides on must equal,
 * to the last bit, the one computed from scratch from the host's entries in order. The oracle
 * below imports only the statistics' definitions (`stats.ts`) and the request of an instance.
 * Whole runs must also come out the same with the prefix rows kept as with every row recomputed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { consolidationDesign } from '../../../../test/support/engine/consolidation-design'
import { detectorSums } from './detector-sums'
import { isOverloaded, overloadFigures, type OverloadFigures } from './detectors'
import { refreshInstance } from './datacenter'
import { createOn, destroyOn, requestedTotal } from './host-cpu'
import type { Detector } from './policy'
import { Simulation, simulate } from './simulation'
import { histBase, HISTORY_LENGTH, type SimState } from './state'
import { countNonZeroBeginning, iqr, linearFit, mad } from './stats'

const scenario = fc.record({
  compat: fc.boolean(),
  hosts: fc.integer({ min: 2, max: 24 }),
  perHost: fc.integer({ min: 2, max: 10 }),
  policy: fc.constantFrom(
    'lr-mmt-1.2',
    'lr-mmt-1.2',
    'lrr-mmt-1.2',
    'mad-mmt-2.5',
    'iqr-mmt-1.5',
    'thr-mmt-0.8',
  ),
  steps: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  actions: fc.array(
    fc.record({
      op: fc.constantFrom('place', 'place', 'remove', 'push', 'push-all', 'check'),
      host: fc.nat(),
      vm: fc.nat(),
    }),
    { minLength: 10, maxLength: 60 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  return consolidationDesign({
    ...sc,
    meanPercent: (i) => 10 + (i % 7) * 12,
    amplitudePercent: 25,
    horizonS: 8 * 3600,
  })
}

/** The figures computed from scratch: host h's entries in order, then v's (v >= 0). */
function direct(s: SimState, h: number, v: number, detector: Detector): OverloadFigures {
  const members = [...(s.entries[h]?.vm ?? [])]
  if (v >= 0) members.push(v)
  const hostMips = s.hostTotalMips[h] as number
  const hist = new Float64Array(HISTORY_LENGTH)
  let requested = 0
  let maxRam = -2147483648
  for (const u of members) {
    for (let k = 0; k < (s.vmHistLen[u] as number); k++)
      hist[k] =
        (hist[k] as number) +
        ((s.vmHist[histBase(s, u) + k] as number) * (s.vmMips[u] as number)) / hostMips
    requested += requestedTotal(s, u)
    maxRam = Math.max(maxRam, s.vmMemMiB[u] as number)
  }
  const out: OverloadFigures = {
    utilization: requested / hostMips,
    short: false,
    statistic: Number.NaN,
  }
  if (detector === 'thr') return out
  const n = countNonZeroBeginning(hist)
  if (n < (detector === 'iqr' || detector === 'mad' ? 12 : 10)) return { ...out, short: true }
  if (detector === 'iqr') return { ...out, statistic: iqr(hist, n) }
  if (detector === 'mad') return { ...out, statistic: mad(hist, n) }
  const window = Float64Array.from({ length: 10 }, (_, i) => hist[9 - i] as number)
  const [a, b] = linearFit(window, 10)
  const migrationS = maxRam / (((s.hostNicGbps[h] as number) * 1_000_000) / (2 * 8000))
  return { ...out, statistic: a + b * (10 + Math.ceil(migrationS / s.stepS)) }
}

function midRun(sc: Scenario): Simulation {
  const sim = new Simulation(design(sc), { hostSeries: false })
  let steps = 0
  while (steps < sc.steps && !sim.advance(1)) if (sim.virtualTimeS % 300 < 1) steps++
  return sim
}

describe('detector running sums', () => {
  it('equal the direct computation on random states, to the last bit', () => {
    let regressions = 0
    let placed = 0
    let pushed = 0
    fc.assert(
      fc.property(scenario, (sc) => {
        const sim = midRun(sc)
        const s = sim.state
        const p = sim.policy
        if (p.kind !== 'migration') return
        const check = (h: number, v: number): void => {
          const got = { ...overloadFigures(s, h, v, p.detector) }
          expect(got).toEqual(direct(s, h, v, p.detector))
          // toEqual treats NaN as NaN; this also tells 0 from -0.
          expect(Object.is(got.statistic, direct(s, h, v, p.detector).statistic)).toBe(true)
          if (!got.short && (p.detector === 'lr' || p.detector === 'lrr')) regressions++
        }
        // The three busiest hosts (consolidation empties the others) take every placement, so
        // their rows are reused again and again.
        const busiest = Array.from({ length: s.hostCount }, (_, h) => h)
          .sort((a, b) => (s.entries[b]?.vm.length ?? 0) - (s.entries[a]?.vm.length ?? 0))
          .slice(0, 3)
        const hostOf = (n: number): number => busiest[n % busiest.length] as number
        // Pushes: scheduling instants after the run's (instances push a history value there).
        let gridS = Math.ceil(sim.virtualTimeS / s.stepS) * s.stepS + s.offsetS
        for (const a of sc.actions) {
          const h = hostOf(a.host)
          const v = a.vm % s.vmCount
          if (a.op === 'push' || a.op === 'push-all') {
            // Some instances push a value (an update's demand refresh), others not: the next
            // check finds rows to shift, to keep, and (after two pushes) to recompute. When all
            // push (a scheduling step), a host's last row alone is shifted: its other rows go
            // stale until a change recomputes them.
            gridS += s.stepS
            s.epoch++
            for (let u = 0; u < s.vmCount; u++)
              if (a.op === 'push-all' || (Math.imul(u + 1, 0x9e3779b1) ^ a.vm) % 4 !== 0)
                refreshInstance(s, u, gridS)
            pushed++
            continue
          }
          if (a.op === 'place') {
            createOn(s, h, v)
            placed++
          } else if (a.op === 'remove') {
            const e = s.entries[h]?.vm ?? []
            if (e.length > 0) destroyOn(s, h, e[a.vm % e.length] as number)
          }
          for (const b of busiest) {
            check(b, -1)
            check(b, v)
          }
        }
        for (let h = 0; h < s.hostCount; h++) check(h, h % s.vmCount)
      }),
      { numRuns: 80 },
    )
    // The property must not hold vacuously: regressions were fitted on reused rows.
    expect(regressions).toBeGreaterThan(300)
    expect(placed).toBeGreaterThan(200)
    expect(pushed).toBeGreaterThan(100)
  })

  it('give whole runs identical to recomputing every row', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const run = (reuse: boolean): string => {
          detectorSums.reuseRows = reuse
          try {
            return JSON.stringify(simulate(design(sc), { policy: sc.policy, hostSeries: true }))
          } finally {
            detectorSums.reuseRows = true
          }
        }
        expect(run(true)).toBe(run(false))
      }),
      { numRuns: 16 },
    )
  })
})

describe('empty hosts', () => {
  // `optimizeAllocation` does not ask the detectors about hosts without entries.
  it('are never over-loaded, under any detector and parameter', () => {
    let empty = 0
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom<Detector>('thr', 'iqr', 'mad', 'lr', 'lrr'),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (sc, detector, parameter) => {
          const s = midRun(sc).state
          for (let h = 0; h < s.hostCount; h++) {
            if ((s.entries[h]?.vm.length ?? 0) > 0) continue
            empty++
            expect(isOverloaded(s, h, -1, detector, parameter)).toBe(false)
          }
        },
      ),
      { numRuns: 40 },
    )
    expect(empty).toBeGreaterThan(40)
  })
})
