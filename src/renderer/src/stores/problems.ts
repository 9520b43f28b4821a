/**
 * Every problem a user should see, in one list: the design's validation problems from main
 * and the guidance warnings derived here (unplaced instances, unlinked hosts, storage no host
 * reaches). The Problems tab, its count and the status bar all read this list, so they agree
 * and follow every design change and placement.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { Problem } from '../../../shared/contract'
import { linkWarnings, unplacedWarnings } from './guidance'
import { useDesignStore } from './design'
import { usePlacementStore } from './placement'

export const useProblemsStore = defineStore('problems', () => {
  const design = useDesignStore()
  const placement = usePlacementStore()
  // apart, so a placement does not walk the design's links again, nor an edit the placement
  const unplaced = computed(() => unplacedWarnings(design.design, placement.result))
  const links = computed(() => linkWarnings(design.design))
  const all = computed<Problem[]>(() => [...design.problems, ...unplaced.value, ...links.value])
  const errors = computed(() => all.value.filter((p) => p.severity === 'error').length)
  const warnings = computed(() => all.value.length - errors.value)
  return { all, errors, warnings }
})
