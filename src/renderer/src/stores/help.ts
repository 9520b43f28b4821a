/** The in-app guide (Help): whether it is open, and at which section (a heading's anchor). */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useHelpStore = defineStore('help', () => {
  const open = ref(false)
  /** Anchor of the section to show (`isolation-boundaries`); absent: the top. */
  const section = ref<string | undefined>()
  /** Increases with every `show`, so asking again for the same section scrolls to it again. */
  const seq = ref(0)

  function show(anchor?: string): void {
    section.value = anchor
    open.value = true
    seq.value++
  }

  function close(): void {
    open.value = false
  }

  return { open, section, seq, show, close }
})
