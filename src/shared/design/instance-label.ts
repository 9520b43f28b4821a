/**
 * Instances as a user counts them, for every place a user reads one (the app, reports, CLI
 * output, explanations): `web-tier #1` for the first instance (`wl-1#0`) of the workload group
 * named `web-tier`. Pure; the one definition the renderer and main share.
 */

/** Splits an instance id `${workloadId}#${index}` (index from 0). */
export function parseInstanceId(id: string): { workloadId: string; index: number } | undefined {
  const at = id.lastIndexOf('#')
  if (at <= 0) return undefined
  const index = Number(id.slice(at + 1))
  return Number.isInteger(index) && index >= 0 ? { workloadId: id.slice(0, at), index } : undefined
}

/**
 * `web-tier #1` for `wl-1#0` when `workloadName('wl-1')` is `web-tier`; the workload's id when
 * it has no name; the id itself when it is not an instance id.
 */
export function instanceLabel(
  instanceId: string,
  workloadName: (workloadId: string) => string | undefined,
): string {
  const parsed = parseInstanceId(instanceId)
  if (!parsed) return instanceId
  const name = workloadName(parsed.workloadId)
  return `${name && name.trim() !== '' ? name : parsed.workloadId} #${parsed.index + 1}`
}
