/**
 * Shared tenant links (web host): the tenant-bound tokens in force (`tenancy:tokens`) and
 * their revocation (`tenancy:revoke-token`, which closes the token's open views at once).
 * Empty in the Electron app, which hands out no tokens.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type { TenantToken } from '../../../shared/contract'

export const useTenantTokensStore = defineStore('tenant-tokens', () => {
  const tokens = ref<TenantToken[]>([])
  /** The last call's error message ('' when it succeeded). */
  const error = ref('')

  async function refresh(): Promise<void> {
    const r = await api.call('tenancy:tokens', {})
    if (r.ok) tokens.value = r.value
    error.value = r.ok ? '' : r.error.message
  }

  /** Revokes token `id`, then reloads the list. */
  async function revoke(id: string): Promise<void> {
    const r = await api.call('tenancy:revoke-token', { id })
    error.value = r.ok ? '' : r.error.message
    await refresh()
  }

  return { tokens, error, refresh, revoke }
})
