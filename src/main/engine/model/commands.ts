/**
 * Edit commands applied to an immutable design: each returns a new design (sharing every
 * untouched element) plus what changed, or the problems that stopped it. A failed command
 * changes nothing.
 */
import {
  ENTITY_COLLECTIONS,
  type CollectionKey,
  type EntityKind,
} from '../../../shared/design/enums'
import { designMetaSchema, type Design } from '../../../shared/design/schema'
import { simulationSettingsSchema } from '../../../shared/design/simulation-settings'
import type { DesignChanges, EditCommand } from '../../../shared/domain/design-edits'
import type { Problem } from '../../../shared/domain/problem'
import { freshId, indexOf } from './index-of'
import { issuesToProblems, parseEntity } from './parse'
import { COLLECTION_KIND, REFERENCE_FIELDS } from './references'

export type { EditCommand }
export type CommandResult =
  { ok: true; design: Design; changes: DesignChanges } | { ok: false; problems: Problem[] }

type Mutable = { -readonly [K in keyof Design]: Design[K] }
type Item = { id: string } & Record<string, unknown>

/** Accumulates one command's edits on copy-on-write collections. */
class Draft {
  readonly next: Mutable
  private readonly copied = new Set<CollectionKey>()
  readonly upserted = new Map<string, EntityKind>()
  readonly removed = new Set<string>()
  metaChanged = false
  simulationChanged = false

  constructor(readonly base: Design) {
    this.next = { ...base }
  }

  list(collection: CollectionKey): Item[] {
    if (!this.copied.has(collection)) {
      ;(this.next as Record<string, unknown>)[collection] = [...(this.next[collection] as Item[])]
      this.copied.add(collection)
    }
    return this.next[collection] as unknown as Item[]
  }

  /** Current position of an id in the draft (indexes shift after removals, so search). */
  locate(id: string): { kind: EntityKind; collection: CollectionKey; index: number } | undefined {
    const hint = indexOf(this.base).get(id)
    const kinds = hint ? [hint.kind] : (Object.keys(ENTITY_COLLECTIONS) as EntityKind[])
    for (const kind of kinds) {
      const collection = ENTITY_COLLECTIONS[kind]
      const list = this.next[collection] as unknown as Item[]
      const guess =
        hint && list[hint.index]?.id === id ? hint.index : list.findIndex((e) => e.id === id)
      if (guess >= 0) return { kind, collection, index: guess }
    }
    return undefined
  }

  exists(id: string): boolean {
    return !this.removed.has(id) && (this.upserted.has(id) || this.locate(id) !== undefined)
  }

  changes(replaced = false): DesignChanges {
    const upserted: DesignChanges['upserted'] = []
    for (const [id, kind] of this.upserted) {
      if (this.removed.has(id)) continue
      const at = this.locate(id)
      const entity = at ? (this.next[at.collection] as unknown as Item[])[at.index] : undefined
      if (entity) upserted.push({ kind, entity })
    }
    return {
      upserted,
      removed: [...this.removed],
      metaChanged: this.metaChanged,
      simulationChanged: this.simulationChanged,
      replaced,
    }
  }
}

const DEFAULT_LINK = { bandwidthGbps: 10, latencyMs: 0.05 }

function applyPatch(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else out[key] = value
  }
  return out
}

