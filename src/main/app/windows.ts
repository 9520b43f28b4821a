/**
 * Windows: context isolation, sandbox, no Node integration, a strict CSP (in index.html and
 * as a response header), every permission refused (requests and checks alike), no request
 * outside the app (no remote content, no other port of localhost; see request-policy.ts),
 * navigation, redirects, webviews and window.open denied.
 */
import { BrowserWindow, session as electronSession, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SessionInfo } from '../../shared/contract'
import { MIN_WINDOW_HEIGHT_PX, MIN_WINDOW_WIDTH_PX } from '../../shared/ui-limits'
import type { WindowSessions } from '../ipc/bridge'
import { APP_CSP, devOrigin, requestAllowed } from './request-policy'

const here = fileURLToPath(new URL('.', import.meta.url))

export function hardenSession(): void {
  const ses = electronSession.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  const dev = devOrigin(process.env.ELECTRON_RENDERER_URL)
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, dev) })
  })
  // The CSP as a response header too (the meta tag does not cover everything, e.g.
  // frame-ancestors); not on the dev server, whose hot reload needs more.
  if (!dev)
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [APP_CSP],
          'X-Content-Type-Options': ['nosniff'],
        },
      })
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
    // the layout is checked at this size (e2e designer-side-tabs)
    minWidth: MIN_WINDOW_WIDTH_PX,
    minHeight: MIN_WINDOW_HEIGHT_PX,
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
  win.webContents.on('will-redirect', (event) => event.preventDefault())
  win.webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) await win.loadURL(devUrl)
  else await win.loadFile(join(here, '../renderer/index.html'))
  return win
}

/** Opens external links in the OS browser only when the user asks (never inside the app). */
export const openExternal = (url: string): Promise<void> => shell.openExternal(url)
