/**
 * In-page yes/no questions ("Discard unsaved changes?"): one at a time, answered through
 * `ConfirmDialog`. In-page rather than `window.confirm` so it looks the same in Electron and
 * the browser and never blocks the page.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

export interface Question {
  title: string
  message: string
  /** Label of the button that answers yes (e.g. "Discard changes"). */
  confirmLabel: string
  cancelLabel: string
}

export const useConfirmStore = defineStore('confirm', () => {
  const pending = shallowRef<Question | undefined>()
  let resolve: ((yes: boolean) => void) | undefined

  /** Asks; resolves true for yes. A new question answers an open one with no. */
  function ask(question: Partial<Question> & { message: string }): Promise<boolean> {
    resolve?.(false)
    pending.value = {
      title: question.title ?? 'Strata',
      message: question.message,
      confirmLabel: question.confirmLabel ?? 'OK',
      cancelLabel: question.cancelLabel ?? 'Cancel',
    }
    return new Promise((done) => (resolve = done))
  }

  function answer(yes: boolean): void {
    const done = resolve
    resolve = undefined
    pending.value = undefined
    done?.(yes)
  }

  return { pending, ask, answer }
})
