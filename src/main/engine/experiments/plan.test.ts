import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { experimentSpecSchema, type ExperimentSpecInput } from '../../../shared/experiment/spec'
import { checkIntegrity } from '../model/validate'
import { planExperiment } from './plan'
import { deriveSeed, MAX_SEED } from './seeds'

const sample = checkIntegrity(
  JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')),
).design as Design

function plan(
  input: Omit<ExperimentSpecInput, 'schemaVersion' | 'name'>,
  bases = [{ name: 'base', design: sample }],
) {
  const spec = experimentSpecSchema.parse({ schemaVersion: 1, name: 't', ...input })
  return planExperiment(spec, bases)
}

describe('planExperiment', () => {
  it('expands 3 policies x 2 ratios x 3 repetitions to 18 runs, product in written order', () => {
    const result = plan({
      design: 'x',
      vary: {
        'simulation.policy': ['thr-mmt-0.8', 'mad-mmt-2.5', 'dvfs'],
        'racks[*].cpuAllocationRatio': [1, 4],
      },
      repeat: 3,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const { runs, factorNames, combinations } = result.plan
    expect(factorNames).toEqual(['simulation.policy', 'racks[*].cpuAllocationRatio'])
    expect(combinations).toBe(6)
    expect(runs).toHaveLength(18)
    expect(runs.map((r) => r.index)).toEqual([...Array(18).keys()])
    expect(runs[0]?.factors).toEqual({
      'simulation.policy': 'thr-mmt-0.8',
      'racks[*].cpuAllocationRatio': 1,
    })
    expect(runs[3]?.factors).toEqual({
      'simulation.policy': 'thr-mmt-0.8',
      'racks[*].cpuAllocationRatio': 4,
    })
    expect(runs[17]?.factors).toEqual({
      'simulation.policy': 'dvfs',
      'racks[*].cpuAllocationRatio': 4,
    })
    const r4 = runs[4] as (typeof runs)[number]
    expect(r4.design.simulation.policy).toBe('thr-mmt-0.8')
    expect(r4.design.racks.every((r) => r.cpuAllocationRatio === 4)).toBe(true)
    // Repetition 0 keeps the design's seed; the others derive theirs.
    expect(runs.map((r) => r.repetition).slice(0, 6)).toEqual([0, 1, 2, 0, 1, 2])
    expect(runs[0]?.seed).toBe(sample.simulation.seed)
    expect(runs[1]?.seed).toBe(deriveSeed(sample.simulation.seed, 1))
    expect(runs[1]?.design.simulation.seed).toBe(runs[1]?.seed)
    // Untouched collections keep their identity (cheap hashing, little memory).
    expect(r4.design.traces).toBe(sample.traces)
    expect(r4.design.workloads).toBe(sample.workloads)
  })

  it('derives distinct, in-range, repeatable seeds', () => {
    const seeds = [1, 2, 3, 4, 5].map((r) => deriveSeed(42, r))
    expect(new Set(seeds).size).toBe(5)
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= MAX_SEED).toBe(true)
    expect([1, 2, 3, 4, 5].map((r) => deriveSeed(42, r))).toEqual(seeds)
    expect(deriveSeed(43, 1)).not.toBe(seeds[0])
  })

  it('varies the seed itself and repeats from each varied seed', () => {
    const result = plan({ design: 'x', vary: { 'simulation.seed': [7, 8] }, repeat: 2 })
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.plan.runs.map((r) => r.seed)).toEqual([7, deriveSeed(7, 1), 8, deriveSeed(8, 1)])
  })

  it('runs explicit combinations, and alternative designs as the "design" factor', () => {
    const small = { ...sample, workloads: sample.workloads.slice(0, 2) }
    const result = plan(
      {
        designs: { big: 'a', small: 'b' },
        combinations: [
          { design: 'small', 'simulation.policy': 'dvfs' },
          { design: 'big', 'workloads[id=w-acme-web].count': 1 },
        ],
      },
      [
        { name: 'big', design: sample },
        { name: 'small', design: small },
      ],
    )
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.plan.factorNames).toEqual([
      'design',
      'simulation.policy',
      'workloads[id=w-acme-web].count',
    ])
    expect(result.plan.runs.map((r) => [r.designName, r.factors])).toEqual([
      ['small', { design: 'small', 'simulation.policy': 'dvfs' }],
      ['big', { design: 'big', 'workloads[id=w-acme-web].count': 1 }],
    ])
    expect(result.plan.runs[0]?.design.workloads).toHaveLength(2)
    expect(result.plan.runs[1]?.design.workloads.find((w) => w.id === 'w-acme-web')?.count).toBe(1)
  })

  it('reports every bad path and value at once, each at its place in the spec', () => {
    const result = plan({
      design: 'x',
      vary: {
        'simulation.policy': ['dvfs', 'nonsense-policy'],
        'racks[*].cpuAllocationRatio': [2, -1, 'four'],
        'workloads[id=nope].count': [1],
        'racks[': [1],
      },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    // One problem per bad value, though the path matches all 3 racks of the sample.
    expect(paths).toEqual([
      'vary["simulation.policy"][1]',
      'vary["racks[*].cpuAllocationRatio"][1]',
      'vary["racks[*].cpuAllocationRatio"][2]',
      'vary["workloads[id=nope].count"][0]',
      'vary["racks["]',
    ])
    expect(result.problems[0]?.message).toMatch(/^value "nonsense-policy": simulation\.policy/)
    expect(result.problems[1]?.message).toBe(
      'value -1: racks[0].cpuAllocationRatio: must be > 0 (the same on 2 more elements)',
    )
    expect(result.problems[2]?.message).toBe(
      'value "four": racks[0].cpuAllocationRatio: not a number (a string) (the same on 2 more elements)',
    )
    expect(result.problems[3]?.message).toContain('workloads[id=nope] matches no element')
  })

  it('echoes a long value cut to 60 characters', () => {
    const long = 'x'.repeat(5000)
    const result = plan({ design: 'x', vary: { 'simulation.policy': [long] } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const message = result.problems[0]?.message ?? ''
    expect(message.startsWith(`value "${'x'.repeat(59)}…: `)).toBe(true)
    expect(message.length).toBeLessThan(1000)
  })

  it('names an unknown design in a combination', () => {
    const result = plan({ designs: { a: 'a' }, combinations: [{ design: 'b' }] }, [
      { name: 'a', design: sample },
    ])
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          path: 'combinations[0].design',
          message: 'name one of the designs: a',
        },
      ],
    })
  })

  it('refuses a spec that expands past the run limit', () => {
    const many = Array.from({ length: 1000 }, (_, i) => i)
    const result = plan({ design: 'x', vary: { 'simulation.seed': many }, repeat: 200 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.message).toContain('200000 runs')
  })
})
