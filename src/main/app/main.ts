/** The Electron app: services, IPC, windows, menus. The only place besides ipc/ importing electron. */
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { join } from 'node:path'
import { startServices } from '../services'
import { appVersion, findAppRoot } from '../services/paths'
import { wireIpc } from '../ipc/bridge'
import { hardenSession, openWindow } from './windows'

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
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  )
  await openWindow(sessions.current, { role: 'provider' }, 'Strata')
  app.on('window-all-closed', () => {
    void services.dispose().finally(() => app.quit())
  })
}
