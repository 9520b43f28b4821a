/**
 * In the browser, the page's own "Leave site? Changes you made may not be saved." prompt
 * while the design has unsaved changes. Not in Electron: there a `beforeunload` veto would
 * silently keep the window open; main asks on close instead.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { useDesignStore } from '../../stores/design'

export function useUnsavedGuard(shell: 'electron' | 'web'): void {
  if (shell !== 'web') return
  const design = useDesignStore()
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!design.state.dirty) return
    event.preventDefault()
    // older browsers show the prompt only when returnValue is set
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))
}
