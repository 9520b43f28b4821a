/**
 * The open design's problems as `design:get`, `design:validate` and every `design:changed`
 * event carry them (review s9a #1): listed as `boundedProblems` bounds them, counted in full,
 * and the elements that have any named for the canvas marks. Before, the whole list went out
 * uncut: 1.5 MB for a `design:get` of a 2,000-host design with 3,497 problems and 505 KB per
 * edit to every provider window; a failure entry quoting 4,000,000 characters 16 MB per edit.
 */
import { boundedProblems, type Problem } from '../../shared/domain/problem'
import type { DesignProblems } from '../../shared/contract'

/** One summary per problem list (the session keeps one list per design state). */
const cache = new WeakMap<readonly Problem[], DesignProblems>()

/**
 * `problems` as the contract carries them: `problems` bounded (at most 200 listed, texts cut to
 * 500 characters), `problemCounts` of all of them by severity, `problemElements` the ids of
 * the elements with an error and with a warning, each once, in the order first met.
 */
export function designProblems(problems: readonly Problem[]): DesignProblems {
  const known = cache.get(problems)
  if (known) return known
  let errors = 0
  const errorIds = new Set<string>()
  const warningIds = new Set<string>()
  for (const p of problems) {
    if (p.severity === 'error') errors++
    if (p.elementId !== undefined) (p.severity === 'error' ? errorIds : warningIds).add(p.elementId)
  }
  const summary: DesignProblems = {
    problems: boundedProblems(problems),
    problemCounts: { errors, warnings: problems.length - errors },
    problemElements: { errors: [...errorIds], warnings: [...warningIds] },
  }
  cache.set(problems, summary)
  return summary
}
