/**
 * What `design:apply` refuses in a `set-simulation` patch before the design changes (review
 * s7a #11): a policy the run would refuse, and placement weights of a weigher that does not
 * exist. Before, both were accepted and refused only at `simulation:start`. Each refusal lists
 * the valid names (the policy's in `resolvePolicy`'s own words).
 */
import type { Problem } from '../../../shared/contract'
import { resolvePolicy, WEIGHER_NAMES } from '../../engine'

type Command = { type: string; patch?: unknown; commands?: readonly unknown[] }

/** The first problem of a `set-simulation` patch in `command` (batches included), at `path`. */
export function simulationPatchProblem(command: unknown, path = 'command'): Problem | undefined {
  const c = command as Command
  if (c.type === 'batch' && Array.isArray(c.commands)) {
    for (let i = 0; i < c.commands.length; i++) {
      const found = simulationPatchProblem(c.commands[i], `${path}.commands[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (c.type !== 'set-simulation' || typeof c.patch !== 'object' || c.patch === null) return
  const patch = c.patch as { policy?: unknown; placement?: { weights?: unknown } }
  const problem = (at: string, message: string): Problem => ({
    severity: 'error',
    path: `${path}.patch.${at}`,
    message,
  })
  if (typeof patch.policy === 'string') {
    const parsed = resolvePolicy(patch.policy)
    if (!parsed.ok) return problem('policy', parsed.message)
  }
  const weights = patch.placement?.weights
  if (typeof weights === 'object' && weights !== null) {
    const known: readonly string[] = WEIGHER_NAMES
    for (const name of Object.keys(weights))
      if (!known.includes(name))
        return problem(
          `placement.weights`,
          `unknown weigher "${name.slice(0, 100)}" (known: ${WEIGHER_NAMES.join(', ')})`,
        )
  }
  return undefined
}
