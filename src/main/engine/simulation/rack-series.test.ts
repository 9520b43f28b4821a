/**
 * Per-rack series (issue 19): kept for every run, so a run too large for per-host series
 * still shows utilization per rack. Checked against the per-host series of the same run:
 *  a rack's value is the plain mean of its hosts' utilization, its hosts up the count of its
 * hosts in service and not failed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryDesign } from '../../../../test/support/engine/arbitrary-design'
import { Simulation } from './simulation'

describe('rack series', () => {
  it('is the mean of its hosts at every sample, and present without per-host series', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.nat({ max: 1000 }), (base, seed) => {
        const design = {
          ...base,
          simulation: { ...base.simulation, seed, horizonS: 3 * 3600, stepS: 300 },
        }
        const sim = new Simulation(design)
        while (!sim.advance(50));
        const r = sim.getResult()
        const racks = r.series.racks ?? []
        expect(racks.map((x) => x.rackId)).toEqual(design.racks.map((x) => x.id))
        const byHost = new Map(r.series.hosts.map((h) => [h.hostId, h]))
        for (const rack of racks) {
          const hosts = design.hosts.filter((h) => h.rackId === rack.rackId)
          r.series.timesS.forEach((tS, i) => {
            const utils = hosts.map((h) => byHost.get(h.id)?.utilization[i] ?? NaN)
            const mean = hosts.length > 0 ? utils.reduce((a, b) => a + b, 0) / hosts.length : 0
            expect(rack.utilization[i]).toBeCloseTo(mean, 12)
            const failed = r.failures.filter(
              (f) =>
                hosts.some((h) => h.id === f.hostId) &&
                f.atS <= tS &&
                (f.repairedAtS === undefined || tS < f.repairedAtS),
            ).length
            // hosts not in service by design (state other than 'up') count as down too
            const inService = hosts.filter((h) => h.state === 'up').length
            expect(rack.hostsUp[i]).toBeLessThanOrEqual(inService)
            if (failed === 0) expect(rack.hostsUp[i]).toBe(inService)
          })
        }
        const lean = new Simulation(design, { hostSeries: false })
        while (!lean.advance(50));
        const l = lean.getResult()
        expect(l.series.hosts).toEqual([])
        expect(l.series.racks).toEqual(r.series.racks)
      }),
      { numRuns: 15 },
    )
  })
})