function run(draft: Draft, cmd: EditCommand, problems: Problem[], at: string): void {
  const fail = (path: string, message: string): void => {
    problems.push({ severity: 'error', path: path ? `${at}.${path}` : at, message })
  }
  switch (cmd.type) {
    case 'add': {
      const collection = ENTITY_COLLECTIONS[cmd.kind]
      const parsed = parseEntity(cmd.kind, cmd.entity, `${at}.entity`)
      if (!parsed.ok) return void problems.push(...parsed.problems)
      const entity = parsed.value as unknown as Item
      if (draft.exists(entity.id)) return fail('entity.id', `id "${entity.id}" is already used`)
      draft.list(collection).push(entity)
      draft.upserted.set(entity.id, cmd.kind)
      draft.removed.delete(entity.id)
      return
    }
    case 'update': {
      const loc = draft.locate(cmd.id)
      if (!loc || draft.removed.has(cmd.id)) return fail('id', `no element "${cmd.id}"`)
      if ('id' in cmd.patch && cmd.patch.id !== cmd.id)
        return fail('patch.id', 'an id cannot be changed')
      const list = draft.list(loc.collection)
      const merged = applyPatch(list[loc.index] as Item, cmd.patch)
      const parsed = parseEntity(loc.kind, merged, `${at}.patch`)
      if (!parsed.ok) return void problems.push(...parsed.problems)
      list[loc.index] = parsed.value as unknown as Item
      draft.upserted.set(cmd.id, loc.kind)
      return
    }
    case 'remove': {
      const pending = [...cmd.ids]
      for (const id of pending) if (!draft.locate(id)) return fail('ids', `no element "${id}"`)
      while (pending.length > 0) {
        const id = pending.pop() as string
        const loc = draft.locate(id)
        if (!loc) continue
        draft.list(loc.collection).splice(loc.index, 1)
        draft.removed.add(id)
        draft.upserted.delete(id)
        for (const ref of REFERENCE_FIELDS) {
          if (!ref.targets.includes(loc.kind)) continue
          const list = draft.next[ref.collection] as unknown as Item[]
          list.forEach((item, index) => {
            if (item[ref.field] !== id) return
            if (ref.cascade) pending.push(item.id)
            else {
              const copy = draft.list(ref.collection)
              const rest = { ...item }
              delete rest[ref.field]
              copy[index] = rest as Item
              draft.upserted.set(item.id, COLLECTION_KIND[ref.collection])
            }
          })
        }
      }
      return
    }
    case 'move': {
      for (const [i, move] of cmd.moves.entries()) {
        const patch: Record<string, unknown> = { position: move.position }
        if (move.rackId !== undefined) patch.rackId = move.rackId
        const before = problems.length
        run(draft, { type: 'update', id: move.id, patch }, problems, `${at}.moves[${i}]`)
        if (problems.length > before) return
        if (move.rackId) {
          const rack = draft.locate(move.rackId)
          if (!rack || rack.kind !== 'rack')
            return fail(`moves[${i}].rackId`, `"${move.rackId}" is not a rack`)
        }
      }
      return
    }
    case 'connect': {
      for (const field of ['sourceId', 'targetId'] as const) {
        const loc = draft.locate(cmd[field])
        if (!loc || !['host', 'switch', 'storage'].includes(loc.kind))
          return fail(field, `"${cmd[field]}" is not a host, switch or storage system`)
      }
      const id = cmd.linkId ?? freshId(draft.base, 'link', new Set(draft.upserted.keys()))
      const entity = {
        id,
        sourceId: cmd.sourceId,
        targetId: cmd.targetId,
        bandwidthGbps: cmd.bandwidthGbps ?? DEFAULT_LINK.bandwidthGbps,
        latencyMs: cmd.latencyMs ?? DEFAULT_LINK.latencyMs,
      }
      return run(draft, { type: 'add', kind: 'link', entity }, problems, at)
    }
    case 'set-meta': {
      const parsed = designMetaSchema.safeParse(applyPatch(draft.next.meta, cmd.patch))
      if (!parsed.success)
        return void problems.push(...issuesToProblems(parsed.error.issues, `${at}.patch`))
      draft.next.meta = parsed.data
      draft.metaChanged = true
      return
    }
    case 'set-simulation': {
      const parsed = simulationSettingsSchema.safeParse(
        applyPatch(draft.next.simulation, cmd.patch),
      )
      if (!parsed.success)
        return void problems.push(...issuesToProblems(parsed.error.issues, `${at}.patch`))
      draft.next.simulation = parsed.data
      draft.simulationChanged = true
      return
    }
    case 'batch': {
      for (const [i, sub] of cmd.commands.entries()) {
        run(draft, sub, problems, `${at}.commands[${i}]`)
        if (problems.length > 0) return
      }
      return
    }
  }
}

/** Applies one command. The input design is never modified. */
export function applyCommand(design: Design, command: EditCommand): CommandResult {
  const draft = new Draft(design)
  const problems: Problem[] = []
  run(draft, command, problems, 'command')
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, design: draft.next as Design, changes: draft.changes() }
}

/** A short label for menus ("Undo Add host"). */
export function commandLabel(command: EditCommand): string {
  switch (command.type) {
    case 'add':
      return `Add ${command.kind}`
    case 'update':
      return 'Edit properties'
    case 'remove':
      return command.ids.length === 1 ? 'Delete' : `Delete ${command.ids.length} elements`
    case 'move':
      return command.moves.length === 1 ? 'Move' : `Move ${command.moves.length} elements`
    case 'connect':
      return 'Connect'
    case 'set-meta':
      return 'Edit design details'
    case 'set-simulation':
      return 'Edit simulation settings'
    case 'batch':
      return command.label
  }
}
