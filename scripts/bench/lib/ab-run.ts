/**
 * A/B of two engine copies in ONE process, for a loaded machine: separate processes timed one
 * after the other differ by more than the change being measured when other work comes and goes
 * (issue 15: ±10 % between back-to-back runs at load 20). Here two checkouts' engines (this
 * one and another worktree, e.g. `git worktree add --detach ../before <commit>`) run the same
 * design, alternating which goes first, so load hits both alike; each run's CPU time
 * (`process.cpuUsage`, user + system) is summed per engine.
 *
 * Usage (from this checkout, `OTHER` is the other checkout's root):
 *   tsx scripts/bench/lib/ab-run.ts OTHER planetlab DATE POLICY [RUNS]
 *     the PlanetLab day, warm (one unmeasured run each first), RUNS runs each (default 6);
 *   tsx scripts/bench/lib/ab-run.ts OTHER synthetic HOSTS POLICY [STEPS] [DEMAND]
 *     the synthetic datacentre (HOSTS × 10 instances), both advanced one processing instant at
 *     a time in alternation for STEPS instants (default 48), DEMAND `planetlab` or `legacy`.
 * Prints one JSON line: CPU ms of OTHER ("a") and of this checkout ("b"), their ratio b / a,
 * the median of the per-round ratios (a round: one run, or one instant, of each; less moved by
 * a burst of load than the ratio of totals), in how many rounds b was faster, and each side's
 * migrations (equal when the change keeps results bit-identical).
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Design } from '../../../src/shared/design/schema'
import type { SimulationOptions } from '../../../src/main/engine'
import { benchDesign, type BenchDemand } from './bench-design'
import { planetLabDesign } from '../../../test/planetlab/reference-data'

/** The part of an engine's facade this tool drives. */
interface Engine {
  Simulation: new (
    design: Design,
    options: SimulationOptions,
  ) => {
    advance(maxEvents?: number): boolean
    cancel(): void
    getResult(): { summary: { migrations: number } }
  }
}

const [otherArg, mode, sizeArg, policy = 'thr-mmt-0.8', countArg, demandArg] = process.argv.slice(2)
if (!otherArg || (mode !== 'planetlab' && mode !== 'synthetic'))
  throw new Error('usage: ab-run.ts OTHER_CHECKOUT planetlab|synthetic DATE|HOSTS POLICY [N]')
const load = async (root: string): Promise<Engine> =>
  (await import(pathToFileURL(join(resolve(root), 'src/main/engine/index.ts')).href)) as Engine
const a = await load(otherArg)
const b = await load(join(import.meta.dirname, '../../..'))
const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const median = (xs: number[]): number => {
  const o = [...xs].sort((x, y) => x - y)
  const m = o.length >> 1
  return o.length % 2 === 1 ? (o[m] as number) : ((o[m - 1] as number) + (o[m] as number)) / 2
}

/** One engine's run, advanced one processing instant per `step()`. */
function start(e: Engine, design: Design) {
  let instants = 0
  const sim = new e.Simulation(design, { policy, hostSeries: false, onProgress: () => instants++ })
  let done = false
  return {
    sim,
    /** Advances to the next processing instant; returns its CPU ms. */
    step(): number {
      const c0 = cpuMs()
      const at = instants
      while (!done && instants === at) done = sim.advance(1)
      return cpuMs() - c0
    },
    /** Runs to the end; returns the CPU ms. */
    finish(): number {
      const c0 = cpuMs()
      while (!done) done = sim.advance(10_000)
      return cpuMs() - c0
    },
  }
}

const totals = { a: 0, b: 0 }
/** Per round, b's CPU time over a's. */
const roundRatios: number[] = []
const round = (ms: { a: number; b: number }): void => {
  totals.a += ms.a
  totals.b += ms.b
  roundRatios.push(ms.b / ms.a)
}
const migrations = { a: 0, b: 0 }
if (mode === 'planetlab') {
  const date = sizeArg ?? '20110303'
  const runs = Number(countArg ?? 6)
  for (const e of [a, b]) start(e, planetLabDesign(date)).finish()
  for (let i = 0; i < runs; i++) {
    const ms = { a: 0, b: 0 }
    for (const side of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const r = start(side === 'a' ? a : b, planetLabDesign(date))
      ms[side] = r.finish()
      migrations[side] = r.sim.getResult().summary.migrations
    }
    round(ms)
  }
} else {
  const hosts = Number(sizeArg ?? 2000)
  const steps = Number(countArg ?? 48)
  const demand = (demandArg ?? 'planetlab') as BenchDemand
  const runs = {
    a: start(a, benchDesign(hosts, hosts * 10, demand)),
    b: start(b, benchDesign(hosts, hosts * 10, demand)),
  }
  for (let i = 0; i < steps; i++) {
    const ms = { a: 0, b: 0 }
    for (const side of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const))
      ms[side] = runs[side].step()
    round(ms)
  }
  for (const side of ['a', 'b'] as const) {
    runs[side].sim.cancel()
    migrations[side] = runs[side].sim.getResult().summary.migrations
  }
}
console.log(
  JSON.stringify({
    mode,
    size: sizeArg,
    policy,
    aCpuMs: Math.round(totals.a),
    bCpuMs: Math.round(totals.b),
    ratio: Number((totals.b / totals.a).toFixed(3)),
    medianRoundRatio: Number(median(roundRatios).toFixed(3)),
    bFasterRounds: `${roundRatios.filter((r) => r < 1).length}/${roundRatios.length}`,
    migrations,
  }),
)
