/**
 * The factors the Experiments panel defines, as the user types them: a design path and its
 * values as text (`thr-mmt-0.8, dvfs` or `1, 2, 4`). Pure: turns them into the `vary` of
 * `experiments:start`, saying which row and value is wrong.
 */
import type { ExperimentFactorValue } from '../../../shared/contract'

export interface FactorDraft {
  /** A design path: `simulation.policy`, `racks[*].cpuAllocationRatio`, `workloads[id=web].count`. */
  path: string
  /** Comma-separated values; each is read as JSON when it is JSON (numbers, true, null). */
  values: string
}

/** One value as typed: JSON when it parses as JSON, else the trimmed text itself. */
export function parseFactorValue(text: string): ExperimentFactorValue {
  const t = text.trim()
  try {
    return JSON.parse(t) as ExperimentFactorValue
  } catch {
    return t
  }
}

/** `vary` from the drafts, or the first problem (row numbers from 1). */
export function varyFromDrafts(
  drafts: readonly FactorDraft[],
): { ok: true; vary: Record<string, ExperimentFactorValue[]> } | { ok: false; message: string } {
  const vary: Record<string, ExperimentFactorValue[]> = {}
  const used = drafts.filter((d) => d.path.trim() !== '' || d.values.trim() !== '')
  if (used.length === 0) return { ok: false, message: 'define at least one factor' }
  for (const [i, d] of used.entries()) {
    const path = d.path.trim()
    if (path === '') return { ok: false, message: `factor ${i + 1}: give a design path` }
    if (path in vary) return { ok: false, message: `factor ${i + 1}: ${path} is already a factor` }
    const parts = d.values.split(',').map((v) => v.trim())
    if (parts.every((p) => p === ''))
      return { ok: false, message: `factor ${i + 1} (${path}): list at least one value` }
    const empty = parts.findIndex((p) => p === '')
    if (empty >= 0)
      return { ok: false, message: `factor ${i + 1} (${path}): value ${empty + 1} is empty` }
    const values = parts.map(parseFactorValue)
    // JSON reads 1e400 as Infinity, which no design field takes and JSON cannot carry.
    const huge = values.findIndex((v) => typeof v === 'number' && !Number.isFinite(v))
    if (huge >= 0)
      return {
        ok: false,
        message: `factor ${i + 1}, value '${parts[huge]}': too large for a number`,
      }
    vary[path] = values
  }
  return { ok: true, vary }
}

/** How a factor value reads in a table cell. */
export function factorText(value: ExperimentFactorValue | undefined): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
