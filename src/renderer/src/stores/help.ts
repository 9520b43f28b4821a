/**
 * The in-app Help: whether it is open, which page (Getting started, the layers of
 * virtualization guide, the metrics glossary) and at which section (a heading's anchor).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The pages of Help. */
export type HelpPage = 'start' | 'virtualization' | 'metrics'

export const useHelpStore = defineStore('help', () => {
  const open = ref(false)
  const page = ref<HelpPage>('virtualization')
  /** Anchor of the section to show (`isolation-boundaries`); absent: the top. */
  const section = ref<string | undefined>()
  /** Increases with every `show`, so asking again for the same section scrolls to it again. */
  const seq = ref(0)

  /** Opens `at` (default: the virtualization guide, which the stack view's links point into). */
  function show(anchor?: string, at: HelpPage = 'virtualization'): void {
    page.value = at
    section.value = anchor
    open.value = true
    seq.value++
  }

  function close(): void {
    open.value = false
  }

  return { open, page, section, seq, show, close }
})
