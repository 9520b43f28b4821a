/**
 * Explanations of nested placements in the pool's words: candidates are the outer instances
 * (VMs), and "rack" anti-affinity in a pool means the physical host under the VMs.
 */
import type { Explanation, RejectionCount } from '../../../shared/domain/placement'
import { AFFINITY_REASONS } from '../scheduler/filters/affinity'
import { HOST_STATE_REASONS } from '../scheduler/filters/host-state'

const REWORD: Record<string, string> = {
  [AFFINITY_REASONS.antiHost]:
    'another instance of the same group already runs in this VM (anti-affinity)',
  [AFFINITY_REASONS.antiRack]:
    'another instance of the same group already runs on the physical host under this VM (anti-affinity)',
  [AFFINITY_REASONS.affinityHost]: 'not the VM the rest of the group runs in (affinity)',
  [AFFINITY_REASONS.affinityRack]:
    'not on the physical host the rest of the group runs on (affinity)',
  [HOST_STATE_REASONS.down]: 'VM not running',
  [HOST_STATE_REASONS.excluded]: 'VM on a host being drained',
  'insufficient vCPU': "insufficient vCPU left in the VM after its guest's reserve",
  'insufficient memory': "insufficient memory left in the VM after its guest's reserve",
}

/** A filter's reason as it reads for a VM holding instances. */
export function nestedReason(reason: string): string {
  return REWORD[reason] ?? reason
}

/**
 * One line: `placed in web#1 on h3; 2 of 3 VMs of web could take it (1 VM: ...)` or
 * `none of 3 VMs of web can take it: 3 VMs: insufficient memory ...`.
 */
export function nestedSummary(
  e: Pick<Explanation, 'feasibleCount' | 'hostCount'>,
  rejections: readonly RejectionCount[],
  poolId: string,
  outerId?: string,
  hostId?: string,
): string {
  const n = e.hostCount ?? 0
  const vms = (k: number): string => `${k} ${k === 1 ? 'VM' : 'VMs'}`
  const tail = rejections.map((r) => `${vms(r.count)}: ${r.reason}`).join('; ')
  if (outerId === undefined) {
    const head =
      (e.feasibleCount ?? 0) === 0
        ? `none of ${vms(n)} of ${poolId} can take it`
        : `${e.feasibleCount} of ${vms(n)} of ${poolId} could take it`
    return tail ? `${head}: ${tail}` : head
  }
  return `placed in ${outerId}${hostId ? ` on ${hostId}` : ''}; ${e.feasibleCount ?? 0} of ${vms(n)} of ${poolId} could take it${tail ? ` (${tail})` : ''}`
}
