/**
 * What the Electron app's pages may load, as pure functions (tested without Electron): the
 * app's own files, in-page `data:`/`blob:` URLs, DevTools, and in development the one dev
 * server origin; nothing else, and in particular no other port of localhost (a local web
 * server there is another program, and a page of the app must not talk to it).
 */

/** The same policy as the web host's and index.html's meta tag. */
export { WEB_CSP as APP_CSP } from '../web/static-files'

/** The origin of the dev server (`ELECTRON_RENDERER_URL`), if the app runs from one. */
export function devOrigin(devUrl: string | undefined): string | undefined {
  if (!devUrl) return undefined
  try {
    return new URL(devUrl).origin
  } catch {
    return undefined
  }
}

/** Whether a request to `url` is allowed (`devOrigin`: the dev server, in development). */
export function requestAllowed(url: string, devServer?: string): boolean {
  if (/^(file|devtools|data|blob):/i.test(url)) return true
  if (!devServer) return false
  try {
    const target = new URL(url)
    const dev = new URL(devServer)
    // The dev server's page and its hot-reload socket (ws: on the same host and port).
    const scheme =
      target.protocol === 'ws:' ? 'http:' : target.protocol === 'wss:' ? 'https:' : target.protocol
    return scheme === dev.protocol && target.host === dev.host
  } catch {
    return false
  }
}
