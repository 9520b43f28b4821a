/**
 * Consolidation at datacenter scale (issue 15): the synthetic datacenter (scheduler
 * placement, KVM / ESXi / Xen PV / LXC hosts) with PlanetLab demand (the vendored traces,
 * one per workload), 2,000 hosts / 20,000 instances and 10,000 / 100,000, under
 * `thr-mmt-0.8` and `lr-mmt-1.2`, 24 h at 300 s; then the old demand (diurnal / bursty,
 * means 30..70 %) at 2,000 hosts for comparison. Each run is its own process
 * (`lib/consolidation-run.ts`): wall and CPU time, peak RSS, time per step, PABFD searches and
 * hosts examined per search, and the run's figures.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = dirname(fileURLToPath(import.meta.url))
const tsx = join(dir, '../../node_modules/tsx/dist/cli.mjs')

const RUNS: Array<[number, number, string, string]> = [
  [2000, 20_000, 'thr-mmt-0.8', 'planetlab'],
  [2000, 20_000, 'lr-mmt-1.2', 'planetlab'],
  [10_000, 100_000, 'thr-mmt-0.8', 'planetlab'],
  [10_000, 100_000, 'lr-mmt-1.2', 'planetlab'],
  [2000, 20_000, 'thr-mmt-0.8', 'legacy'],
]

interface RunFigures {
  runMs: number
  projectedRunMs: number
  cpuPerStepMs: number
  visitedPerSearch: number
  setupMs: number
  cpuMs: number
  steps: number
  peakRssMiB: number
  searches: number
  examinedPerSearch: number
  migrations: number
  energyKWh: number
  overallSlaViolation: number
  slav: number
}

/** Set STRATA_BENCH_STEPS=N to time only the first N steps and project the day from them. */
const steps = process.env.STRATA_BENCH_STEPS

export async function run(): Promise<void> {
  if (steps) console.log(`only the first ${steps} steps of each run; the day is projected`)
  console.log(
    'hosts/instances  policy        demand     wall s  cpu s  setup s  cpu ms/step  peak MiB  searches/step  visited/search  examined/search  migrations  energy kWh  overall SLA viol %  SLAV',
  )
  const perStep = new Map<string, number>()
  for (const [hosts, instances, policy, demand] of RUNS) {
    const r = spawnSync(
      process.execPath,
      [
        tsx,
        join(dir, 'lib/consolidation-run.ts'),
        String(hosts),
        String(instances),
        policy,
        demand,
        ...(steps ? [steps] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    )
    if (r.status !== 0) throw new Error(`consolidation run failed: ${r.stderr}`)
    const f = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as RunFigures
    perStep.set(`${hosts}|${policy}|${demand}`, f.cpuPerStepMs)
    console.log(
      [
        `${hosts.toLocaleString('en')}/${instances.toLocaleString('en')}`.padEnd(16),
        policy.padEnd(13),
        demand.padEnd(9),
        ((f.projectedRunMs + f.setupMs) / 1000).toFixed(1).padStart(7),
        (f.cpuMs / 1000).toFixed(1).padStart(6),
        (f.setupMs / 1000).toFixed(1).padStart(8),
        String(f.cpuPerStepMs).padStart(12),
        String(f.peakRssMiB).padStart(9),
        (f.searches / Math.max(1, f.steps)).toFixed(0).padStart(14),
        f.visitedPerSearch.toFixed(1).padStart(15),
        f.examinedPerSearch.toFixed(1).padStart(16),
        String(f.migrations).padStart(11),
        f.energyKWh.toFixed(1).padStart(11),
        (f.overallSlaViolation * 100).toFixed(2).padStart(19),
        f.slav.toExponential(2).padStart(10),
      ].join(' '),
    )
  }
  for (const policy of ['thr-mmt-0.8', 'lr-mmt-1.2']) {
    const small = perStep.get(`2000|${policy}|planetlab`) ?? Number.NaN
    const large = perStep.get(`10000|${policy}|planetlab`) ?? Number.NaN
    console.log(
      `${policy}: CPU per step at 10,000 hosts / at 2,000 = ${(large / small).toFixed(2)} (5.00 would be linear)`,
    )
  }
  console.log(
    '(wall s = set-up (state, scheduler placement) + the 24 h, projected when steps are capped; cpu s = the process; one process per run)',
  )
  console.log(
    '(examined/search: hosts whose suitability the PABFD index checked per placement; a plain scan checks every host not excluded, up to the host count; visited/search: hosts whose power increase it computed from the filed load)',
  )
}
