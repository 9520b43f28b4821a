/**
 * What `design:apply` refuses in a `set-simulation` patch before the design changes (review
 * s7a #11): a policy the run would refuse, and placement weights of a weigher that does not
 * exist. The check is the design validator's own (`simulationNameProblems`), so a patch and a
 * file are held to the same names (review s9a #3).
 */
import type { Problem } from '../../../shared/contract'
import { simulationNameProblems } from '../../engine'

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
  return simulationNameProblems(c.patch, `${path}.patch`)[0]
}
