/**
 * The app's actions, shared by the in-page menu bar, keyboard shortcuts and the Electron
 * menu: one list, one place to change a label or a shortcut.
 */
import type { Result } from '../../../../shared/contract'
import { useDesignStore } from '../../stores/design'
import { useEditorStore } from '../../stores/editor'
import { setSaveBeforeReplace } from '../../stores/discard-guard'
import { useFilesStore } from '../../stores/files'
import { useSelectionStore } from '../../stores/selection'
import { useUiStore, type ThemeChoice } from '../../stores/ui'
import { useHelpStore } from '../../stores/help'
import { failureText } from './failure-text'
import { warningsNotice } from './warnings-notice'
import {
  exportDesign,
  exportReport,
  importDesign,
  openDesign,
  openSample,
  saveDesign,
} from './design-files'

export interface AppAction {
  id: string
  label: string
  menu: 'File' | 'Edit' | 'View' | 'Arrange' | 'Help'
  /** Shown in menus, e.g. `Ctrl+Z`. */
  shortcut?: string
  enabled?: () => boolean
  /** For a choice among items (the theme): whether this item is the current one. */
  checked?: () => boolean
  run: () => unknown
}

const THEMES: Array<[ThemeChoice, string]> = [
  ['system', 'as the system'],
  ['light', 'light'],
  ['dark', 'dark'],
]

export function useAppActions(shell: 'electron' | 'web' = 'web'): AppAction[] {
  const design = useDesignStore()
  const editor = useEditorStore()
  const selection = useSelectionStore()
  const ui = useUiStore()
  // An open, import or export that went ahead with warnings (a field dropped, 0 GiB of disk,
  // memory read as bytes) says so and keeps them to read: they were dropped once (review s12 #1).
  const report = (r: Result<unknown> | undefined, done?: string, what = done ?? 'Done'): void => {
    if (!r) return
    if (!r.ok) return ui.notify('error', failureText(r.error))
    const warned = warningsNotice(r.value, what)
    if (warned) ui.notify('warning', warned.text, warned.detail)
    else if (done) ui.notify('info', done)
  }
  /** A save's outcome; one that left a run's results out says so (review s10a #2). */
  const saved = (r: Result<unknown> | undefined): void => {
    report(r)
    const left = r?.ok ? (r.value as { resultsNotSaved?: string }).resultsNotSaved : undefined
    if (left) ui.notify('info', left)
  }
  // "Save" in the unsaved-changes prompt saves as File → Save does.
  setSaveBeforeReplace(async () => {
    const r = await saveDesign(false)
    if (r?.ok) saved(r)
    return r
  })
  const hasSelection = (): boolean => selection.ids.length > 0
  return [
    {
      id: 'new',
      label: 'New design',
      menu: 'File',
      shortcut: 'Ctrl+N',
      run: async () => {
        report(await useFilesStore().newDesign())
      },
    },
    {
      id: 'open-sample',
      label: 'Open sample',
      menu: 'File',
      run: async () => report(await openSample()),
    },
    {
      id: 'open',
      label: 'Open…',
      menu: 'File',
      shortcut: 'Ctrl+O',
      run: async () => report(await openDesign(shell), 'Design opened'),
    },
    {
      id: 'save',
      label: 'Save',
      menu: 'File',
      shortcut: 'Ctrl+S',
      // the status bar shows the save status (from the design's state), so no notice here
      run: async () => saved(await saveDesign(false)),
    },
    {
      id: 'save-as',
      label: 'Save as…',
      menu: 'File',
      shortcut: 'Ctrl+Shift+S',
      run: async () => saved(await saveDesign(true)),
    },
    {
      id: 'export',
      label: 'Export report (HTML)',
      menu: 'File',
      shortcut: 'Ctrl+E',
      run: async () => report(await exportReport('html'), 'Report ready'),
    },
    {
      id: 'export-report-pdf',
      label: 'Export report (PDF)',
      menu: 'File',
      run: async () => report(await exportReport('pdf'), 'Report ready'),
    },
    {
      id: 'export-report-csv',
      label: 'Export report (CSV)',
      menu: 'File',
      run: async () => report(await exportReport('csv'), 'Report ready'),
    },
    {
      id: 'export-png',
      label: 'Export picture (PNG)',
      menu: 'File',
      run: () => ui.tellCanvas({ type: 'export-picture', format: 'png' }),
    },
    {
      id: 'export-svg',
      label: 'Export picture (SVG)',
      menu: 'File',
      run: () => ui.tellCanvas({ type: 'export-picture', format: 'svg' }),
    },
    {
      id: 'export-strata',
      label: 'Export Strata JSON',
      menu: 'File',
      run: async () => report(await exportDesign('strata')),
    },
    {
      id: 'export-opendc',
      label: 'Export OpenDC topology',
      menu: 'File',
      run: async () => report(await exportDesign('opendc'), undefined, 'Exported'),
    },
    {
      id: 'export-netbox',
      label: 'Export NetBox CSV',
      menu: 'File',
      run: async () => report(await exportDesign('netbox-csv'), undefined, 'Exported'),
    },
    {
      id: 'import-netbox',
      label: 'Import NetBox CSV…',
      menu: 'File',
      run: async () => report(await importDesign('netbox-csv'), 'Imported'),
    },
    {
      id: 'import-opendc',
      label: 'Import OpenDC topology…',
      menu: 'File',
      run: async () => report(await importDesign('opendc'), 'Imported'),
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
    // one item per theme, the current choice checked (a single item cycled blindly)
    ...THEMES.map(([choice, label]): AppAction => ({
      id: `theme-${choice}`,
      label: `Theme: ${label}`,
      menu: 'View',
      checked: () => ui.theme === choice,
      run: () => {
        ui.theme = choice
      },
    })),
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
    {
      id: 'guide-start',
      label: 'Getting started',
      menu: 'Help',
      shortcut: 'F1',
      run: () => useHelpStore().show(undefined, 'start'),
    },
    {
      id: 'guide',
      label: 'Guide: layers of virtualization',
      menu: 'Help',
      run: () => useHelpStore().show(),
    },
    {
      id: 'guide-metrics',
      label: 'Metrics',
      menu: 'Help',
      run: () => useHelpStore().show(undefined, 'metrics'),
    },
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
