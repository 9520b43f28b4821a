/**
 * A saved run's migrations and failures are believed only if they can be a run's (review s10a
 * #3: a migration of an unknown instance, one ending before it began, or starting at 10× the
 * horizon opened silently, and the reopened canvas showed 1,400 instances on a 1,200-instance
 * design; 380,000 migrations, more than any run keeps, took 9 s to open).
 * - No false alarm: real engine runs (random generated designs, consolidation policies, host
 *   failures) pass every check.
 * - Each mutation of such a real run is caught at the JSON path the mutation touched (expected
 *   paths follow from the mutation alone); one that moves an instance elsewhere is caught by
 *   the replay from `initialHostId` (it no longer ends on `finalHostId`).
 * - More migration records than the engine keeps (100,000), or more instance records than the
 *   design has instances, are refused before any record is read, with the list's path.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  designFingerprint,
  lastRunValueProblem,
  readStrataFile,
  serializeStrataFile,
} from '../../src/main/engine'
import { syntheticDatacenter } from '../../src/main/engine/scheduler'
import { simulate } from '../../src/main/engine/simulation'
import type { Design } from '../../src/shared/design/schema'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'

type Rec = Record<string, unknown>

interface RealRun {
  design: Design
  simulation: SimulationResult
}

/** A real run of a generated design, as saved (JSON round trip, no per-host series). */
function realRun(sc: {
  hosts: number
  perHost: number
  tenants: number
  policy: string
  seed: number
  failure: boolean
}): RealRun {
  const design = syntheticDatacenter({
    hosts: sc.hosts,
    instances: sc.hosts * sc.perHost,
    seed: sc.seed,
    tenants: sc.tenants,
  })
  design.simulation = { ...design.simulation, horizonS: 6 * 3600, stepS: 300, seed: sc.seed }
  const [a] = design.hosts
  if (sc.failure && a)
    design.simulation.failures = {
      ...design.simulation.failures,
      mode: 'schedule',
      schedule: [{ hostId: a.id, atS: 3_000, repairS: 1_200 }],
    }
  const r = simulate(design, { policy: sc.policy })
  const simulation = JSON.parse(
    JSON.stringify({ ...r, series: { ...r.series, hosts: [] } }),
  ) as SimulationResult
  return { design, simulation }
}

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 10 }),
  perHost: fc.integer({ min: 2, max: 6 }),
  tenants: fc.integer({ min: 1, max: 3 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'mad-mu-2.5'),
  seed: fc.integer({ min: 0, max: 10_000 }),
  failure: fc.boolean(),
})

const problemOf = (run: RealRun, simulation: unknown) =>
  lastRunValueProblem({ simulation }, run.design)

/** One mutation of a run: what it changes, and the path that must be named (undefined: skip). */
type Mutation = (sim: SimulationResult, pick: number) => string | RegExp | undefined

const horizon = (s: SimulationResult): number => s.summary.horizonS
const mutations: Record<string, Mutation> = {
  'unknown migrating instance': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    s.migrations[i]!.instanceId = 'nope#9'
    return `lastRun.simulation.migrations.${i}.instanceId`
  },
  'instance beyond its workload count': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    const m = s.migrations[i]!
    m.instanceId = `${m.instanceId.slice(0, m.instanceId.lastIndexOf('#'))}#100000`
    return `lastRun.simulation.migrations.${i}.instanceId`
  },
  'migration ends before it starts': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    const m = s.migrations[i]!
    if (!(m.startS > 0)) return undefined
    m.endS = m.startS / 2
    return `lastRun.simulation.migrations.${i}.endS`
  },
  'migration starts past the horizon': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    s.migrations[i]!.startS = 10 * horizon(s)
    return `lastRun.simulation.migrations.${i}.startS`
  },
  'migration ends past the horizon': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    s.migrations[i]!.endS = horizon(s) + 1
    return `lastRun.simulation.migrations.${i}.endS`
  },
  'migration to another host': (s, k) => {
    if (s.migrations.length === 0) return undefined
    const i = k % s.migrations.length
    const m = s.migrations[i]!
    const hosts = [...new Set(s.instances.map((x) => x.initialHostId).filter(Boolean))]
    const other = hosts.find((h) => h !== m.toHostId && h !== m.fromHostId)
    if (!other) return undefined
    m.toHostId = other as string
    return 'lastRun.simulation.migrations'
  },
  'a migration left out': (s, k) => {
    if (s.migrations.length === 0) return undefined
    s.migrations.splice(k % s.migrations.length, 1)
    return 'lastRun.simulation.migrations'
  },
  'more migration records than counted': (s) => {
    if (s.migrations.length === 0) return undefined
    s.summary.migrations = s.migrations.length - 1
    return 'lastRun.simulation.migrations'
  },
  'restart on an unknown host': (s, k) => {
    const f = s.failures.find((x) => x.instances.length > 0)
    if (!f) return undefined
    const j = k % f.instances.length
    f.instances[j]!.restartedOnHostId = 'no-such-host'
    return `lastRun.simulation.failures.${s.failures.indexOf(f)}.instances.${j}.restartedOnHostId`
  },
  'failed instance unknown': (s, k) => {
    const f = s.failures.find((x) => x.instances.length > 0)
    if (!f) return undefined
    const j = k % f.instances.length
    f.instances[j]!.instanceId = 'ghost#0'
    return `lastRun.simulation.failures.${s.failures.indexOf(f)}.instances.${j}.instanceId`
  },
  'failure past the horizon': (s) => {
    if (s.failures.length === 0) return undefined
    s.failures[0]!.atS = horizon(s) * 2
    return 'lastRun.simulation.failures.0.atS'
  },
  'repaired before it failed': (s) => {
    const f = s.failures.find((x) => x.repairedAtS !== undefined && x.atS > 0)
    if (!f) return undefined
    f.repairedAtS = f.atS / 2
    return `lastRun.simulation.failures.${s.failures.indexOf(f)}.repairedAtS`
  },
}

