/**
 * Windows: context isolation, sandbox, no Node integration, a strict CSP (in index.html and
 * as a response header), no remote content, navigation and window.open denied.
 */
import { BrowserWindow, session as electronSession, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SessionInfo } from '../../shared/contract'
import type { WindowSessions } from '../ipc/bridge'

const here = fileURLToPath(new URL('.', import.meta.url))

export function hardenSession(): void {
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  electronSession.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const local =
      url.startsWith('file://') ||
      url.startsWith('devtools://') ||
      /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url)
    callback({ cancel: !local })
  })
}

export async function openWindow(
  sessions: WindowSessions,
  session: SessionInfo,
  title: string,
): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title,
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  sessions.bind(win.webContents, session)
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) await win.loadURL(devUrl)
  else await win.loadFile(join(here, '../renderer/index.html'))
  return win
}

/** Opens external links in the OS browser only when the user asks (never inside the app). */
export const openExternal = (url: string): Promise<void> => shell.openExternal(url)
