/** UI-only flags: theme, side panel, link mode, open menu, context menu, notices. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export type SidePanel = 'inspector' | 'tenants' | 'simulation' | 'experiments' | 'problems'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface ContextMenuState {
  x: number
  y: number
  /** Element the menu is about; none for the empty canvas. */
  targetId?: string
  targetKind?: string
}

/** Requests from menus and shortcuts to the canvas (which owns the Cytoscape instance). */
export type CanvasCommand =
  | { type: 'fit' }
  | { type: 'zoom'; factor: number }
  | { type: 'connect-from'; id: string }
  | { type: 'focus'; id: string }
  /** Download a picture of the whole canvas. */
  | { type: 'export-picture'; format: 'png' | 'svg' }

/** How a status bar notice reads and how long it stays (see `notice`). */
export type NoticeKind = 'info' | 'warning' | 'error'

export const useUiStore = defineStore('ui', () => {
  const panel = ref<SidePanel>('inspector')
  const theme = ref<ThemeChoice>('system')
  /** Whether the OS asks for dark colours (App keeps it current). */
  const prefersDark = ref(false)
  /** The theme in effect: the choice, or the OS's for `system`. */
  const appliedTheme = computed<'light' | 'dark'>(() =>
    theme.value === 'system' ? (prefersDark.value ? 'dark' : 'light') : theme.value,
  )
  const linkMode = ref(false)
  const contextMenu = ref<ContextMenuState | undefined>()
  /** The menu-bar menu that is open (`File`, ...), if any. */
  const openMenu = ref<string | undefined>()
  /**
   * The status bar's last notice. `info` goes with the next change of the design; `warning`
   * and `error` stay until clicked away; `detail` is its full text (the tooltip), e.g. every
   * warning of an import when `text` names the first.
   */
  const notice = ref<{ kind: NoticeKind; text: string; detail?: string } | undefined>()
  /** Last command for the canvas, with a counter so the same command can repeat. */
  const canvasCommand = ref<{ seq: number; command: CanvasCommand } | undefined>()
  let seq = 0

  function tellCanvas(command: CanvasCommand): void {
    canvasCommand.value = { seq: ++seq, command }
  }

  function notify(kind: NoticeKind, text: string, detail?: string): void {
    notice.value = detail === undefined ? { kind, text } : { kind, text, detail }
  }

  return {
    panel,
    theme,
    prefersDark,
    appliedTheme,
    linkMode,
    contextMenu,
    openMenu,
    notice,
    canvasCommand,
    tellCanvas,
    notify,
  }
})
