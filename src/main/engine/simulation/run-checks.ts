/** What a run checks before it starts: the design's rules and the policy's name. */
import type { Problem } from '../../../shared/domain/problem'
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

/** The policy of a run (read by `resolvePolicy`); throws with the parser's message. */
export function runPolicy(spec: string | PolicySpec): PolicySpec {
  const resolved = resolvePolicy(spec)
  if (!resolved.ok) throw new Error(resolved.message)
  return resolved.policy
}
