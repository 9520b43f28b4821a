/**
 * The one sentence that says how a batch placement went, for the CLI (`strata place`), the
 * Tenants tab and the provider report (review s7u #3, s7c #2, #3). It says only what is known:
 * how many were placed, on how many of the hosts (hosts that hold an instance, of those
 * considered), how many were refused and by what kinds of refusal (named from the refusals
 * themselves), and in which order; "everything fitted" only when nothing was refused.
 */
import type { FilterName, UnplacedInstance } from './placement'

/** What the sentence reads of a placement result. */
export interface PlacementOutcome {
  placedCount: number
  instanceCount: number
  /** Hosts considered (absent in a tenant's view: then only the hosts used are named). */
  hostCount?: number
  /** Hosts that hold at least one placed instance. */
  usedHostCount: number
  /** `stable`: placed in the design's order; `drf`: capacity ran short, tenants served in turn. */
  order: 'stable' | 'drf'
  /** The kinds of refusal, as `refusalKinds` names them (none: not named). */
  refusedFor?: readonly string[]
}

/** `1234567` -> `1,234,567`, the same text on every machine. */
function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** The words of one kind of refusal, by the filter that turned the hosts (or VMs) away. */
const KIND_WORDS: Record<FilterName, string> = {
  quota: "the tenant's quota",
  'host-state': 'hosts down or being drained',
  virtualization: "the hosts' virtualization",
  isolation: 'hosts held for other tenants',
  affinity: 'affinity rules',
  compute: 'no room on the hosts',
  storage: 'no room in storage',
  network: 'no network bandwidth left',
}

/** Filters that mean "no room" (their reasons name the resource: `insufficient memory`). */
const ROOM: ReadonlySet<FilterName> = new Set(['compute', 'storage', 'network'])

/** `insufficient memory left in the VM after …` -> `memory`; other reasons: undefined. */
function resourceOf(reason: string): string | undefined {
  const m = /^insufficient (.+?)( left in the VM\b.*)?$/.exec(reason)
  return m?.[1]
}

/**
 * The kinds of refusal among `unplaced`, most hosts turned away first: each filter that turned
 * a host (or a node VM) away from a refused instance, in words, with the resources that ran out
 * for "no room" (`no room on the hosts: memory, vCPU`). Instances refused inside a node pool
 * (`outerWorkloadId`) read `no room in their node pool's VMs: memory`. Empty when the refusals
 * carry no reasons (a tenant's view).
 */
export function refusalKinds(unplaced: readonly UnplacedInstance[]): string[] {
  const hosts = new Map<string, number>()
  const resources = new Map<string, Set<string>>()
  for (const u of unplaced) {
    const pool = u.outerWorkloadId !== undefined
    for (const r of u.reasons) {
      const room = ROOM.has(r.filter)
      const kind = pool && room ? "no room in their node pool's VMs" : KIND_WORDS[r.filter]
      hosts.set(kind, (hosts.get(kind) ?? 0) + r.count)
      const resource = room ? resourceOf(r.reason) : undefined
      if (resource === undefined) continue
      let set = resources.get(kind)
      if (!set) resources.set(kind, (set = new Set()))
      set.add(resource)
    }
  }
  return [...hosts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([kind]) => {
      const r = resources.get(kind)
      return r && r.size > 0 ? `${kind}: ${[...r].join(', ')}` : kind
    })
}

/** Why the instances were placed in the order they were: only what the scheduler knows. */
export function placementOrderWords(outcome: Pick<PlacementOutcome, 'order'>): string {
  return outcome.order === 'drf'
    ? 'capacity ran short, so tenants were served in turn by dominant resource fairness (DRF)'
    : 'in the design\u2019s order'
}

/** `37 of 43 instances on 9 of 13 hosts` (hosts that hold one, of those considered). */
export function placedOnHostsText(
  outcome: Pick<PlacementOutcome, 'placedCount' | 'instanceCount' | 'hostCount' | 'usedHostCount'>,
): string {
  const of = outcome.hostCount === undefined ? '' : ` of ${count(outcome.hostCount)}`
  const noun = (outcome.hostCount ?? outcome.usedHostCount) === 1 ? 'host' : 'hosts'
  return (
    `${count(outcome.placedCount)} of ${count(outcome.instanceCount)} instances on ` +
    `${count(outcome.usedHostCount)}${of} ${noun}`
  )
}

/** `17 refused (no room in their node pool's VMs: memory)`, `none refused`. */
export function refusedText(outcome: PlacementOutcome): string {
  const refused = Math.max(0, outcome.instanceCount - outcome.placedCount)
  if (refused === 0) return 'none refused'
  const kinds = outcome.refusedFor ?? []
  return `${count(refused)} refused${kinds.length > 0 ? ` (${kinds.join('; ')})` : ''}`
}

/**
 * `placed 15,983 of 16,000 instances on 2,000 of 2,000 hosts; 17 refused (no room in their
 * node pool's VMs: memory); in the design’s order`, or `placed 43 of 43 instances on 9 of 13
 * hosts; none refused (everything fitted, in the design’s order)`.
 */
export function placementOutcomeText(outcome: PlacementOutcome): string {
  const head = `placed ${placedOnHostsText(outcome)}; ${refusedText(outcome)}`
  if (outcome.placedCount < outcome.instanceCount) return `${head}; ${placementOrderWords(outcome)}`
  return outcome.order === 'stable'
    ? `${head} (everything fitted, ${placementOrderWords(outcome)})`
    : `${head} (${placementOrderWords(outcome)})`
}

/** The hosts that hold at least one of `placed` (each instance's `hostId`, counted once). */
export function usedHostCount(placed: ReadonlyArray<{ hostId: string }>): number {
  return new Set(placed.map((p) => p.hostId)).size
}
