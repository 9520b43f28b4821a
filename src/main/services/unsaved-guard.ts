/**
 * The one rule of every call that replaces the open design (`design:new`, `design:open-sample`,
 * `design:load`, `files:open`, `files:recover`, `files:import` as a new design,
 * `experiments:open-run`): while the open design has unsaved changes, it is refused with
 * `conflict` unless the request says `discardChanges: true` (the user was asked and agreed).
 * Even then the edits are not lost: the autosaver sets the replaced design aside as a
 * recoverable autosave (`files:recovery`) until the user discards it (review s11 #2).
 */
import { fail, type Result } from '../../shared/contract'
import type { DesignSession } from '../engine'

/** The refusal of a replacing call, or undefined when it may go ahead. */
export function refuseUnsaved(
  session: DesignSession,
  discardChanges: boolean,
): Result<never> | undefined {
  if (!session.state.dirty || discardChanges) return undefined
  return fail(
    'conflict',
    'the open design has unsaved changes; save it first, or repeat the call with ' +
      'discardChanges: true once the user agreed to discard them (they stay recoverable)',
  )
}
