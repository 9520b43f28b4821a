/**
 * Consolidation at datacenter scale (issue 15): the synthetic datacenter (scheduler
 * placement, KVM / ESXi / Xen PV / LXC hosts), 2,000 hosts / 20,000 instances and 10,000 /
 * 100,000, under `thr-mmt-0.8` and `lr-mmt-1.2`, 24 h at 300 s, with each of two demands:
 * `planetlab` (the vendored PlanetLab traces, one per workload) and `legacy` (the old diurnal /
 * bursty mix, means 30..70 %). Each run is its own process (`lib/consolidation-run.ts`): wall
 * and CPU time, peak RSS, CPU time per step, migrations, SLAV, PABFD searches and hosts
 * examined per search, and the run's figures.
 *
 * To compare two commits on a loaded machine, time them in one process instead
 * (`lib/ab-run.ts`: both engines alternate instant by instant, so load hits both alike).
 *
 * Environment:
 * - `STRATA_BENCH_STEPS=N` times only the first N steps of each run and projects the day
 *   (unset: every run simulates the whole day);
 * - `STRATA_BENCH_CONSOLIDATION=a,b` runs only the runs whose `hosts/policy/demand` contains
 *   one of the comma-separated parts (e.g. `10000/thr-mmt-0.8/planetlab`, or `2000/`).
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = dirname(fileURLToPath(import.meta.url))
const tsx = join(dir, '../../node_modules/tsx/dist/cli.mjs')

/** Every run of the Done-when of issue 15: size x policy x demand. */
const RUNS: Array<[number, number, string, string]> = []
for (const demand of ['planetlab', 'legacy'])
  for (const [hosts, instances] of [
    [2000, 20_000],
    [10_000, 100_000],
  ] as const)
    for (const policy of ['thr-mmt-0.8', 'lr-mmt-1.2'])
      RUNS.push([hosts, instances, policy, demand])

interface RunFigures {
  runMs: number
  projectedRunMs: number
  cpuPerStepMs: number
  visitedPerSearch: number
  setupMs: number
  cpuMs: number
  projectedCpuMs: number
  steps: number
  peakRssMiB: number
  searches: number
  examinedPerSearch: number
  migrations: number
  energyKWh: number
  overallSlaViolation: number
  slav: number
}

const steps = process.env.STRATA_BENCH_STEPS
const only = (process.env.STRATA_BENCH_CONSOLIDATION ?? '')
  .split(',')
  .map((x) => x.trim())
  .filter((x) => x !== '')

export async function run(): Promise<void> {
  if (steps) console.log(`only the first ${steps} steps of each run; the day is projected`)
  else console.log('every run simulates the whole day (288 steps)')
  console.log(
    'hosts/instances  policy        demand    steps  wall s   cpu s  setup s  cpu ms/step  peak MiB  searches/step  visited/search  examined/search  migrations  energy kWh  overall SLA viol %  SLAV',
  )
  const perStep = new Map<string, number>()
  for (const [hosts, instances, policy, demand] of RUNS) {
    const key = `${hosts}/${policy}/${demand}`
    if (only.length > 0 && !only.some((part) => key.includes(part))) continue
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
        String(f.steps).padStart(5),
        ((f.projectedRunMs + f.setupMs) / 1000).toFixed(1).padStart(7),
        (f.projectedCpuMs / 1000).toFixed(1).padStart(7),
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
  for (const demand of ['planetlab', 'legacy'])
    for (const policy of ['thr-mmt-0.8', 'lr-mmt-1.2']) {
      const small = perStep.get(`2000|${policy}|${demand}`)
      const large = perStep.get(`10000|${policy}|${demand}`)
      if (small === undefined || large === undefined) continue
      console.log(
        `${policy} ${demand}: CPU per step at 10,000 hosts / at 2,000 = ${(large / small).toFixed(2)} (5.00 would be linear)`,
      )
    }
  console.log(
    '(wall s = set-up (state, scheduler placement) + the 24 h; cpu s = the process, user + system; both projected from the steps done when steps are capped; peak MiB, migrations, energy and SLA figures are of the steps done; one process per run)',
  )
  console.log(
    '(examined/search: hosts whose suitability the PABFD index checked per placement; a plain scan checks every host not excluded, up to the host count; visited/search: hosts whose power increase it computed from the filed load)',
  )
}
