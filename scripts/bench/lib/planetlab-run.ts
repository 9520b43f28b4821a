/**
 * One PlanetLab day in this process: `tsx scripts/bench/lib/planetlab-run.ts DATE POLICY`
 * prints a JSON line with the run's wall and CPU time and its summary.
 */
import { performance } from 'node:perf_hooks'
import { pabfdCounters, simulate } from '../../../src/main/engine'
import { planetLabDesign } from '../../../test/planetlab/reference-data'

const [date = '20110303', policy = 'thr-mmt-0.8'] = process.argv.slice(2)
const design = planetLabDesign(date)
const t0 = performance.now()
const r = simulate(design, { policy, hostSeries: false })
const runMs = Math.round(performance.now() - t0)
const usage = process.resourceUsage()
console.log(
  JSON.stringify({
    date,
    policy,
    runMs,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    searches: pabfdCounters.searches,
    examinedPerSearch: pabfdCounters.examined / Math.max(1, pabfdCounters.searches),
    visitedPerSearch: pabfdCounters.visited / Math.max(1, pabfdCounters.searches),
    energyKWh: r.summary.energyKWh,
    migrations: r.summary.migrations,
    slatah: r.summary.slatah,
    pdm: r.summary.pdm,
    hostShutdowns: r.summary.hostShutdowns,
  }),
)
