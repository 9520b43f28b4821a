/** What a run checks before it starts: the design's rules and the policy's name. */
import type { Problem } from '../../../shared/domain/problem'
import type { Design } from '../../../shared/design/schema'
import { resolvePolicy, type PolicySpec } from './policy'

/** Thrown by `new Simulation` for a design with rule errors (each with its JSON path). */
export class InvalidDesignError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error')
    super(
      `the design has ${errors.length} error(s): ` +
        errors.map((p) => `${p.path || '(document)'}: ${p.message}`).join('; '),
    )
    this.name = 'InvalidDesignError'
  }
}

/**
 * What makes a design that is fine to edit impossible to simulate: no hosts. Such a run would
 * report 0 kWh and 100 % availability of nothing, which reads as a result (review s11u #18).
 * One error at `hosts`, or none.
 */
export function runProblems(design: Pick<Design, 'hosts'>): Problem[] {
  if (design.hosts.length > 0) return []
  return [
    {
      severity: 'error',
      path: 'hosts',
      message: 'the design has no hosts, so there is nothing to simulate: add hosts first',
    },
  ]
}

/** The policy of a run (read by `resolvePolicy`); throws with the parser's message. */
export function runPolicy(spec: string | PolicySpec): PolicySpec {
  const resolved = resolvePolicy(spec)
  if (!resolved.ok) throw new Error(resolved.message)
  return resolved.policy
}
