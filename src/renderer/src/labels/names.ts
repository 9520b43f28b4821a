/**
 * Human labels for what a user reads: an element's name (never its id), an instance as its
 * workload's name and a 1-based number (`web-tier #1` for `wl-1#0`), kinds in plain words.
 * Pure functions over the design; ids appear only when an element has no name at all.
 */
import type { EntityKind } from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'

/** What the lookups need: every element by id, with its kind (the design store's `index`). */
export type ElementIndex = ReadonlyMap<
  string,
  { kind: EntityKind; entity: { id: string } & Record<string, unknown> }
>

/** Kinds as a user says them. */
export const KIND_LABELS: Record<EntityKind, string> = {
  zone: 'zone',
  rack: 'rack',
  host: 'host',
  switch: 'switch',
  link: 'link',
  storage: 'storage',
  tenant: 'tenant',
  network: 'network',
  workload: 'workload group',
  trace: 'trace',
}

/** An element's own name, or undefined when it has none (empty or absent). */
function ownName(entity: Record<string, unknown>): string | undefined {
  const n = entity.name
  return typeof n === 'string' && n.trim() !== '' ? n : undefined
}

/**
 * The label of an element by id: its name; a link as `A – B` by its ends' names; the id only
 * when the element has no name (or is unknown, e.g. deleted since).
 */
export function elementLabel(index: ElementIndex, id: string): string {
  const found = index.get(id)
  if (!found) return id
  const own = ownName(found.entity)
  if (own) return own
  if (found.kind === 'link') {
    const { sourceId, targetId } = found.entity as { sourceId?: string; targetId?: string }
    if (sourceId && targetId)
      return `${elementLabel(index, sourceId)} – ${elementLabel(index, targetId)}`
  }
  return id
}

export { instanceLabel, parseInstanceId } from '../../../shared/design/instance-label'

/** A workload-name lookup over a design (for `instanceLabel`). */
export function workloadNames(design: Design | undefined): (id: string) => string | undefined {
  const map = new Map((design?.workloads ?? []).map((w) => [w.id, w.name]))
  return (id) => map.get(id)
}
