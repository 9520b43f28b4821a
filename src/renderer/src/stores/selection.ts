/** UI-only selection state (ids of selected design elements), apart from the domain stores. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export const useSelectionStore = defineStore('selection', () => {
  const ids = ref<string[]>([])
  /** An instance (`workload#i`) picked in a list or on the canvas, for its explanation. */
  const instanceId = ref<string | undefined>()

  const single = computed(() => (ids.value.length === 1 ? ids.value[0] : undefined))

  function set(next: readonly string[]): void {
    const sorted = [...new Set(next)].sort()
    if (sorted.length === ids.value.length && sorted.every((id, i) => id === ids.value[i])) return
    ids.value = sorted
  }

  function clear(): void {
    set([])
  }

  /** Drops ids that no longer exist. */
  function prune(exists: (id: string) => boolean): void {
    const kept = ids.value.filter(exists)
    if (kept.length !== ids.value.length) ids.value = kept
  }

  return { ids, single, instanceId, set, clear, prune }
})
