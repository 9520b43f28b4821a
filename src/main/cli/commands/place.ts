/**
 * `strata place FILE [--policy spread|pack|power] [--seed N] [--explain INSTANCE] [--json]`:
 * run the scheduler on a design file; `--explain` prints why one instance is where it is.
 */
import type { Explanation, PlacementResult } from '../../../shared/contract'
import { instanceLabel } from '../../../shared/design/instance-label'
import {
  placementOutcomeText,
  refusalKinds,
  usedHostCount,
} from '../../../shared/domain/placement-words'
import type { Design } from '../../../shared/design/schema'
import { PLACEMENT_PRESETS, type PlacementPreset } from '../../../shared/design/enums'
import { createScheduler } from '../../engine'
import { parseCliArgs, type CliCommand, type CliIo } from '../command'
import { openRunnableDesign } from '../load-design-file'

/** Names a user reads: hosts, tenants and workload groups by name, instances as `web-tier #1`. */
interface Names {
  host: (id: string) => string
  tenant: (id: string) => string
  workload: (id: string) => string
  /** `web-tier #1 (w-web#0)`: the id stays, as `--explain` takes it. */
  instance: (id: string) => string
}

function namesOf(design: Design): Names {
  const by = (list: ReadonlyArray<{ id: string; name?: string }>) => {
    const map = new Map(list.map((x) => [x.id, x.name && x.name.trim() !== '' ? x.name : x.id]))
    return (id: string): string => map.get(id) ?? id
  }
  const workload = by(design.workloads)
  return {
    host: by(design.hosts),
    tenant: by(design.tenants),
    workload,
    instance: (id) => `${instanceLabel(id, workload)} (${id})`,
  }
}

function printText(io: CliIo, r: PlacementResult, n: Names): void {
  const outcome = placementOutcomeText({
    placedCount: r.placed.length,
    instanceCount: r.instanceCount,
    ...(r.hostCount === undefined ? {} : { hostCount: r.hostCount }),
    usedHostCount: usedHostCount(r.placed),
    order: r.order,
    refusedFor: refusalKinds(r.unplaced),
  })
  io.out(`${outcome}; policy ${r.preset}, seed ${r.seed}`)
  for (const p of r.placed)
    io.out(`  ${n.instance(p.instanceId).padEnd(40)} -> ${n.host(p.hostId)}`)
  if (r.unplaced.length > 0) {
    io.out(`refused ${r.unplaced.length}:`)
    for (const u of r.unplaced) io.out(`  ${n.instance(u.instanceId).padEnd(40)} ${u.summary}`)
  }
  io.out('host usage (used/allocatable):')
  for (const h of r.hostUsage) {
    io.out(
      `  ${n.host(h.hostId).padEnd(16)} ${String(h.instances).padStart(4)} inst  ` +
        `vCPU ${h.vcpusUsed}/${h.vcpusAllocatable}  mem ${h.memoryMiBUsed}/${h.memoryMiBAllocatable} MiB  ` +
        `disk ${h.diskGiBUsed}/${h.diskGiBAllocatable} GiB  net ${h.bandwidthMbpsUsed}/${h.bandwidthMbpsAllocatable} Mbps`,
    )
  }
}

function printExplanation(io: CliIo, e: Explanation, n: Names): void {
  io.out(
    `${n.instance(e.instanceId)}, group ${n.workload(e.workloadId)}, tenant ${n.tenant(e.tenantId)}: ${e.summary}`,
  )
  for (const r of e.rejections)
    io.out(`  ${String(r.count).padStart(5)}  ${r.filter.padEnd(14)} ${r.reason}`)
  if (e.candidates.length > 0)
    io.out(e.placed ? 'chosen host, then the best alternatives:' : 'best hosts now:')
  for (const c of e.candidates) {
    const parts = Object.entries(c.weighers).map(([k, v]) => `${k} ${v}`)
    io.out(`  ${n.host(c.hostId).padEnd(16)} score ${c.score}  (${parts.join(', ')})`)
  }
}

export const placeCommand: CliCommand = {
  name: 'place',
  summary: 'place every instance of a design and explain refusals',
  usage: 'strata place FILE [--policy P] [--seed N] [--explain INSTANCE] [--json]',
  async run(args, io) {
    const parsed = parseCliArgs(
      this,
      args,
      {
        policy: { type: 'string' },
        seed: { type: 'string' },
        explain: { type: 'string' },
        json: { type: 'boolean' },
      },
      io,
    )
    if (!parsed) return 2
    const { positionals, values } = parsed
    const file = positionals[0]
    const policy = values.policy
    const seedFlag = values.seed
    const explain = values.explain
    if (!file || positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    if (policy !== undefined && !(PLACEMENT_PRESETS as readonly string[]).includes(policy)) {
      io.err(
        `strata place: --policy must be one of ${PLACEMENT_PRESETS.join(', ')}, not "${policy}"`,
      )
      return 2
    }
    const seed = seedFlag === undefined ? undefined : Number(seedFlag)
    if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) {
      io.err(`strata place: --seed must be a non-negative integer, not "${String(seedFlag)}"`)
      return 2
    }
    const loaded = openRunnableDesign(file, io.cwd, 'place it', io.err)
    if (!loaded.ok) return loaded.exitCode
    let result: PlacementResult
    try {
      const options: { preset?: PlacementPreset; seed?: number } = {}
      if (policy !== undefined) options.preset = policy as PlacementPreset
      if (seed !== undefined) options.seed = seed
      const scheduler = createScheduler(loaded.design, options)
      result = scheduler.placeAll()
      if (explain !== undefined) {
        const e = scheduler.explain(explain)
        if (!e) {
          io.err(`${file}: no instance "${explain}" (ids are WORKLOAD_ID#INDEX)`)
          return 1
        }
        if (values.json) io.out(JSON.stringify(e))
        else printExplanation(io, e, namesOf(loaded.design))
        return 0
      }
    } catch (error) {
      io.err(`${file}: ${error instanceof Error ? error.message : String(error)}`)
      return 1
    }
    if (values.json) {
      const unplaced = result.unplaced.map((u) => ({ instance: u.instanceId, ...u }))
      io.out(JSON.stringify({ ...result, unplaced }))
    } else printText(io, result, namesOf(loaded.design))
    return 0
  },
}
