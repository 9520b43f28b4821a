/**
 * What the web host checks on every HTTP request and WebSocket upgrade before anything else,
 * as pure functions that never throw, whatever the client sent:
 * - `Host` must name this server (127.0.0.1 or localhost at its port): a page from another
 *   site that rebinds a name to 127.0.0.1 still sends its own name.
 * - `Origin`, when present, must be the served origin: a page on another port of 127.0.0.1
 *   is same-site to the browser, so SameSite cookies alone do not keep it out.
 * - The API token must come in the request itself (the URL); the cookie holds only an asset
 *   key that opens the static files, and only for the app's own page.
 */
import type { IncomingHttpHeaders } from 'node:http'

/** The parsed request target, or `undefined` when it is not an origin-form path. */
export function parseTarget(
  raw: string | undefined,
): { pathname: string; searchParams: URLSearchParams } | undefined {
  // Only `/path?query`; `//host/...`, absolute URLs and `*` are refused, not resolved.
  if (!raw || raw.length > 8192 || !raw.startsWith('/') || raw.startsWith('//')) return undefined
  try {
    const url = new URL(raw, 'http://127.0.0.1')
    return { pathname: url.pathname, searchParams: url.searchParams }
  } catch {
    return undefined
  }
}

/** A cookie's value, percent-decoded; `undefined` when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 16384) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    const value = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(value) || undefined
    } catch {
      return undefined
    }
  }
  return undefined
}

/** The `Host` values this server answers to. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

/** The origins of the app's own page. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export type Refusal = { status: 400 | 401 | 403; reason: string }

/** Host check for every request and upgrade. */
export function checkHost(headers: IncomingHttpHeaders, hosts: Set<string>): Refusal | undefined {
  const host = single(headers.host)?.toLowerCase()
  return host && hosts.has(host)
    ? undefined
    : { status: 403, reason: 'this server answers only to its own address' }
}

/**
 * Origin check for an upgrade: a browser always sends `Origin` on a WebSocket, and it must be
 * ours; a client without one (not a browser) must carry the token in the URL.
 */
export function checkUpgradeOrigin(
  headers: IncomingHttpHeaders,
  origins: Set<string>,
): Refusal | undefined {
  const origin = single(headers.origin)
  if (origin === undefined) return undefined
  return origins.has(origin.toLowerCase())
    ? undefined
    : { status: 403, reason: 'a page from another origin may not connect' }
}

/**
 * Whether a static-file request that relies on the cookie alone comes from the app's own
 * page: browsers say so in `Sec-Fetch-Site` (`same-origin`); a request from another site or
 * another port of this machine (`same-site`, `cross-site`), or from a client that does not
 * say, must bring the token in its URL instead.
 */
export function cookieRequestIsOwnPage(
  headers: IncomingHttpHeaders,
  origins: Set<string>,
): boolean {
  if (single(headers['sec-fetch-site']) !== 'same-origin') return false
  const origin = single(headers.origin)
  return origin === undefined || origins.has(origin.toLowerCase())
}
