/**
 * Who this window is: main's `app:info` (the session's role, provider or one tenant, and the
 * shell, Electron or web), asked once at start, and the native menu's commands (`app:menu`,
 * Electron only) for the shell to run as its own actions.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api, onLinkClosed } from '../api'
import type { AppInfo, EventPayloads, StrataError } from '../../../shared/contract'

export const useSessionStore = defineStore('session', () => {
  const info = shallowRef<AppInfo>()
  /** Why main could not say who we are (the app cannot start). */
  const failure = ref<StrataError>()
  /**
   * Why this session's link was closed for good (its token revoked: the provider opened
   * another design, or revoked it); the page then shows this instead of its view.
   */
  const linkClosed = ref<string>()
  let watchingLink = false

  /** Asks main who this session is; true when it answered. */
  async function start(): Promise<boolean> {
    if (!watchingLink) {
      watchingLink = true
      onLinkClosed((reason) => (linkClosed.value = reason))
    }
    const result = await api.call('app:info', {})
    if (!result.ok) {
      failure.value = result.error
      return false
    }
    info.value = result.value
    return true
  }

  /** Calls `listener` for each native menu command; returns the unsubscribe function. */
  function onMenu(listener: (payload: EventPayloads['app:menu']) => void): () => void {
    return api.on('app:menu', listener)
  }

  return { info, failure, linkClosed, start, onMenu }
})
