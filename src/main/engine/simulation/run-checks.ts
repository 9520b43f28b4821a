/** What a run checks before it starts: the design's rules and the policy's name. */
import type { Problem } from '../../../shared/domain/problem'
import { parsePolicy, type PolicySpec } from './policy'

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

/** The policy of a run: `spec` as given, or parsed from a name; throws with the parser's message. */
export function resolvePolicy(spec: string | PolicySpec): PolicySpec {
  if (typeof spec !== 'string') return spec
  const parsed = parsePolicy(spec)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.policy
}
