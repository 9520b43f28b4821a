/**
 * Names of the open design's elements for components: `of(id)` (an element's label),
 * `instance(id)` (`web-tier #1`), `kind(id)`. Reactive through the design store, so a rename
 * shows everywhere at once.
 */
import { computed } from 'vue'
import { useDesignStore } from '../stores/design'
import { elementLabel, instanceLabel, KIND_LABELS, workloadNames } from './names'

export interface Names {
  /** An element's name (its id only when it has none). */
  of: (id: string) => string
  /** An instance as `group-name #n` (1-based). */
  instance: (instanceId: string) => string
  /** `host web-01`, `tenant Acme`: a kind and a name, for titles. */
  titled: (id: string) => string
}

export function useNames(): Names {
  const design = useDesignStore()
  const workloads = computed(() => workloadNames(design.design))
  return {
    of: (id) => elementLabel(design.index, id),
    instance: (id) => instanceLabel(id, workloads.value),
    titled: (id) => {
      const kind = design.index.get(id)?.kind
      return kind ? `${KIND_LABELS[kind]} ${elementLabel(design.index, id)}` : id
    },
  }
}
