/** A run's phase in words, and the step a virtual time falls in (worked by hand). */
import { describe, expect, it } from 'vitest'
import { runPhaseText, simulatingPhase } from './run-phase'

describe('run phases', () => {
  it('names each phase', () => {
    expect(runPhaseText({ kind: 'placing', instances: 80_000, hosts: 10_000 })).toBe(
      'placing 80,000 instances on 10,000 hosts',
    )
    expect(runPhaseText({ kind: 'placing', instances: 1, hosts: 1 })).toBe(
      'placing 1 instance on 1 host',
    )
    expect(runPhaseText({ kind: 'preparing' })).toBe('preparing the run')
    expect(runPhaseText({ kind: 'simulating', step: 3, steps: 24 })).toBe('step 3 of 24')
  })

  it('puts a virtual time in its step: 2 h in 300 s steps is 24 steps', () => {
    // step k is [(k - 1) × 300, k × 300): the instant at 0 starts step 1, the one at 600 step 3
    const at = (t: number) => simulatingPhase(t, 7200, 300)
    expect(at(0)).toEqual({ kind: 'simulating', step: 1, steps: 24 })
    expect(at(38.5)).toEqual({ kind: 'simulating', step: 1, steps: 24 })
    expect(at(600)).toEqual({ kind: 'simulating', step: 3, steps: 24 })
    expect(at(6900)).toEqual({ kind: 'simulating', step: 24, steps: 24 })
    expect(at(7200)).toEqual({ kind: 'simulating', step: 24, steps: 24 })
    // a horizon that is not a whole number of steps: the last, partial step counts
    expect(simulatingPhase(7000, 7100, 300)).toEqual({ kind: 'simulating', step: 24, steps: 24 })
  })
})
