/**
 * Every problem a user should see, in one list: the design's validation problems from main
 * and the guidance warnings derived here (unplaced instances, unlinked hosts, storage no host
 * reaches). The Problems tab, its count and the status bar all read this store, so they agree
 * and follow every design change and placement. Main lists at most 200 of the design's
 * problems and counts the rest in one entry (`boundedProblems`); the counts here are of all of
 * them (`problemCounts`), not of the entries listed.
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
  const guidance = computed(() => unplaced.value.length + links.value.length)
  const errors = computed(() => design.problemCounts.errors)
  // the guidance entries are all warnings
  const warnings = computed(() => design.problemCounts.warnings + guidance.value)
  /** Every problem, listed or not. */
  const total = computed(() => errors.value + warnings.value)
  return { all, errors, warnings, total }
})
