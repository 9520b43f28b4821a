/**
 * The one sentence that says how a batch placement went, for the CLI (`strata place`), the
 * Tenants tab and the provider report (review s7u #3): it says how many were refused, and it
 * says "everything fitted" only when nothing was.
 */

/** What the sentence reads of a placement result. */
export interface PlacementOutcome {
  placedCount: number
  instanceCount: number
  hostCount: number
  /** `stable`: placed in the design's order; `drf`: capacity ran short, tenants served in turn. */
  order: 'stable' | 'drf'
}

/** `1234567` -> `1,234,567`, the same text on every machine. */
function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Why the instances were placed in the order they were, true to what was refused. */
export function placementOrderWords(outcome: PlacementOutcome): string {
  if (outcome.order === 'drf')
    return 'capacity ran short, so tenants were served in turn by dominant resource fairness (DRF)'
  return outcome.placedCount >= outcome.instanceCount
    ? 'everything fitted, in the design\u2019s order'
    : 'in the design\u2019s order; the refusals were not a capacity shortage, so no retry was needed'
}

/**
 * `placed 15,983 of 16,000 instances on 2,000 hosts; 17 refused (…)`, or `…; none refused
 * (everything fitted, in the design’s order)`.
 */
export function placementOutcomeText(outcome: PlacementOutcome): string {
  const refused = Math.max(0, outcome.instanceCount - outcome.placedCount)
  return (
    `placed ${count(outcome.placedCount)} of ${count(outcome.instanceCount)} instances on ` +
    `${count(outcome.hostCount)} hosts; ${refused === 0 ? 'none' : count(refused)} refused ` +
    `(${placementOrderWords(outcome)})`
  )
}
