/**
 * The synthetic datacenter the consolidation benchmark runs, with one of two demands:
 * `legacy` (issue 4's mix: diurnal and bursty profiles, means 30..70 %) or `planetlab`.
 */
import type { Design } from '../../../src/shared/design/schema'
import { syntheticDatacenter } from '../../../src/main/engine/scheduler'

export type BenchDemand = 'legacy' | 'planetlab'

/** The synthetic design of `hosts` hosts and `instances` instances, 24 h at 300 s. */
export function benchDesign(hosts: number, instances: number, demand: BenchDemand): Design {
  const d = syntheticDatacenter({ hosts, instances, seed: 0 })
  if (demand === 'legacy')
    d.workloads = d.workloads.map((w, i) => ({
      ...w,
      demand: {
        profile: i % 2 === 0 ? 'diurnal' : 'bursty',
        meanPercent: 30 + (i % 5) * 10,
        amplitudePercent: 20,
      },
    }))
  else throw new Error(`unknown demand ${demand}`)
  d.simulation = { ...d.simulation, horizonS: 86_400, stepS: 300 }
  return d
}
