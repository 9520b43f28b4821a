/**
 * The panel's error lines for the problems the real planner gives (review s4, finding 10):
 * one line per factor value, naming the panel row and the text typed, on the 3-rack sample.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../../shared/design/schema'
import { experimentSpecSchema } from '../../../../shared/experiment/spec'
import { planExperiment } from '../../../../main/engine/experiments/plan'
import { checkIntegrity } from '../../../../main/engine/model/validate'
import { varyFromDrafts, type FactorDraft } from '../../stores/experiment-factors'
import { panelProblemLines } from './problem-lines'

const sample = checkIntegrity(
  JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')),
).design as Design

function linesFor(drafts: FactorDraft[]): string[] {
  const vary = varyFromDrafts(drafts)
  if (!vary.ok) throw new Error(vary.message)
  const spec = experimentSpecSchema.parse({
    schemaVersion: 1,
    name: 't',
    design: {},
    vary: vary.vary,
  })
  const planned = planExperiment(spec, [{ name: 'base', design: sample }])
  if (planned.ok) throw new Error('expected problems')
  return panelProblemLines(planned.problems, drafts)
}

describe('panelProblemLines', () => {
  it('says one line per bad value of a path that matches every rack, with the value typed', () => {
    expect(sample.racks).toHaveLength(3)
    const lines = linesFor([
      { path: 'simulation.policy', values: 'dvfs' },
      { path: 'racks[*].cpuAllocationRatio', values: 'abc, -1, 2, NaN' },
    ])
    expect(lines).toEqual([
      "factor 2, value 'abc': racks[0].cpuAllocationRatio: not a number (a string) (the same on 2 more elements)",
      "factor 2, value '-1': racks[0].cpuAllocationRatio: must be > 0 (the same on 2 more elements)",
      "factor 2, value 'NaN': racks[0].cpuAllocationRatio: not a number (a string) (the same on 2 more elements)",
    ])
  })

  it('names the row of a bad path, and keeps other paths', () => {
    const lines = linesFor([{ path: 'racks[', values: '1' }])
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^factor 1: bad path "racks\[" at character/)
    expect(
      panelProblemLines([{ severity: 'error', path: 'repeat', message: 'too many' }], []),
    ).toEqual(['Repetitions: too many'])
  })
})

describe('varyFromDrafts', () => {
  it('refuses a number JSON reads as Infinity, naming the row and the value', () => {
    expect(varyFromDrafts([{ path: 'racks[*].cpuAllocationRatio', values: '2, 1e400' }])).toEqual({
      ok: false,
      message: "factor 1, value '1e400': too large for a number",
    })
  })
})
