/**
 * The synthetic datacenter the consolidation benchmark runs, with one of two demands:
 *
 * - `legacy`: issue 4's mix, diurnal and bursty profiles with means 30..70 % (+20 points);
 * - `planetlab`: the PlanetLab traces themselves (test/fixtures/planetlab, both days, 1,950
 *   VMs of CoMon data at 300 s), one drawn per workload with a seeded generator. Their
 *   statistics: mean 12 % (median VM 7 %), 15 % of samples at 0, per-VM standard deviation
 *   about 5 points, little step-to-step correlation.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seededRandom, syntheticDatacenter } from '../../../src/main/engine'
import type { Design, Trace } from '../../../src/shared/design/schema'

export type BenchDemand = 'legacy' | 'planetlab'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const PLANETLAB = join(root, 'test/fixtures/planetlab')

/** Every PlanetLab trace of both vendored days, as percent samples, in a fixed order. */
export function planetLabTraces(): Array<{ name: string; cpuPercent: number[] }> {
  const out: Array<{ name: string; cpuPercent: number[] }> = []
  for (const date of ['20110303', '20110306']) {
    const dir = join(PLANETLAB, date)
    for (const file of readdirSync(dir).sort()) {
      const cpuPercent = readFileSync(join(dir, file), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .map(Number)
      out.push({ name: `${date}/${file}`, cpuPercent })
    }
  }
  return out
}

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
  else {
    const pool = planetLabTraces()
    const next = seededRandom(15)
    const used = new Map<number, Trace>()
    d.workloads = d.workloads.map((w) => {
      const k = Math.floor(next() * pool.length)
      let trace = used.get(k)
      if (!trace) {
        const src = pool[k] as (typeof pool)[number]
        trace = { id: `pl-${k}`, name: src.name, intervalS: 300, cpuPercent: src.cpuPercent }
        used.set(k, trace)
      }
      return { ...w, traceId: trace.id }
    })
    d.traces = [...used.values()]
  }
  d.simulation = { ...d.simulation, horizonS: 86_400, stepS: 300 }
  return d
}
