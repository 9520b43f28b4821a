/**
 * The stack view being shown (issue 18): a host's (provider, `stack:host`) or a tenant's
 * (`stack:tenant`; a tenant session always gets its own). Refetched while open when the
 * placement, the design or the tenant's view changes. The view is held shallowly.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../api'
import type { StackView, StrataError } from '../../../shared/contract'

/** What a stack view is of. `tenantId` absent: the tenant session's own. */
export type StackTarget = { kind: 'host'; hostId: string } | { kind: 'tenant'; tenantId?: string }

export const useStackStore = defineStore('stack', () => {
  const target = ref<StackTarget | undefined>()
  const view = shallowRef<StackView | undefined>()
  const error = ref<StrataError | undefined>()
  const loading = ref(false)
  let unsubscribe: Array<() => void> = []

  async function refresh(): Promise<void> {
    const t = target.value
    if (!t) return
    loading.value = true
    const result =
      t.kind === 'host'
        ? await api.call('stack:host', { hostId: t.hostId })
        : await api.call('stack:tenant', t.tenantId === undefined ? {} : { tenantId: t.tenantId })
    loading.value = false
    if (target.value !== t) return
    if (result.ok) {
      view.value = result.value
      error.value = undefined
    } else {
      view.value = undefined
      error.value = result.error
    }
  }

  /** Opens the stack of `t` and keeps it current while open. */
  async function open(t: StackTarget): Promise<void> {
    target.value = t
    view.value = undefined
    error.value = undefined
    if (unsubscribe.length === 0) {
      const again = (): void => void refresh()
      unsubscribe = [
        api.on('scheduler:placed', again),
        api.on('tenancy:changed', again),
        ...(t.kind === 'host' ? [api.on('design:changed', again)] : []),
      ]
    }
    await refresh()
  }

  function close(): void {
    for (const off of unsubscribe) off()
    unsubscribe = []
    target.value = undefined
    view.value = undefined
    error.value = undefined
  }

  return { target, view, error, loading, open, refresh, close }
})
