/**
 * The one rule of every call that replaces the open design (`design:new`, `design:open-sample`,
 * `design:load`, `files:open`, `files:recover`, `files:import` as a new design,
 * `experiments:open-run`): while the open design has unsaved changes, it is refused with
 * `conflict` unless the request says `discardChanges: true` (the user was asked and chose to
 * discard them, as "Don't save" in a desktop app; review s11 #2). A discarded design's
 * autosave goes with it: the recovery list is for runs that ended without closing, and a
 * design set aside there would greet the next start with "did not close normally".
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
      'discardChanges: true once the user agreed to discard them',
  )
}