describe("a saved run's migrations and failures (review s10a #3)", () => {
  it('real runs pass: no false alarm', { timeout: 300_000 }, () => {
    const seen = { migrations: 0, restarts: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const run = realRun(sc)
        seen.migrations += run.simulation.migrations.length
        seen.restarts += run.simulation.failures.reduce((n, f) => n + f.instances.length, 0)
        expect(problemOf(run, run.simulation)).toBeUndefined()
      }),
      { numRuns: 20, seed: 23 },
    )
    expect(seen.migrations).toBeGreaterThan(0)
    expect(seen.restarts).toBeGreaterThan(0)
  })

  it('each mutation of a real run is caught at its path', { timeout: 300_000 }, () => {
    const caught = new Map<string, number>()
    fc.assert(
      fc.property(
        scenario.filter((sc) => sc.failure),
        fc.constantFrom(...Object.keys(mutations)),
        fc.nat(1_000),
        (sc, name, pick) => {
          const run = realRun(sc)
          const mutated = structuredClone(run.simulation)
          const path = (mutations[name] as Mutation)(mutated, pick)
          if (path === undefined) return
          const problem = problemOf(run, mutated)
          if (typeof path === 'string') expect(problem?.path, name).toBe(path)
          else expect(problem?.path, name).toMatch(path)
          caught.set(name, (caught.get(name) ?? 0) + 1)
        },
      ),
      { numRuns: 120, seed: 29 },
    )
    // Not vacuous: most kinds of mutation were tried on runs that had what they change.
    expect(caught.size).toBeGreaterThanOrEqual(Object.keys(mutations).length - 2)
  })

  it('the open drops a mutated run with a warning naming the file and path', () => {
    // the first generated run (by seed) that migrated
    const run = Array.from({ length: 40 }, (_, seed) => seed)
      .map((seed) =>
        realRun({ hosts: 8, perHost: 6, tenants: 2, policy: 'thr-mmt-0.8', seed, failure: true }),
      )
      .find((r) => r.simulation.migrations.length > 0) as RealRun
    expect(run.simulation.migrations.length).toBeGreaterThan(0)
    const lastRun = { designFingerprint: designFingerprint(run.design), simulation: run.simulation }
    const text = serializeStrataFile(run.design, lastRun as never)
    const kept = readStrataFile(text, { source: 'run.strata.json' })
    expect(kept.ok && kept.lastRun !== undefined && kept.warnings).toEqual([])
    const odd = structuredClone(lastRun)
    odd.simulation.migrations[0]!.instanceId = 'nope#9'
    const read = readStrataFile(serializeStrataFile(run.design, odd as never), {
      source: 'run.strata.json',
    })
    if (!read.ok) throw new Error(read.message)
    expect(read.lastRun).toBeUndefined()
    expect(read.warnings.map((w) => w.path)).toEqual(['lastRun.simulation.migrations.0.instanceId'])
    expect(read.warnings[0]?.message).toContain('run.strata.json')
  })

  it('more records than a run makes: refused by count, before the records are read', () => {
    const run = realRun({
      hosts: 4,
      perHost: 3,
      tenants: 1,
      policy: 'thr-mmt-0.8',
      seed: 4,
      failure: false,
    })
    const fingerprint = designFingerprint(run.design)
    // 100,001 records that would each fail the value checks: only the count is named
    const junk = { instanceId: 'x' } as unknown as SimulationResult['migrations'][number]
    const many = { ...run.simulation, migrations: Array.from({ length: 100_001 }, () => junk) }
    const read = readStrataFile(
      serializeStrataFile(run.design, {
        designFingerprint: fingerprint,
        simulation: many as unknown as Rec,
      }),
      { source: 'big.strata.json' },
    )
    if (!read.ok) throw new Error(read.message)
    expect(read.lastRun).toBeUndefined()
    expect(read.warnings.map((w) => w.path)).toEqual(['lastRun.simulation.migrations'])
    expect(read.warnings[0]?.message).toContain('100,001 migration records')
    expect(read.warnings[0]?.message).toContain('100,000')

    const instances = run.design.workloads.reduce((n, w) => n + w.count, 0)
    const doubled = {
      ...run.simulation,
      instances: [...run.simulation.instances, ...run.simulation.instances],
    }
    const twice = readStrataFile(
      serializeStrataFile(run.design, {
        designFingerprint: fingerprint,
        simulation: doubled as unknown as Rec,
      }),
    )
    if (!twice.ok) throw new Error(twice.message)
    expect(twice.warnings.map((w) => w.path)).toEqual(['lastRun.simulation.instances'])
    expect(twice.warnings[0]?.message).toContain(`${2 * instances} instance records`)
  })
})
