/**
 * In-page questions ("Discard unsaved changes?"): yes/no, or with a third choice (`altLabel`:
 * Save / Discard / Cancel); one at a time, answered through `ConfirmDialog`. In-page rather than `window.confirm` so it looks the same in Electron and
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
  /** Label of a third button (e.g. "Save"); `choose` tells it apart. */
  altLabel?: string
}

/** The button chosen: yes, the third one, or no (also Escape and a newer question). */
export type Choice = 'confirm' | 'alt' | 'cancel'

export const useConfirmStore = defineStore('confirm', () => {
  const pending = shallowRef<Question | undefined>()
  let resolve: ((choice: Choice) => void) | undefined

  /** Asks; resolves with the button chosen. A new question answers an open one with no. */
  function choose(question: Partial<Question> & { message: string }): Promise<Choice> {
    resolve?.('cancel')
    pending.value = {
      title: question.title ?? 'Strata',
      message: question.message,
      confirmLabel: question.confirmLabel ?? 'OK',
      cancelLabel: question.cancelLabel ?? 'Cancel',
      ...(question.altLabel ? { altLabel: question.altLabel } : {}),
    }
    return new Promise((done) => (resolve = done))
  }

  /** Asks a yes/no question; resolves true for yes. */
  async function ask(question: Partial<Question> & { message: string }): Promise<boolean> {
    const { altLabel: _alt, ...yesNo } = question
    return (await choose(yesNo)) === 'confirm'
  }

  function answer(choice: boolean | Choice): void {
    const done = resolve
    resolve = undefined
    pending.value = undefined
    done?.(choice === true ? 'confirm' : choice === false ? 'cancel' : choice)
  }

  return { pending, ask, choose, answer }
})
