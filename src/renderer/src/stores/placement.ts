/**
 * The last placement main computed (`scheduler:place`, or pushed by `scheduler:placed`), and
 * explanations asked for. The result is held shallowly (it can list 20,000 instances).
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { api } from '../api'
import type { Explanation, PlacementResult, StrataError } from '../../../shared/contract'
import type { PlacementPreset } from '../../../shared/design/enums'
import { forEachSliced } from './yielding'

export const usePlacementStore = defineStore('placement', () => {
  const result = shallowRef<PlacementResult | undefined>()
  const running = ref(false)
  const error = ref<StrataError | undefined>()
  const explanation = shallowRef<Explanation | undefined>()
  let unsubscribe: (() => void) | undefined

  /**
   * Instances on each host, counted per tenant. Counted in slices that give the page back
   * (100,000 instances would be one long task), so it follows `result` a few tasks later.
   */
  const byHost = shallowRef<ReadonlyMap<string, ReadonlyMap<string, number>>>(new Map())
  let counting = 0
  watch(result, async (r) => {
    const job = ++counting
    const map = new Map<string, Map<string, number>>()
    const count = (p: { hostId: string; tenantId: string }): void => {
      let perTenant = map.get(p.hostId)
      if (!perTenant) map.set(p.hostId, (perTenant = new Map()))
      perTenant.set(p.tenantId, (perTenant.get(p.tenantId) ?? 0) + 1)
    }
    if (await forEachSliced(r?.placed ?? [], count, () => job === counting)) byHost.value = map
  })

  let unsubscribeDesign: (() => void) | undefined

  async function start(): Promise<void> {
    unsubscribe ??= api.on('scheduler:placed', (payload) => {
      performance.mark('scheduler:placed')
      result.value = payload
    })
    // Another design opened (by this window or another client): the old placement and its
    // refusals belong to the old design (review s5 #10); main has dropped it too.
    unsubscribeDesign ??= api.on('design:changed', (payload) => {
      if (payload.changes.replaced) clear()
    })
    const last = await api.call('scheduler:last', {})
    if (last.ok && last.value) result.value = last.value
  }

  async function place(preset?: PlacementPreset): Promise<boolean> {
    running.value = true
    const r = await api.call('scheduler:place', preset ? { preset } : {})
    running.value = false
    if (!r.ok) {
      error.value = r.error
      return false
    }
    error.value = undefined
    result.value = r.value
    return true
  }

  async function explain(instanceId: string): Promise<void> {
    const r = await api.call('scheduler:explain', { instanceId })
    if (r.ok) {
      explanation.value = r.value
      error.value = undefined
    } else error.value = r.error
  }

  function clear(): void {
    result.value = undefined
    explanation.value = undefined
  }

  return { result, running, error, explanation, byHost, start, place, explain, clear }
})
