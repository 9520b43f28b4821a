/**
 * The last placement main computed (`scheduler:place-digest`, or pushed by `scheduler:placed`),
 * and explanations asked for. The window holds a placement as its compact digest
 * (`src/shared/domain/placement-digest.ts`, issue 19): one host index per instance, not one
 * object per instance, so 100,000 placements cost a few ms to parse and count, not a frozen
 * window. The digest is held shallowly; its counts per host and tenant are computed in slices
 * that give the page back between them (`placement-counts.ts`), so the views that read them
 * (canvas, Tenants tab) follow a few frames after the digest, never in one frozen task.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { api } from '../api'
import type { Explanation, PlacementDigest, StrataError } from '../../../shared/contract'
import type { PlacementPreset } from '../../../shared/design/enums'
import { digestInstancesOn, type DigestInstance } from '../../../shared/domain/placement-digest'
import { countPlacement, type PlacementCounts, type TenantCount } from './placement-counts'

const NO_COUNTS: PlacementCounts = { byHost: new Map(), placedByTenant: new Map() }

export const usePlacementStore = defineStore('placement', () => {
  const result = shallowRef<PlacementDigest | undefined>()
  const running = ref(false)
  const error = ref<StrataError | undefined>()
  const explanation = shallowRef<Explanation | undefined>()
  let unsubscribe: (() => void) | undefined

  /** `result` counted (sliced, so it follows `result` by a few frames); see `counted`. */
  const counts = shallowRef<PlacementCounts>(NO_COUNTS)
  /** Instances on each host, per tenant in tenant id order (host id -> counts). */
  const byHost = computed<ReadonlyMap<string, readonly TenantCount[]>>(() => counts.value.byHost)
  /** Placed instances per tenant. */
  const placedByTenant = computed<ReadonlyMap<string, number>>(() => counts.value.placedByTenant)
  /** Settles once `counts` describe the current `result` (for tests and the bench). */
  let counted: Promise<void> = Promise.resolve()
  watch(
    result,
    (digest) => {
      if (!digest) {
        counts.value = NO_COUNTS
        counted = Promise.resolve()
        return
      }
      counted = countPlacement(digest, () => result.value === digest).then((c) => {
        if (c) counts.value = c
      })
    },
    { flush: 'sync' },
  )

  /** The instances the last placement put on `hostId`, in instance order. */
  function instancesOn(hostId: string): DigestInstance[] {
    return result.value ? digestInstancesOn(result.value, hostId) : []
  }

  let unsubscribeDesign: (() => void) | undefined
  /** Placements pushed so far: main pushes this window's own placement before answering it. */
  let pushed = 0

  async function start(): Promise<void> {
    unsubscribe ??= api.on('scheduler:placed', (payload) => {
      performance.mark('scheduler:placed')
      pushed++
      result.value = payload
    })
    // Another design opened (by this window or another client): the old placement and its
    // refusals belong to the old design (review s5 #10); main has dropped it too.
    unsubscribeDesign ??= api.on('design:changed', (payload) => {
      if (payload.changes.replaced) clear()
    })
    const last = await api.call('scheduler:last-digest', {})
    if (last.ok && last.value) result.value = last.value
  }

  async function place(preset?: PlacementPreset): Promise<boolean> {
    running.value = true
    const before = pushed
    const r = await api.call('scheduler:place-digest', preset ? { preset } : {})
    running.value = false
    if (!r.ok) {
      error.value = r.error
      return false
    }
    error.value = undefined
    // the pushed copy of this placement is already shown: taking the answer's copy too would
    // count and paint 100,000 instances twice
    if (pushed === before) result.value = r.value
    return true
  }

  async function explain(instanceId: string): Promise<void> {
    const r = await api.call('scheduler:explain', { instanceId })
    if (r.ok) {
      explanation.value = r.value
      error.value = undefined
    } else error.value = r.error
  }

  /** Resolves when the counts (`byHost`, `placedByTenant`) describe the current placement. */
  async function settled(): Promise<void> {
    for (let seen: Promise<void> | undefined; seen !== counted;) await (seen = counted)
  }

  function clear(): void {
    result.value = undefined
    explanation.value = undefined
  }

  return {
    result,
    running,
    error,
    explanation,
    byHost,
    placedByTenant,
    settled,
    instancesOn,
    start,
    place,
    explain,
    clear,
  }
})
