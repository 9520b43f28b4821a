/**
 * A design's unknown policy or weigher is a design problem, in the same words `design:apply`
 * refuses the same name in a `set-simulation` patch (review s9a #3: a file's
 * `policy: "nonsense"` validated with 0 errors and was refused only by the run).
 */
import { describe, expect, it } from 'vitest'
import { emptyDesign } from './defaults'
import { simulationNameProblems } from './simulation-rules'
import { validateDesign } from './validate'

const withSimulation = (simulation: Record<string, unknown>): unknown => {
  const d = emptyDesign('names') as unknown as { simulation: Record<string, unknown> }
  return { ...d, simulation: { ...d.simulation, ...simulation } }
}

describe('simulation names in a design', () => {
  it('are no problem when the policy and weighers are known', () => {
    for (const policy of ['npa', 'dvfs', 'thr-mmt-0.8', 'LR-MMT-1.2'])
      expect(validateDesign(withSimulation({ policy }))).toEqual([])
  })

  it('give an error at simulation.policy for an unknown policy, naming what is accepted', () => {
    const problems = validateDesign(withSimulation({ policy: 'nonsense' }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ severity: 'error', path: 'simulation.policy' })
    expect(problems[0]!.message).toMatch(/^unknown policy "nonsense": use npa, dvfs or /)
  })

  it('give an error at simulation.placement.weights for an unknown weigher', () => {
    const problems = validateDesign(
      withSimulation({ placement: { preset: 'spread', weights: { nonsense: 1 } } }),
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ severity: 'error', path: 'simulation.placement.weights' })
    expect(problems[0]!.message).toMatch(/^unknown weigher "nonsense" \(known: /)
  })

  it('quote a long policy cut to 100 characters', () => {
    const [problem] = simulationNameProblems({ policy: 'p'.repeat(199) }, 'simulation')
    expect(problem!.message).toMatch(new RegExp(`^unknown policy "${'p'.repeat(100)}…": use `))
  })

  it('are the same words for a file and for a set-simulation patch', () => {
    const inFile = validateDesign(withSimulation({ policy: 'thr-xyz-1' }))[0]!
    const inPatch = simulationNameProblems({ policy: 'thr-xyz-1' }, 'command.patch')[0]!
    expect(inPatch.message).toBe(inFile.message)
    expect(inPatch.path).toBe('command.patch.policy')
  })
})
