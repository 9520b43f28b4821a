/**
 * What a call has already done by the time its answer is written, and what to read instead of
 * an answer that is too big to send: the one table the answer-size refusal (`answer-cap.ts`)
 * reads. Review s8a #2: `files:open` and `files:import` were answered a bare "unavailable"
 * after they had replaced the open design, so the client was told they failed while every view
 * had switched. Every call that changes state is listed here, whether or not its answer can be
 * large today, so that no refusal of it ever reads as "nothing happened".
 */
import type { CallName } from '../../shared/contract'

/** A call's effect and its smaller form. */
export interface CallEffect {
  /** What took effect before the answer was made ("the design was opened"), past tense. */
  done?: string
  /** Where to read the answer instead (a digest, a lean form, another call). */
  instead?: string
}

const READ_DESIGN = 'read it with "design:get" and its problems with "design:validate"'
const READ_PLACEMENT = 'read the placement with "scheduler:last-digest"'

/** Calls whose refusal must say what took effect, or where to read instead. */
export const CALL_EFFECTS: Partial<Record<CallName, CallEffect>> = {
  'design:apply': { done: 'the edit was applied' },
  'design:undo': { done: 'the last edit was undone' },
  'design:redo': { done: 'the edit was redone' },
  'design:new': { done: 'a new design was opened in place of the open one' },
  'design:open-sample': { done: 'the sample was opened in place of the open design' },
  'design:load': { done: 'the design was loaded in place of the open one', instead: READ_DESIGN },
  'files:open': { done: 'the design was opened in place of the open one', instead: READ_DESIGN },
  'files:recover': {
    done: 'the autosave was recovered in place of the open design, and discarded',
    instead: READ_DESIGN,
  },
  'files:import': { done: 'the import was applied to the open design', instead: READ_DESIGN },
  'files:save': { done: 'the design was saved' },
  'files:save-as': {
    done: 'the design now counts as saved, but its file was not sent',
    instead: 'save it to a file on the host with "files:save-as" and a "path"',
  },
  'files:discard-recovery': { done: 'the autosave was discarded' },
  'files:export': { instead: 'export it with the command line ("strata export")' },
  'experiments:start': {
    done: 'the experiment was started',
    instead: 'follow it with "experiments:list"',
  },
  'experiments:cancel': { done: 'the experiment was cancelled' },
  'experiments:open-run': { done: "the run's design was opened in place of the open one" },
  'reports:export': {
    done: 'the report was made, but not sent',
    instead: 'ask for it as "csv", or make it with the command line ("strata report")',
  },
  'scheduler:place': {
    done: 'the placement was made and published',
    instead: `${READ_PLACEMENT} (or place with "scheduler:place-digest")`,
  },
  'scheduler:place-digest': { done: 'the placement was made and published' },
  'scheduler:evacuate': { done: 'the evacuation was applied', instead: READ_PLACEMENT },
  'scheduler:last': { instead: 'read "scheduler:last-digest" instead' },
  'simulation:start': { done: 'the run was started', instead: 'follow it with "simulation:list"' },
  'simulation:pause': { done: 'the run was paused' },
  'simulation:resume': { done: 'the run was resumed' },
  'simulation:step': { done: 'the run was stepped' },
  'simulation:cancel': { done: 'the run was cancelled' },
  'simulation:get': {
    instead: 'ask with "lean": true and read per-host series with "simulation:host-series"',
  },
  'tenancy:mint-token': { done: 'the link was made', instead: 'list links with "tenancy:tokens"' },
  'tenancy:open-window': { done: 'the link was made', instead: 'list links with "tenancy:tokens"' },
  'tenancy:revoke-token': { done: 'the link was revoked' },
}
