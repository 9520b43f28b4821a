/**
 * Tenant views as main projects them (`tenancy:view`), refreshed live by `tenancy:changed`.
 * In a tenant-bound session it holds that tenant's own view and nothing else (main decides
 * what is in it). In the provider's session it also lists the tenants for the view switcher
 * and holds the view of the tenant being looked at (`selected`; `provider` = the physical
 * designer). The view is held shallowly: it can list thousands of instances.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../api'
import type { StrataError, TenantListItem, TenantView } from '../../../shared/contract'

/** `provider` (the physical designer) or a tenant id. */
export type ViewChoice = 'provider' | string

export const useTenantViewStore = defineStore('tenant-view', () => {
  const view = shallowRef<TenantView | undefined>()
  const tenants = ref<TenantListItem[]>([])
  const selected = ref<ViewChoice>('provider')
  const error = ref<StrataError | undefined>()
  const loading = ref(false)
  /** The tenant session's own view (true) or a provider looking at a tenant (false). */
  const ownSession = ref(false)
  let unsubscribe: (() => void) | undefined

  async function fetchView(tenantId?: string): Promise<void> {
    loading.value = true
    const result = await api.call('tenancy:view', tenantId === undefined ? {} : { tenantId })
    loading.value = false
    if (result.ok) {
      view.value = result.value
      error.value = undefined
    } else {
      view.value = undefined
      error.value = result.error
    }
  }

  function listen(): void {
    unsubscribe ??= api.on('tenancy:changed', (payload) => {
      if (payload.view) {
        view.value = payload.view
        return
      }
      if (!ownSession.value && selected.value !== 'provider') void fetchView(selected.value)
      if (!ownSession.value) void loadTenants()
    })
  }

  /** A tenant-bound session: its own view, kept live. */
  async function startOwn(): Promise<void> {
    ownSession.value = true
    listen()
    await fetchView()
  }

  /** The provider's tenant list for the switcher. */
  async function loadTenants(): Promise<void> {
    const result = await api.call('tenancy:list', {})
    if (result.ok) tenants.value = result.value
    else error.value = result.error
  }

  /** Provider: switch between the physical designer and a tenant's view. */
  async function select(choice: ViewChoice): Promise<void> {
    selected.value = choice
    listen()
    if (choice === 'provider') {
      view.value = undefined
      return
    }
    await fetchView(choice)
  }

  /** Provider: open a tenant's view beside this one (a window in Electron, else a new tab). */
  async function openBeside(tenantId: string): Promise<string | undefined> {
    const result = await api.call('tenancy:open-window', { tenantId })
    if (!result.ok) {
      error.value = result.error
      return undefined
    }
    if (result.value.mode === 'tab') {
      window.open(result.value.url, '_blank', 'noopener')
      return result.value.url
    }
    return undefined
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = undefined
  }

  return {
    view,
    tenants,
    selected,
    error,
    loading,
    ownSession,
    startOwn,
    loadTenants,
    select,
    openBeside,
    fetchView,
    stop,
  }
})
