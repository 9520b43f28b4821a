/**
 * The README's policy study runs on `test/fixtures/experiments/two-hall.strata.json`. Review
 * finding 8: on a design where no host ever passes an overload threshold, every consolidation
 * policy makes the same (underload) migrations and the study says THR = MAD = IQR = LR. This
 * guards the fixture's purpose: its policies must be told apart by what they detect.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDesign, readStrataFile, simulate } from '../../src/main/engine'
import { FIXTURES } from './helpers'

const POLICIES = ['thr-mmt-0.8', 'mad-mmt-2.5', 'lr-mmt-1.2', 'dvfs'] as const

describe('the experiment fixture can tell policies apart', () => {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'two-hall.strata.json'), 'utf8')) as unknown
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  const runs = POLICIES.map((policy) => {
    const d = structuredClone(parsed.value)
    d.simulation.policy = policy
    return simulate(d)
  })

  it('is at the current schema version, so no run warns that it was converted (review s6u #13)', () => {
    const read = readStrataFile(readFileSync(join(FIXTURES, 'two-hall.strata.json'), 'utf8'))
    expect(read.ok && read.warnings).toEqual([])
  })

  it('places every instance, so availability is not fixed by refusals', () => {
    for (const r of runs) expect(r.summary.unplacedInstances).toBe(0)
  })

  it('makes overload migrations under a threshold policy, and the policies differ', () => {
    const overloads = (i: number) =>
      (runs[i]?.migrations ?? []).filter((m) => m.reason === 'overload').length
    expect(overloads(0)).toBeGreaterThan(0)
    const energies = new Set(runs.map((r) => r.summary.energyKWh.toFixed(6)))
    const migrations = new Set(runs.map((r) => r.summary.migrations))
    expect(energies.size).toBe(POLICIES.length)
    expect(migrations.size).toBe(POLICIES.length)
  })
})
