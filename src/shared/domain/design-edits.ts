/**
 * Edits of the open design and what they did. Domain types: the engine's edit commands
 * (`src/main/engine/model/commands.ts`) and design session define their behaviour on them;
 * the contract's zod schema for `design:apply` (`src/shared/contract/schemas/design.ts`) is
 * checked against `EditCommand` at compile time, not the other way round.
 */
import type { EntityKind } from '../design/enums'

/**
 * An edit of the open design. Every user edit is one command (or one `batch`), so undo and
 * redo cover all of them. `entity` and `patch` are checked against their kind's schema by
 * the engine when the command is applied.
 */
export type EditCommand =
  | { type: 'add'; kind: EntityKind; entity: Record<string, unknown> }
  /** Fields to set; `null` removes an optional field. */
  | { type: 'update'; id: string; patch: Record<string, unknown> }
  | { type: 'remove'; ids: string[] }
  /** `rackId`: a new parent rack (hosts, switches, storage); `null` takes it out of its rack. */
  | {
      type: 'move'
      moves: Array<{ id: string; position: { x: number; y: number }; rackId?: string | null }>
    }
  | {
      type: 'connect'
      sourceId: string
      targetId: string
      bandwidthGbps?: number
      latencyMs?: number
      linkId?: string
    }
  | { type: 'set-meta'; patch: Record<string, unknown> }
  | { type: 'set-simulation'; patch: Record<string, unknown> }
  | { type: 'batch'; label: string; commands: EditCommand[] }

/** What one change did to the design, so views can patch themselves instead of reloading. */
export interface DesignChanges {
  /** Elements added or changed, with their kind. */
  upserted: Array<{ kind: EntityKind; entity: { id: string } }>
  /** Ids of elements removed. */
  removed: string[]
  metaChanged: boolean
  simulationChanged: boolean
  /** The whole design was replaced (load, new): refetch instead of patching. */
  replaced: boolean
}

/** The editor's state of the open design. */
export interface DesignState {
  /** Increases with every change (edit, undo, redo, load). */
  revision: number
  dirty: boolean
  canUndo: boolean
  canRedo: boolean
  /** Label of the edit that undo would revert, for menus. */
  undoLabel?: string
  redoLabel?: string
  /** File the design was loaded from or last saved to, if any. */
  filePath?: string
}
