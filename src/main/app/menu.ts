/**
 * The native application menu. Items that act on the design go to the focused window's
 * renderer as `app:menu` events (the renderer owns selection and dialogs' wording); the
 * window title shows the design name and an unsaved mark.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron'
import { WIRE } from '../../shared/contract'
import type { MenuCommand } from '../../shared/contract'

function send(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  win?.webContents.send(WIRE.event, 'app:menu', { command })
}

const item = (
  label: string,
  command: MenuCommand,
  accelerator?: string,
): MenuItemConstructorOptions => ({
  label,
  accelerator,
  click: () => send(command),
})

export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        item('New Design', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        item('Export Report…', 'export', 'CmdOrCtrl+E'),
        item('Export Picture (PNG)…', 'export-png'),
        item('Export Picture (SVG)…', 'export-svg'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Delete', 'delete', 'Delete'),
        item('Select All', 'select-all', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Fit', 'zoom-fit', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
