/**
 * How many instances a design declares, said one way everywhere (status bar, CLI, reports):
 * every VM and container counts once, including those that run inside a tenant's VMs
 * (`nesting.runsIn`, issue 18), and the ones inside VMs are named apart.
 */
import type { Design } from './schema'
import { counted, groupedNumber } from '../domain/number-text'

/** Instance counts of a design. */
export interface InstanceCount {
  /** Every declared instance: the sum of the workloads' `count`. */
  total: number
  /** Those that run inside another instance (`nesting.runsIn`), not directly on a host. */
  insideVms: number
}

/** Counts `design`'s instances. */
export function countInstances(design: Pick<Design, 'workloads'>): InstanceCount {
  let total = 0
  let insideVms = 0
  for (const w of design.workloads) {
    total += w.count
    if (w.nesting) insideVms += w.count
  }
  return { total, insideVms }
}

/** `"43 instances (8 inside VMs)"`, `"16,000 instances (64 inside VMs)"`, or `"35 instances"` without nesting. */
export function instanceCountText(design: Pick<Design, 'workloads'>): string {
  const { total, insideVms } = countInstances(design)
  const base = counted(total, 'instance')
  return insideVms > 0 ? `${base} (${groupedNumber(insideVms)} inside VMs)` : base
}
