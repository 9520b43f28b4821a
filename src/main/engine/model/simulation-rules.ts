/**
 * The one check of a design's simulation names (review s9a #3): its consolidation policy must
 * be one `parsePolicy` reads, and its placement weights must name known weighers. The design
 * validator runs it on `simulation` (so a file with `policy: "nonsense"` is a design problem
 * when it is opened, loaded, imported or validated, and the status bar and `strata validate`
 * say it), and `design:apply` on a `set-simulation` patch before the design changes (review
 * s7a #11). Before, a file's unknown policy was refused only by the run.
 */
import type { Problem } from '../../../shared/domain/problem'
import { WEIGHER_NAMES } from '../scheduler/weighers'
import { parsePolicy } from '../simulation/policy'
import { quote } from './quote'

/** The simulation settings this checks, as a design or a patch holds them (any shape). */
export interface SimulationNames {
  policy?: unknown
  placement?: { weights?: unknown }
}

/**
 * The problems of `settings`' policy and weigher names, at `${path}.policy` and
 * `${path}.placement.weights.NAME`: errors, each naming what is accepted. A name of the wrong
 * type is left to the schema.
 */
export function simulationNameProblems(settings: SimulationNames, path: string): Problem[] {
  const problems: Problem[] = []
  if (typeof settings.policy === 'string') {
    const parsed = parsePolicy(settings.policy)
    if (!parsed.ok)
      problems.push({ severity: 'error', path: `${path}.policy`, message: parsed.message })
  }
  const weights = settings.placement?.weights
  if (typeof weights === 'object' && weights !== null) {
    const known: readonly string[] = WEIGHER_NAMES
    for (const name of Object.keys(weights))
      if (!known.includes(name))
        problems.push({
          severity: 'error',
          path: `${path}.placement.weights`,
          message: `unknown weigher ${quote(name)} (known: ${WEIGHER_NAMES.join(', ')})`,
        })
  }
  return problems
}
