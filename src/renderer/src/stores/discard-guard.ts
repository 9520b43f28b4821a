/**
 * The unsaved-changes prompt for calls that replace the open design. Main refuses every such
 * call (`design:new`, `design:open-sample`, `design:load`, `files:open`, `files:recover`,
 * `files:import`, `experiments:open-run`) with `conflict` while the design is dirty unless
 * `discardChanges: true`; this asks the user on such a refusal, as a desktop app does:
 * Save (then replace), Discard changes (replace; the edits are gone), or Cancel.
 */
import type { Result } from '../../../shared/contract'
import { useConfirmStore, type Question } from './confirm'
import { useDesignStore } from './design'

export const DISCARD_QUESTION: Partial<Question> & { message: string } = {
  title: 'Unsaved changes',
  message: 'The design has unsaved changes. Save them before it is replaced?',
  altLabel: 'Save',
  confirmLabel: 'Discard changes',
  cancelLabel: 'Cancel',
}

/** Saves the open design as File → Save does (downloads in the browser); set by the shell. */
type Saver = () => Promise<Result<unknown> | undefined>
let saver: Saver | undefined

/** The shell's save action, offered as "Save" in the prompt (without one: Discard / Cancel). */
export function setSaveBeforeReplace(save: Saver | undefined): void {
  saver = save
}

/**
 * Runs `attempt(false)`; if main answers `conflict` because the open design is dirty, asks:
 * Save saves and runs `attempt(false)` again (a failed or cancelled save replaces nothing),
 * Discard runs `attempt(true)`. Resolves undefined when the user keeps their changes.
 */
export async function withDiscardPrompt<T>(
  attempt: (discardChanges: boolean) => Promise<Result<T>>,
): Promise<Result<T> | undefined> {
  const first = await attempt(false)
  if (first.ok || first.error.code !== 'conflict' || !useDesignStore().state.dirty) return first
  const question = saver ? DISCARD_QUESTION : { ...DISCARD_QUESTION, altLabel: undefined }
  const choice = await useConfirmStore().choose(question)
  if (choice === 'cancel') return undefined
  if (choice === 'confirm') return attempt(true)
  const saved = await (saver as Saver)()
  // a cancelled save dialog replaces nothing, and says nothing
  if (!saved || (!saved.ok && saved.error.code === 'cancelled')) return undefined
  if (!saved.ok) return { ok: false, error: saved.error }
  return attempt(false)
}
