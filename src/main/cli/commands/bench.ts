/**
 * `strata bench placement --hosts N --instances M [--tenants T] [--seed S] [--policy P] [--json]`:
 * places every instance of a seeded synthetic datacenter and prints the throughput.
 */
import { PLACEMENT_PRESETS, type PlacementPreset } from '../../../shared/design/enums'
import { createScheduler, syntheticDatacenter } from '../../engine'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'

export interface PlacementBenchOptions {
  hosts: number
  instances: number
  tenants: number
  seed: number
  policy: PlacementPreset
  /** First place a datacenter a tenth the size, so the JIT has compiled the hot path. */
  warmup?: boolean
}

export interface PlacementBenchFigures {
  hosts: number
  instances: number
  placed: number
  policy: PlacementPreset
  warmup: boolean
  /** Placed instances per second of `placeAll` (the scheduler built beforehand). */
  placementsPerSecond: number
  placeMs: number
  /** Building the scheduler's indexes from the design. */
  setupMs: number
  /** One explanation computed on request after placement (all hosts through all filters). */
  explainMs: number
  peakRssMiB: number
}

/** Runs the placement benchmark once. */
export function benchPlacement(o: PlacementBenchOptions): PlacementBenchFigures {
  const warmup = o.warmup ?? true
  if (warmup && o.hosts >= 100) {
    const small = syntheticDatacenter({
      hosts: Math.ceil(o.hosts / 10),
      instances: Math.ceil(o.instances / 10),
      tenants: o.tenants,
      seed: o.seed + 1,
    })
    createScheduler(small, { preset: o.policy, seed: o.seed }).placeAll()
  }
  const design = syntheticDatacenter({
    hosts: o.hosts,
    instances: o.instances,
    tenants: o.tenants,
    seed: o.seed,
  })
  const t0 = performance.now()
  const scheduler = createScheduler(design, { preset: o.policy, seed: o.seed })
  const t1 = performance.now()
  const result = scheduler.placeAll()
  const t2 = performance.now()
  const probe = result.placed[0]?.instanceId ?? result.unplaced[0]?.instanceId
  if (probe) scheduler.explain(probe)
  const t3 = performance.now()
  const round = (x: number): number => Math.round(x * 10) / 10
  return {
    hosts: o.hosts,
    instances: result.instanceCount,
    placed: result.placed.length,
    policy: o.policy,
    warmup,
    placementsPerSecond: Math.round(result.placed.length / Math.max(1e-9, (t2 - t1) / 1000)),
    placeMs: round(t2 - t1),
    setupMs: round(t1 - t0),
    explainMs: round(t3 - t2),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
  }
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer`)
  return n
}

/** The options, with what `--help` says of each. */
const BENCH_OPTIONS = {
  hosts: {
    type: 'string',
    value: 'N',
    help: 'hosts of the synthetic datacenter',
    defaultText: '10,000',
  },
  instances: { type: 'string', value: 'N', help: 'instances to place', defaultText: '100,000' },
  tenants: { type: 'string', value: 'N', help: 'tenants', defaultText: '50' },
  seed: { type: 'string', value: 'N', help: 'seed of the synthetic datacenter', defaultText: '0' },
  policy: {
    type: 'string',
    value: 'P',
    help: 'placement preset: spread, pack or power',
    defaultText: 'spread',
  },
  'no-warmup': { type: 'boolean', help: 'skip the warm-up run' },
  json: { type: 'boolean', help: 'print the figures as one JSON line' },
} as const satisfies CliOptions

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'benchmark the scheduler on a seeded synthetic datacenter',
  usage:
    'strata bench placement [--hosts N] [--instances N] [--tenants N] [--seed N] [--policy P] [--no-warmup] [--json]',
  options: BENCH_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, BENCH_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    if (positionals[0] !== 'placement' || positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    let options: PlacementBenchOptions
    try {
      const policy = values.policy ?? 'spread'
      if (!(PLACEMENT_PRESETS as readonly string[]).includes(policy))
        throw new Error(`--policy must be one of ${PLACEMENT_PRESETS.join(', ')}`)
      options = {
        hosts: positiveInt(values.hosts, 10_000, 'hosts'),
        instances: positiveInt(values.instances, 100_000, 'instances'),
        tenants: positiveInt(values.tenants, 50, 'tenants'),
        seed: positiveInt(values.seed, 0, 'seed'),
        policy: policy as PlacementPreset,
        warmup: !values['no-warmup'],
      }
    } catch (error) {
      io.err(`strata bench: ${(error as Error).message}`)
      return 2
    }
    const figures = benchPlacement(options)
    if (values.json) io.out(JSON.stringify(figures))
    else for (const [k, v] of Object.entries(figures)) io.out(`${k.padEnd(20)} ${v}`)
    return 0
  },
}
