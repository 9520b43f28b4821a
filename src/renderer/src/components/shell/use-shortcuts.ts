/** Keyboard shortcuts of the app's actions (not while typing in a form field). */
import { onBeforeUnmount, onMounted } from 'vue'
import { matchesShortcut, type AppAction } from './app-actions'

const TYPING = new Set(['INPUT', 'TEXTAREA'])
const NOT_TYPING = new Set(['checkbox', 'color', 'range', 'button'])

/**
 * @param nativeIds actions the native menu's accelerators already trigger (Electron): their
 *   keys are left to the menu so that one key press does not act twice.
 */
export function useShortcuts(
  actions: AppAction[],
  onEscape: () => void,
  nativeIds: ReadonlySet<string> = new Set(),
): void {
  const onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null
    const typing =
      !!target &&
      ((TYPING.has(target.tagName) && !NOT_TYPING.has((target as HTMLInputElement).type)) ||
        target.isContentEditable)
    if (event.key === 'Escape') return onEscape()
    if (typing && !(event.ctrlKey && event.key.toLowerCase() === 's')) return
    for (const action of actions) {
      if (nativeIds.has(action.id)) continue
      const shortcuts = action.shortcut ? [action.shortcut] : []
      if (action.id === 'redo') shortcuts.push('Ctrl+Y')
      if (action.id === 'delete') shortcuts.push('Backspace')
      if (!shortcuts.some((s) => matchesShortcut(event, s))) continue
      event.preventDefault()
      if (!action.enabled || action.enabled()) void action.run()
      return
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
