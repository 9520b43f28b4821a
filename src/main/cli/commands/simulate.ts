/** `strata simulate FILE [--policy NAME] [--seed N] [--json] [--result OUT.json]`: run a design over time. */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parsePolicy, Simulation } from '../../engine/simulation'
import { parseArgs, type CliCommand } from '../command'
import { openRunnableDesign } from '../load-design-file'

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'simulate a design over time (energy, migrations, SLA, tenants)',
  usage: 'strata simulate FILE [--policy NAME] [--seed N] [--json] [--result OUT.json]',
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, ['json'])
    const file = positionals[0]
    if (!file || positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    const policy = flags.get('policy')
    if (policy !== undefined) {
      if (policy === true) {
        io.err('strata simulate: --policy needs a name, e.g. --policy thr-mmt-0.8')
        return 2
      }
      const parsed = parsePolicy(policy)
      if (!parsed.ok) {
        io.err(`strata simulate: ${parsed.message}`)
        return 2
      }
    }
    const seedFlag = flags.get('seed')
    let seed: number | undefined
    if (seedFlag !== undefined) {
      seed = Number(seedFlag)
      if (seedFlag === true || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
        io.err(
          `strata simulate: --seed must be an integer 0..2147483647, got "${String(seedFlag)}"`,
        )
        return 2
      }
    }
    const loaded = openRunnableDesign(file, io.cwd, 'simulate it', io.err)
    if (!loaded.ok) return loaded.exitCode
    const resultFile = flags.get('result')
    const sim = new Simulation(loaded.design, {
      ...(typeof policy === 'string' ? { policy } : {}),
      ...(seed !== undefined ? { seed } : {}),
      hostSeries: typeof resultFile === 'string',
      nowMs: () => performance.now(),
    })
    sim.advance()
    const result = sim.getResult()
    if (typeof resultFile === 'string')
      writeFileSync(resolve(io.cwd, resultFile), JSON.stringify(result))
    const s = result.summary
    if (flags.get('json') === true) {
      const usage = process.resourceUsage()
      io.out(
        JSON.stringify({
          ...s,
          peakRssMiB: Math.round(usage.maxRSS / 1024),
          processCpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
        }),
      )
      return 0
    }
    const pct = (x: number): string => `${(x * 100).toFixed(5)} %`
    io.out(
      `${loaded.design.meta.name}: ${s.policy}, seed ${s.seed}, ${s.hosts} hosts, ${s.vms} instances`,
    )
    io.out(`  energy                 ${s.energyKWh.toFixed(5)} kWh`)
    io.out(`  migrations             ${s.migrations}`)
    io.out(`  SLATAH                 ${pct(s.slatah)}`)
    io.out(`  PDM                    ${pct(s.pdm)}`)
    io.out(`  SLAV                   ${pct(s.slav)}`)
    io.out(`  overall SLA violation  ${pct(s.overallSlaViolation)}`)
    io.out(`  host shutdowns         ${s.hostShutdowns}`)
    io.out(`  host failures          ${s.hostFailures}`)
    io.out(`  mean availability      ${s.meanAvailabilityPercent.toFixed(4)} %`)
    for (const t of result.tenants)
      io.out(
        `  tenant ${t.tenantId}: availability ${t.availabilityPercent.toFixed(4)} %, bill ${t.bill.total} ${t.bill.currency}`,
      )
    io.out(`  simulated in ${s.elapsedMs.toFixed(0)} ms`)
    return 0
  },
}
