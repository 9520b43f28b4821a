/** Serving the built renderer: only files inside its folder, with a strict CSP. */
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/** The same policy as the Electron window's: nothing remote, scripts only from the app. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | undefined> {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (rel === '/' || rel === '') rel = '/index.html'
  const full = normalize(join(root, rel))
  if (!full.startsWith(normalize(root) + sep)) return undefined
  try {
    const info = await stat(full)
    if (!info.isFile()) return undefined
    return { body: await readFile(full), type: TYPES[extname(full)] ?? 'application/octet-stream' }
  } catch {
    return undefined
  }
}
