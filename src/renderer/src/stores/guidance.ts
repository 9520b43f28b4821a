/**
 * Warnings about a design that are not errors in the file but that a user should act on:
 * instances the last placement could not place, hosts linked to nothing, and storage no host
 * reaches over links. Pure; the Problems tab and the status bar show them with the design's
 * validation problems.
 */
import type { PlacementDigest, Problem } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'

/** The guidance warnings of a design and its last placement (none when there is none). */
export function guidanceProblems(
  design: Design | undefined,
  placement: Pick<PlacementDigest, 'unplacedGroups'> | undefined,
): Problem[] {
  return [...unplacedWarnings(design, placement), ...linkWarnings(design)]
}

const warner = (out: Problem[]) => (path: string, message: string, elementId: string) => {
  out.push({ severity: 'warning', path, message, elementId })
}

/** Instances the last placement could not place, one warning per workload group. */
export function unplacedWarnings(
  design: Design | undefined,
  placement: Pick<PlacementDigest, 'unplacedGroups'> | undefined,
): Problem[] {
  if (!design) return []
  const out: Problem[] = []
  const warn = warner(out)
  const unplaced = new Map((placement?.unplacedGroups ?? []).map((g) => [g.workloadId, g]))
  design.workloads.forEach((w, i) => {
    const e = unplaced.get(w.id)
    if (!e) return
    const what =
      e.count === w.count
        ? `none of its ${w.count} instances could be placed`
        : `${e.count} of its ${w.count} instances could not be placed`
    warn(`workloads[${i}]`, `${what}: ${e.summary}`, w.id)
  })
  return out
}

/**
 * Hosts linked to nothing and storage no host reaches over links: depends on the design
 * only, so a placement does not walk the links again (O(links) at 10,000 hosts).
 */
export function linkWarnings(design: Design | undefined): Problem[] {
  if (!design) return []
  const out: Problem[] = []
  const warn = warner(out)
  // links as an undirected graph
  const next = new Map<string, string[]>()
  const edge = (a: string, b: string): void => {
    const list = next.get(a)
    if (list) list.push(b)
    else next.set(a, [b])
  }
  for (const l of design.links) {
    edge(l.sourceId, l.targetId)
    edge(l.targetId, l.sourceId)
  }
  design.hosts.forEach((h, i) => {
    if (!next.has(h.id))
      warn(`hosts[${i}]`, 'not connected: no link to a switch, so no traffic reaches it', h.id)
  })

  // storage reached from any host over links (local storage is reached by its own host)
  const reached = new Set<string>(design.hosts.map((h) => h.id))
  const queue = [...reached]
  for (let id = queue.pop(); id !== undefined; id = queue.pop())
    for (const n of next.get(id) ?? [])
      if (!reached.has(n)) {
        reached.add(n)
        queue.push(n)
      }
  design.storage.forEach((s, i) => {
    const local = s.kind === 'local' && !!s.hostId
    if (!local && !reached.has(s.id))
      warn(`storage[${i}]`, 'no host reaches this storage over links', s.id)
  })
  return out
}
