/**
 * Simulation benchmark (issue 4): every policy on PlanetLab 20110303 through the real CLI
 * (`node bin/strata.js simulate`, one child process each, start-up included), beside
 * CloudSim 3.0.3's recorded "log off" wall time; then one synthetic run of 10,000 hosts and
 * 100,000 instances over 24 h at 5-minute steps, with wall time and peak memory.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { syntheticDatacenter } from '../../src/main/engine'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const planetlab = resolve(root, 'test/fixtures/planetlab')
const bin = join(root, 'bin', 'strata.js')
const DATE = '20110303'
const POLICIES: Array<[string, string]> = [
  ['npa', 'NonPowerAware'],
  ['dvfs', 'Dvfs'],
  ['thr-mmt-0.8', 'ThrMmt'],
  ['iqr-mmt-1.5', 'IqrMmt'],
  ['mad-mmt-2.5', 'MadMmt'],
  ['lr-mmt-1.2', 'LrMmt'],
  ['lrr-mmt-1.2', 'LrrMmt'],
]

interface CliRun {
  wallS: number
  json: Record<string, number | string>
}

function strata(args: string[]): CliRun {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const wallS = (performance.now() - t0) / 1000
  if (r.status !== 0) throw new Error(`strata ${args.join(' ')} failed: ${r.stderr}`)
  const last = r.stdout.trim().split('\n').pop() ?? ''
  return { wallS, json: last.startsWith('{') ? (JSON.parse(last) as CliRun['json']) : {} }
}

/** CloudSim's "log off" wall and CPU seconds per example class on DATE. */
function cloudsimLogOff(): Map<string, { wallS: number; cpuS: number }> {
  const lines = readFileSync(join(planetlab, 'results_cloudsim-3.0.3.csv'), 'utf8')
    .trim()
    .split('\n')
  const header = (lines[0] ?? '').split(',')
  const wall = header.indexOf('wall_s_log_off')
  const cpu = header.indexOf('cpu_s_log_off')
  const out = new Map<string, { wallS: number; cpuS: number }>()
  for (const line of lines.slice(1)) {
    const f = line.split(',')
    if (f[0] === DATE) out.set(f[1] ?? '', { wallS: Number(f[wall]), cpuS: Number(f[cpu]) })
  }
  return out
}

export async function run(): Promise<void> {
  const built = existsSync(join(root, 'out', 'main', 'cli.js'))
  console.log(
    `CLI: ${built ? 'built bundle out/main/cli.js' : 'TypeScript source through tsx (run `npm run build` for the bundle)'}`,
  )
  const work = mkdtempSync(join(tmpdir(), 'strata-bench-sim-'))
  try {
    if (!existsSync(join(planetlab, DATE))) {
      console.log(`PlanetLab data missing at ${planetlab}: skipping the CloudSim comparison`)
    } else {
      const design = join(work, `planetlab-${DATE}.strata.json`)
      const imp = strata([
        'import',
        'planetlab',
        join(planetlab, DATE),
        '--order',
        join(planetlab, `vm_order_${DATE}.txt`),
        '-o',
        design,
      ])
      console.log(`import planetlab ${DATE}: ${imp.wallS.toFixed(2)} s`)
      const cloudsim = cloudsimLogOff()
      const help = [0, 1].map(() => strata(['help']).wallS).reduce((a, b) => Math.min(a, b))
      console.log(`CLI start-up alone (strata help): ${help.toFixed(2)} s wall`)
      console.log(
        'policy        strata wall s  cloudsim wall s  ratio  | strata cpu s  cloudsim cpu s  ratio | sim only s  energy kWh  migrations',
      )
      for (const [policy, example] of POLICIES) {
        const runs = [0, 1].map(() => strata(['simulate', design, '--policy', policy, '--json']))
        const best = runs.reduce((a, b) => (b.wallS < a.wallS ? b : a))
        const cs = cloudsim.get(example) ?? { wallS: Number.NaN, cpuS: Number.NaN }
        const cpuS = Number(best.json.processCpuMs) / 1000
        console.log(
          [
            policy.padEnd(13),
            best.wallS.toFixed(2).padStart(12),
            cs.wallS.toFixed(2).padStart(16),
            `${(cs.wallS / best.wallS).toFixed(1)}x`.padStart(6),
            ' |',
            cpuS.toFixed(2).padStart(12),
            cs.cpuS.toFixed(2).padStart(15),
            `${(cs.cpuS / cpuS).toFixed(1)}x`.padStart(6),
            '|',
            (Number(best.json.elapsedMs) / 1000).toFixed(2).padStart(10),
            Number(best.json.energyKWh).toFixed(5).padStart(11),
            String(best.json.migrations).padStart(11),
          ].join(' '),
        )
      }
      console.log(
        '(best of 2 runs each; whole process: node start-up, loading, validation, simulation)',
      )
    }
    const synthetic = join(work, 'synthetic.strata.json')
    const d = syntheticDatacenter({ hosts: 10_000, instances: 100_000, seed: 0 })
    d.workloads = d.workloads.map((w, i) => ({
      ...w,
      demand: {
        profile: i % 2 === 0 ? 'diurnal' : 'bursty',
        meanPercent: 30 + (i % 5) * 10,
        amplitudePercent: 20,
      },
    }))
    d.simulation = { ...d.simulation, policy: 'dvfs', horizonS: 86_400, stepS: 300 }
    writeFileSync(synthetic, JSON.stringify(d))
    const syn = strata(['simulate', synthetic, '--json'])
    console.log(
      `synthetic 10,000 hosts / 100,000 instances / 24 h at 300 s (dvfs, scheduler placement): ${syn.wallS.toFixed(1)} s wall (simulation ${(Number(syn.json.elapsedMs) / 1000).toFixed(1)} s), peak RSS ${syn.json.peakRssMiB} MiB, energy ${Number(syn.json.energyKWh).toFixed(1)} kWh`,
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
