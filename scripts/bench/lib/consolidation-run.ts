/**
 * One synthetic consolidation run in this process, for `scripts/bench/consolidation.ts`:
 * builds the synthetic datacenter, places it, then runs processing instants one by one and
 * prints one JSON line (wall time of set-up and of the steps, steps done, CPU time of the
 * process and projected for the whole day, CPU time per step after the first, peak RSS, the
 * summary).
 *
 * Usage: tsx scripts/bench/lib/consolidation-run.ts HOSTS INSTANCES POLICY DEMAND [STEPS]
 * DEMAND is `legacy` (the old diurnal/bursty mix) or `planetlab` (PlanetLab-like traces).
 * STEPS bounds the number of processing instants (default: the whole 24 h).
 * STRATA_BENCH_PLAIN_UPDATES=1 makes every host update a full one (for comparison).
 */
import { performance } from 'node:perf_hooks'
import {
  Simulation,
  hostUpdateCounters,
  hostUpdates,
  pabfdCounters,
} from '../../../src/main/engine'
import { benchDesign, type BenchDemand } from './bench-design'

const [hostsArg, instancesArg, policy = 'thr-mmt-0.8', demandArg = 'planetlab', stepsArg] =
  process.argv.slice(2)
const hosts = Number(hostsArg ?? 2000)
const instances = Number(instancesArg ?? hosts * 10)
const maxSteps = stepsArg ? Number(stepsArg) : Number.POSITIVE_INFINITY

// STRATA_BENCH_PLAIN_UPDATES=1: every host update in full (the reference path of issue 15's
// incremental updates), to compare their cost; results are identical by test.
if (process.env.STRATA_BENCH_PLAIN_UPDATES === '1') hostUpdates.incremental = false
const t0 = performance.now()
const design = benchDesign(hosts, instances, demandArg as BenchDemand)
const t1 = performance.now()
let steps = 0
let firstCpu: NodeJS.CpuUsage | undefined
const stepMs: number[] = []
let last = performance.now()
const sim = new Simulation(design, {
  policy,
  hostSeries: false,
  onProgress: () => {
    if (steps === 0) firstCpu = process.cpuUsage()
    const now = performance.now()
    stepMs.push(now - last)
    last = now
    steps++
    if (steps >= maxSteps) sim.cancel()
  },
})
const t2 = performance.now()
last = t2
while (!sim.advance(1)) {
  /* run to the end or until cancelled */
}
const t3 = performance.now()
const r = sim.getResult()
const usage = process.resourceUsage()
const sinceFirst = firstCpu ? process.cpuUsage(firstCpu) : { user: 0, system: 0 }
const cpuPerStepMs = (sinceFirst.user + sinceFirst.system) / 1000 / Math.max(1, steps - 1)
const totalSteps = Math.round(86_400 / 300)
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
// The process's CPU time up to the end of the first step, plus the later steps at their mean.
const firstCpuMs = firstCpu ? (firstCpu.user + firstCpu.system) / 1000 : cpuMs
const ms = (a: number, b: number): number => Math.round(b - a)
console.log(
  JSON.stringify({
    hosts,
    instances,
    policy,
    demand: demandArg,
    designMs: ms(t0, t1),
    setupMs: ms(t1, t2),
    runMs: ms(t2, t3),
    steps,
    totalSteps,
    projectedRunMs: Math.round(((t3 - t2) / Math.max(1, steps)) * totalSteps),
    firstStepMs: Math.round(stepMs[0] ?? 0),
    lastStepMs: Math.round(stepMs[stepMs.length - 1] ?? 0),
    cpuMs: Math.round(cpuMs),
    projectedCpuMs: Math.round(
      steps >= totalSteps ? cpuMs : firstCpuMs + cpuPerStepMs * (totalSteps - 1),
    ),
    cpuPerStepMs: Math.round(cpuPerStepMs),
    peakRssMiB: Math.round(usage.maxRSS / 1024),
    hostUpdatesPerStep: {
      full: Math.round(hostUpdateCounters.full / Math.max(1, steps)),
      repeated: Math.round(hostUpdateCounters.repeated / Math.max(1, steps)),
      skipped: Math.round(hostUpdateCounters.skipped / Math.max(1, steps)),
      instancesRecomputed: Math.round(hostUpdateCounters.instancesRecomputed / Math.max(1, steps)),
    },
    searches: pabfdCounters.searches,
    examinedPerSearch: pabfdCounters.examined / Math.max(1, pabfdCounters.searches),
    visitedPerSearch: pabfdCounters.visited / Math.max(1, pabfdCounters.searches),
    energyKWh: r.summary.energyKWh,
    migrations: r.summary.migrations,
    slav: r.summary.slav,
    slatah: r.summary.slatah,
    pdm: r.summary.pdm,
    overallSlaViolation: r.summary.overallSlaViolation,
    hostShutdowns: r.summary.hostShutdowns,
    unplaced: r.summary.unplacedInstances,
  }),
)
