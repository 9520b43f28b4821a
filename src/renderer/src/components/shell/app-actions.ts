/**
 * The app's actions, shared by the in-page menu bar, keyboard shortcuts and the Electron
 * menu: one list, one place to change a label or a shortcut.
 */
import { api } from '../../api'
import { useDesignStore } from '../../stores/design'
import { useEditorStore } from '../../stores/editor'
import { useSelectionStore } from '../../stores/selection'
import { useUiStore } from '../../stores/ui'
import { downloadDesign, pickAndLoadDesign } from './design-files'

export interface AppAction {
  id: string
  label: string
  menu: 'File' | 'Edit' | 'View' | 'Arrange'
  /** Shown in menus, e.g. `Ctrl+Z`. */
  shortcut?: string
  enabled?: () => boolean
  run: () => unknown
}

export function useAppActions(): AppAction[] {
  const design = useDesignStore()
  const editor = useEditorStore()
  const selection = useSelectionStore()
  const ui = useUiStore()
  const report = (r: { ok: boolean; error?: { message: string } }, done?: string): void => {
    if (!r.ok) ui.notify('error', r.error?.message ?? 'failed')
    else if (done) ui.notify('info', done)
  }
  const hasSelection = (): boolean => selection.ids.length > 0
  return [
    {
      id: 'new',
      label: 'New design',
      menu: 'File',
      shortcut: 'Ctrl+N',
      run: async () => report(await api.call('design:new', {})),
    },
    {
      id: 'open-sample',
      label: 'Open sample',
      menu: 'File',
      run: async () => report(await api.call('design:open-sample', { name: 'two-hall' })),
    },
    {
      id: 'open',
      label: 'Open…',
      menu: 'File',
      shortcut: 'Ctrl+O',
      run: async () => {
        const r = await pickAndLoadDesign()
        if (r) report(r, 'Design opened')
      },
    },
    {
      id: 'save',
      label: 'Save',
      menu: 'File',
      shortcut: 'Ctrl+S',
      run: () => downloadDesign(design, false),
    },
    {
      id: 'save-as',
      label: 'Save as…',
      menu: 'File',
      shortcut: 'Ctrl+Shift+S',
      run: () => downloadDesign(design, true),
    },
    {
      id: 'export',
      label: 'Export design JSON',
      menu: 'File',
      shortcut: 'Ctrl+E',
      run: () => downloadDesign(design, true),
    },
    {
      id: 'undo',
      label: 'Undo',
      menu: 'Edit',
      shortcut: 'Ctrl+Z',
      enabled: () => design.state.canUndo,
      run: () => design.undo(),
    },
    {
      id: 'redo',
      label: 'Redo',
      menu: 'Edit',
      shortcut: 'Ctrl+Shift+Z',
      enabled: () => design.state.canRedo,
      run: () => design.redo(),
    },
    {
      id: 'copy',
      label: 'Copy',
      menu: 'Edit',
      shortcut: 'Ctrl+C',
      enabled: hasSelection,
      run: editor.copy,
    },
    {
      id: 'paste',
      label: 'Paste',
      menu: 'Edit',
      shortcut: 'Ctrl+V',
      enabled: () => !!editor.clipboard,
      run: editor.paste,
    },
    {
      id: 'duplicate',
      label: 'Duplicate',
      menu: 'Edit',
      shortcut: 'Ctrl+D',
      enabled: hasSelection,
      run: editor.duplicate,
    },
    {
      id: 'delete',
      label: 'Delete',
      menu: 'Edit',
      shortcut: 'Delete',
      enabled: hasSelection,
      run: editor.deleteSelection,
    },
    {
      id: 'select-all',
      label: 'Select all',
      menu: 'Edit',
      shortcut: 'Ctrl+A',
      run: editor.selectAll,
    },
    {
      id: 'zoom-in',
      label: 'Zoom in',
      menu: 'View',
      shortcut: 'Ctrl+=',
      run: () => ui.tellCanvas({ type: 'zoom', factor: 1.25 }),
    },
    {
      id: 'zoom-out',
      label: 'Zoom out',
      menu: 'View',
      shortcut: 'Ctrl+-',
      run: () => ui.tellCanvas({ type: 'zoom', factor: 0.8 }),
    },
    {
      id: 'fit',
      label: 'Fit to window',
      menu: 'View',
      shortcut: 'Ctrl+0',
      run: () => ui.tellCanvas({ type: 'fit' }),
    },
    {
      id: 'theme',
      label: 'Theme: system / light / dark',
      menu: 'View',
      run: () => {
        ui.theme = ui.theme === 'system' ? 'light' : ui.theme === 'light' ? 'dark' : 'system'
      },
    },
    {
      id: 'link-mode',
      label: 'Link mode (drag between nodes)',
      menu: 'Arrange',
      shortcut: 'L',
      run: () => {
        ui.linkMode = !ui.linkMode
      },
    },
    { id: 'layout', label: 'Tiered layout', menu: 'Arrange', run: editor.layoutTiered },
  ]
}

/** Whether a keyboard event matches a shortcut such as `Ctrl+Shift+Z`. */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+')
  const key = parts.pop() as string
  const ctrl = parts.includes('Ctrl')
  const shift = parts.includes('Shift')
  if ((event.ctrlKey || event.metaKey) !== ctrl) return false
  if (key.length === 1 && /[A-Z]/.test(key)) {
    if (event.shiftKey !== shift) return false
    return event.key.toUpperCase() === key
  }
  if (shift && !event.shiftKey) return false
  if (key === '=') return event.key === '=' || event.key === '+'
  return event.key === key
}
