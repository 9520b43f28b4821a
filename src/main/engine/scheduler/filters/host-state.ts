/** Host state: only hosts that are `up` and not excluded by the caller (e.g. being drained) take instances. */
import type { SchedulerFilter } from '../types'

export const HOST_STATE_REASONS = {
  down: 'host down',
  maintenance: 'host in maintenance',
  excluded: 'host excluded (being drained)',
} as const

export const hostStateFilter: SchedulerFilter = {
  name: 'host-state',
  check(st, _w, h) {
    const state = st.hostState[h]
    if (state === 'down') return HOST_STATE_REASONS.down
    if (state === 'maintenance') return HOST_STATE_REASONS.maintenance
    if (st.excluded[h] === 1) return HOST_STATE_REASONS.excluded
    return undefined
  },
}
