/**
 * The unsaved-changes prompt for calls that replace the open design. Main refuses them with
 * `conflict` while the design is dirty unless `discardChanges: true`; this asks the user on
 * such a refusal and retries with their consent.
 */
import type { Result } from '../../../shared/contract'
import { useConfirmStore, type Question } from './confirm'
import { useDesignStore } from './design'

export const DISCARD_QUESTION: Partial<Question> & { message: string } = {
  title: 'Unsaved changes',
  message: 'The design has unsaved changes. Discard them?',
  confirmLabel: 'Discard changes',
  cancelLabel: 'Keep editing',
}

/** Asks before discarding unsaved changes; true when there are none or the user agrees. */
export async function mayDiscard(): Promise<boolean> {
  if (!useDesignStore().state.dirty) return true
  return useConfirmStore().ask(DISCARD_QUESTION)
}

/**
 * Runs `attempt(false)`; if main answers `conflict` because the open design is dirty, asks
 * and, on yes, runs `attempt(true)`. Resolves undefined when the user keeps their changes.
 */
export async function withDiscardPrompt<T>(
  attempt: (discardChanges: boolean) => Promise<Result<T>>,
): Promise<Result<T> | undefined> {
  const first = await attempt(false)
  if (first.ok || first.error.code !== 'conflict' || !useDesignStore().state.dirty) return first
  if (!(await useConfirmStore().ask(DISCARD_QUESTION))) return undefined
  return attempt(true)
}
