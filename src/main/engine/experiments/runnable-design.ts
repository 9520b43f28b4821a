/**
 * The one check of a design an experiment run simulates: what the coordinator applies to each
 * resolved design when it plans (`plan.ts`) and a queue worker applies again to the design it
 * assembles from Redis (`services/experiments/queue/job-data.ts`), so a run a coordinator would
 * refuse is never simulated because it came through the queue (review s9a #10: a worker
 * trusted Redis, a 10-year horizon in 1 s steps would have run).
 */
import type { Design } from '../../../shared/design/schema'
import type { Problem } from '../../../shared/domain/problem'
import { checkIntegrity } from '../model/validate'
import { resolvePolicy } from '../simulation/policy'

/**
 * Checks `raw` as a run's design: the design schema with its limits (shape, ranges, ids,
 * references; horizon and step count within `MAX_SIMULATION_STEPS`), then its consolidation
 * policy. Returns the parsed design when there is no error, else the errors (with their JSON
 * paths in the design, e.g. `simulation.stepS`).
 */
export function checkRunDesign(raw: unknown): { design?: Design; problems: Problem[] } {
  const { design, problems } = checkIntegrity(raw)
  const errors = problems.filter((p) => p.severity === 'error')
  if (!design) return { problems: errors }
  const policy = resolvePolicy(design.simulation.policy)
  if (!policy.ok)
    errors.push({ severity: 'error', path: 'simulation.policy', message: policy.message })
  return errors.length === 0 ? { design, problems: errors } : { problems: errors }
}
