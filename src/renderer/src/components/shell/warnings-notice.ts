/** The status bar's words for a call that went ahead with warnings (review s12 #1). */
import type { Problem } from '../../../../shared/contract'

/**
 * `"Imported, with 3 warnings (hover for all): clusters: OpenDC topologies describe no disks…"`
 * and every warning one a line, for a call's value that carries `warnings`; none without any.
 */
export function warningsNotice(
  value: unknown,
  done: string,
): { text: string; detail: string } | undefined {
  const warnings = (value as { warnings?: Problem[] } | undefined)?.warnings
  if (!Array.isArray(warnings) || warnings.length === 0) return undefined
  const line = (w: Problem) => (w.path ? `${w.path}: ${w.message}` : w.message)
  const first = line(warnings[0] as Problem)
  const n = warnings.length
  // the count and the hint first: a long first warning is cut at the window's edge
  const more = n > 1 ? ' (hover for all)' : ''
  return {
    text: `${done}, with ${n} ${n === 1 ? 'warning' : 'warnings'}${more}: ${first}`,
    detail: warnings.map(line).join('\n'),
  }
}
