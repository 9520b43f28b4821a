/**
 * A cancelled run's bill covers the virtual time it reached, and says so (review s4, finding
 * 18: a run cancelled at 0 % showed a $0.00 bill "simulated, 1 h"). The sample, simulated for
 * real to a quarter of its horizon; the projection, the tenant HTML report's words.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { checkIntegrity } from '../model/validate'
import { Simulation } from '../simulation/simulation'
import { projectTenantView } from './project'

const design = checkIntegrity(
  JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')),
).design as Design

describe('the bill of a stopped run', () => {
  it('covers the time reached, marked cancelled; a finished run covers the horizon', () => {
    const horizonS = 4 * 3600
    const sim = new Simulation(design, { horizonS })
    while (sim.virtualTimeS < horizonS / 4 && sim.status !== 'done') sim.advance(1)
    sim.cancel()
    const result = sim.getResult()
    const reachedS = sim.virtualTimeS
    expect(reachedS).toBeGreaterThanOrEqual(3600)
    expect(reachedS).toBeLessThan(horizonS)
    const tenantId = design.tenants[0]?.id as string
    const view = (status: 'cancelled' | 'done', virtualTimeS: number) => {
      const r = projectTenantView(design, tenantId, {
        simulation: {
          info: { status, progress: virtualTimeS / horizonS, virtualTimeS, horizonS },
          result,
        },
      })
      if (!r.ok) throw new Error(r.reason)
      return r.view.bill
    }
    expect(view('cancelled', reachedS)).toMatchObject({
      source: 'simulation',
      periodS: reachedS,
      stopped: 'cancelled',
    })
    const done = view('done', horizonS)
    expect(done.periodS).toBe(horizonS)
    expect(done.stopped).toBeUndefined()
  })
})
