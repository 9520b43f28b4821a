/**
 * `strata simulate FILE [--policy NAME] [--seed N] [--json] [--result OUT.json] [--parquet DIR]
 * [--progress-every-s S]`: run a design over time; `--parquet` writes its series and per-tenant
 * tables as Parquet. Progress goes to stderr (`simulate-progress.ts`): a bar on a terminal, else
 * a line every S seconds (default 10). Ctrl+C (SIGINT) and SIGTERM stop the run between two
 * slices of events, say the simulated time reached and that nothing was written, and exit 130
 * (SIGINT) or 143 (SIGTERM), as `strata experiment run` does.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { clock, fabricSections, type PolicySpec } from '../../engine'
import { resolvePolicy } from '../../engine'
import { openSimulation, SimulationDriver } from '../../services/simulation/driver'
import { parseCliArgs, type CliCommand } from '../command'
import { openRunnableDesign } from '../load-design-file'
import { BILL_ITEMS, METRICS, type MetricId } from '../../../shared/metrics-glossary'
import { writeResultParquet } from '../write-result-parquet'
import { instanceCountText } from '../../../shared/design/instance-count'
import { percentOfFraction } from '../../../shared/domain/percent-text'
import { simulateProgress } from './simulate-progress'

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

/** Least wall time between two yields to the event loop (signals, progress), ms. */
const YIELD_EVERY_MS = 100

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'simulate a design over time (energy, migrations, SLA, tenants)',
  usage:
    'strata simulate FILE [--policy NAME] [--seed N] [--json] [--result OUT.json] [--parquet DIR] [--progress-every-s S]',
  async run(args, io) {
    const parsed = parseCliArgs(
      this,
      args,
      {
        policy: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        result: { type: 'string' },
        parquet: { type: 'string' },
        'progress-every-s': { type: 'string' },
      },
      io,
    )
    if (!parsed) return 2
    const { positionals, values } = parsed
    const file = positionals[0]
    if (!file || positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    // Parsed once, before the design is read: a bad name fails fast, and the run takes the spec.
    let policy: PolicySpec | undefined
    if (values.policy !== undefined) {
      const parsed = resolvePolicy(values.policy)
      if (!parsed.ok) {
        io.err(`strata simulate: ${parsed.message}`)
        return 2
      }
      policy = parsed.policy
    }
    const seedFlag = values.seed
    let seed: number | undefined
    if (seedFlag !== undefined) {
      seed = Number(seedFlag)
      if (seedFlag.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
        io.err(
          `strata simulate: --seed must be an integer 0..2147483647, got "${String(seedFlag)}"`,
        )
        return 2
      }
    }
    const every = values['progress-every-s']
    const lineGapS = every === undefined ? 10 : Number(every)
    if (!/^\d+$/.test(every ?? '10') || !(lineGapS >= 1)) {
      io.err(`strata simulate: --progress-every-s must be a whole number of seconds >= 1`)
      return 2
    }
    const loaded = openRunnableDesign(file, io.cwd, 'simulate it', io.err)
    if (!loaded.ok) return loaded.exitCode
    const resultFile = values.result
    let sim
    try {
      sim = openSimulation(loaded.design, {
        ...(policy !== undefined ? { policy } : {}),
        ...(seed !== undefined ? { seed } : {}),
        hostSeries: resultFile !== undefined || values.parquet !== undefined,
      })
    } catch (error) {
      // a design the run refuses before placement (e.g. traffic over the flow limit)
      io.err(`strata simulate: ${file}: ${(error as Error).message}`)
      return 1
    }
    const view = simulateProgress(process.stderr, { print: io.err, lineGapMs: lineGapS * 1000 })
    let stoppedBy: keyof typeof SIGNAL_EXIT | undefined
    const onSignal = (signal: NodeJS.Signals): void => {
      stoppedBy ??= signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT'
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    let lastYieldMs = performance.now()
    let result
    try {
      result = await new SimulationDriver(sim).runToEnd({
        // between slices: at most every YIELD_EVERY_MS, progress and a turn of the event loop
        // (where a signal is handled)
        between: (s) => {
          const now = performance.now()
          if (now - lastYieldMs < YIELD_EVERY_MS) return
          lastYieldMs = now
          view.update(s.virtualTimeS, s.state.horizonS)
          return new Promise<void>((resume) => setImmediate(resume))
        },
        stop: () => stoppedBy !== undefined,
      })
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      view.stop()
    }
    if (!result) {
      const by = stoppedBy ?? 'SIGINT'
      io.err(
        `strata simulate: stopped by ${by} at ${clock(sim.virtualTimeS)} of ` +
          `${clock(sim.state.horizonS)} simulated; nothing written`,
      )
      return SIGNAL_EXIT[by]
    }
    if (resultFile !== undefined) writeFileSync(resolve(io.cwd, resultFile), JSON.stringify(result))
    if (values.parquet !== undefined) {
      try {
        const files = await writeResultParquet(result, values.parquet, io.cwd)
        if (!values.json) io.out(`wrote ${files.join(', ')}`)
      } catch (error) {
        io.err(`strata simulate: cannot write the Parquet tables: ${(error as Error).message}`)
        return 1
      }
    }
    const s = result.summary
    if (values.json) {
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
    // SLATAH, PDM and SLAV to 3 significant digits, as the app shows them (tiny ones as
    // `9.51 × 10⁻⁸ %`, never `0.00000 %`); the SLA violations to 4 (`15.43 %`).
    const pct = (x: number, significant = 3): string => percentOfFraction(x, significant)
    const row = (id: MetricId, value: string): void =>
      io.out(`  ${METRICS[id].label.padEnd(36)} ${value}`)
    io.out(
      `${loaded.design.meta.name}: ${s.policy}, seed ${s.seed}, ${s.hosts} hosts, ${instanceCountText(loaded.design)}`,
    )
    row('energy', `${s.energyKWh.toFixed(5)} kWh`)
    const breakdown = s.energyBreakdownKWh
    if (breakdown)
      io.out(
        `  ${'  of which'.padEnd(36)} ${Object.entries(breakdown)
          .map(([line, kWh]) => `${line} ${(kWh ?? 0).toFixed(5)} kWh`)
          .join(' · ')}`,
      )
    row('migrations', String(s.migrations))
    row('hostShutdowns', String(s.hostShutdowns))
    row('hostFailures', String(s.hostFailures))
    row('meanAvailability', `${s.meanAvailabilityPercent.toFixed(4)} %`)
    if (s.memoryPressureGiBHours > 0)
      io.out(`  ${'memory pressure'.padEnd(36)} ${s.memoryPressureGiBHours.toFixed(3)} GiB-hours`)
    io.out('  CloudSim’s SLA metrics (CPU shortfall, no verdict):')
    row('slatah', pct(s.slatah))
    row('pdm', pct(s.pdm))
    row('slav', pct(s.slav))
    row('overallSlaViolation', pct(s.overallSlaViolation, 4))
    row('overallSlaViolationContentionOnly', pct(s.overallSlaViolationContentionOnly, 4))
    row('averageSlaViolation', pct(s.averageSlaViolation, 4))
    const tenantNames = new Map(loaded.design.tenants.map((t) => [t.id, t.name]))
    for (const t of result.tenants) {
      const met = t.slaViolation ? 'no' : 'yes'
      const unplaced =
        t.unplacedInstances > 0
          ? `, ${t.unplacedInstances} of ${t.instances} instances unplaced, counted as down`
          : ''
      io.out(
        `  tenant ${tenantNames.get(t.tenantId) ?? t.tenantId}: ${METRICS.deliveredAvailability.label.toLowerCase()} ${t.availabilityPercent.toFixed(4)} % of ${t.slaAvailabilityPercent} % promised (${METRICS.availabilitySlaMet.label.toLowerCase()}: ${met}${unplaced}); bill ${t.bill.total.toFixed(2)} ${t.bill.currency} on ${t.bill.basis} capacity`,
      )
      for (const l of t.bill.lines)
        io.out(
          `    ${`${BILL_ITEMS[l.item].label} (billed on ${l.basis})`.padEnd(30)} allocated ${l.allocatedQuantity} · used ${l.usedQuantity} · billed ${l.quantity} ${BILL_ITEMS[l.item].unit} × ${l.rate} = ${l.amount.toFixed(2)} ${t.bill.currency}`,
        )
    }
    // the network and storage as the report's facts say them (present only when modelled)
    for (const section of fabricSections(loaded.design, result)) {
      io.out(`  ${section.title}:`)
      for (const block of section.blocks)
        if (block.kind === 'facts')
          for (const [label, value] of block.items) io.out(`    ${label.padEnd(34)} ${value}`)
    }
    io.out(`  simulated in ${s.elapsedMs.toFixed(0)} ms`)
    return 0
  },
}
