/** The Electron app: services, IPC, windows, menus. The only place besides ipc/ importing electron. */
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { startServices } from '../services'
import { appVersion, findAppRoot } from '../services/paths'
import { wireIpc } from '../ipc/bridge'
import { installMenu } from './menu'
import { hardenSession, openWindow } from './windows'

let quitting = false

export async function runElectronApp(): Promise<void> {
  await app.whenReady()
  hardenSession()
  const root = findAppRoot()
  const sessions = { current: undefined as ReturnType<typeof wireIpc> | undefined }
  const services = startServices({
    version: appVersion(root),
    paths: { dataDir: app.getPath('userData'), samplesDir: join(root, 'resources', 'samples') },
    shell: {
      kind: 'electron',
      showOpenDialog: async ({ title, filters }) => {
        const r = await dialog.showOpenDialog({ title, filters, properties: ['openFile'] })
        return r.canceled ? undefined : r.filePaths[0]
      },
      showSaveDialog: async ({ title, defaultPath, filters }) => {
        const r = await dialog.showSaveDialog({ title, defaultPath, filters })
        return r.canceled ? undefined : r.filePath
      },
      openTenantWindow: async (tenantId) => {
        if (sessions.current)
          await openWindow(
            sessions.current,
            { role: 'tenant', tenantId },
            `Strata: tenant ${tenantId}`,
          )
      },
      htmlToPdf: async (html) => {
        const win = new BrowserWindow({
          show: false,
          webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
        })
        try {
          await win.loadURL('data:text/html;charset=utf-8,' + encodeURIComponent(html))
          return new Uint8Array(
            await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }),
          )
        } finally {
          win.destroy()
        }
      },
    },
  })
  sessions.current = wireIpc(services)
  installMenu()
  const main = await openWindow(sessions.current, { role: 'provider' }, 'Strata')
  const title = (): void => {
    const state = services.ctx.design.state
    if (!main.isDestroyed())
      main.setTitle(`${state.dirty ? '• ' : ''}${services.ctx.design.design.meta.name} — Strata`)
  }
  title()
  services.ctx.disposers.push(services.ctx.design.onChange(title))
  // Closing the main window (or quitting) with unsaved changes asks first; an autosave is
  // kept either way and offered for recovery on the next start.
  main.on('close', (event) => {
    if (!services.ctx.design.state.dirty || quitting) return
    event.preventDefault()
    void dialog
      .showMessageBox(main, {
        type: 'warning',
        buttons: ['Close without saving', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'The design has unsaved changes.',
        detail:
          'An autosave is kept in the data folder and offered for recovery on the next start.',
      })
      .then(({ response }) => {
        if (response !== 0) return
        quitting = true
        main.close()
      })
  })
  app.on('window-all-closed', () => {
    void services.dispose().finally(() => app.quit())
  })
}
