/**
 * What the consolidation properties compare bit for bit (issue 15: exact undo, skipped
 * evacuations, indexed search): a simulation advanced to a scheduling instant, and every
 * per-host figure a tentative placement may touch, copied.
 */
import type { Design } from '../../../src/shared/design/schema'
import { Simulation } from '../../../src/main/engine/simulation/simulation'
import type { HostEntries, SimState } from '../../../src/main/engine/simulation/state'

/** A simulation of `design` advanced through `steps` scheduling instants (300 s apart). */
export function simulationAfterSteps(design: Design, steps: number): Simulation {
  const sim = new Simulation(design, { hostSeries: false })
  let seen = 0
  while (seen < steps && !sim.advance(1)) if (sim.virtualTimeS % 300 < 1) seen++
  return sim
}

/** Free MIPS, memory and bandwidth in use, then each host's entry columns, copied. */
export function hostFigures(s: SimState): unknown[][] {
  const out: unknown[][] = [
    Array.from(s.hostAvail),
    Array.from(s.hostMemUsed),
    Array.from(s.hostBwUsed),
  ]
  for (const e of s.entries as HostEntries[])
    out.push([...e.vm], [...e.reqPe], [...e.allocPe], [...e.migIn], [...e.memMiB], [...e.bwMbps])
  return out
}

/** Whether two `hostFigures` copies are equal element by element (`Object.is`: −0 ≠ 0). */
export function sameBits(a: unknown[][], b: unknown[][]): boolean {
  return (
    a.length === b.length &&
    a.every((xs, i) => {
      const ys = b[i] as unknown[]
      return xs.length === ys.length && xs.every((x, j) => Object.is(x, ys[j]))
    })
  )
}
