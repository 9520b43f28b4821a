/**
 * The tenant guard: knows which strings a tenant must never receive (other tenants' ids and
 * names, their workloads' and networks' ids and names, the provider's hosts, racks, switches,
 * storage systems, links, physical zones) and finds or redacts them in
 * any payload. The projection uses it to scrub free text; the boundary (handlers, event
 * projections) runs `findLeaks` on every payload before it leaves main.
 *
 * Matching: an occurrence of a forbidden string inside an occurrence of a string the tenant
 * may see (its own ids and names, allowed host names, the view's pseudonyms, what it sent
 * itself) is not a leak. Tokens of 3+ characters match anywhere between non-alphanumeric boundaries;
 * shorter ones only as a whole string.
 */
import type { Design } from '../../../shared/design/schema'
import { formatPath } from '../../../shared/domain/problem'
import { createTokenMatcher, type TokenMatch, type TokenMatcher } from './token-matcher'

export interface Leak {
  /** JSON path of the string, e.g. `instances[3].workloadName`, or `<key>` for an object key. */
  path: string
  /** The foreign or provider-only token found. */
  token: string
}

export interface TenantGuard {
  readonly tenantId: string
  /**
   * Every leak in a JSON-like payload (strings in values and keys).
   * @param echoed strings the tenant itself sent (e.g. the id it asked about): echoing them
   *   back reveals nothing, provided the answer reads the same whether or not they exist.
   */
  findLeaks(payload: unknown, echoed?: ReadonlyArray<string>): Leak[]
  /** The text with every forbidden token replaced by `hidden`. */
  redact(text: string, hidden?: string): string
  /** Whether a token is forbidden for this tenant (exact match). */
  isForbidden(token: string): boolean
}

export interface GuardOptions {
  /** Hosts whose ids and names the tenant may see (its own hosts when `showHostNames`). */
  visibleHostIds?: Iterable<string>
  /** More strings the tenant may see (e.g. zone pseudonyms). */
  allow?: Iterable<string>
}

function add(set: Set<string>, value: string | undefined): void {
  if (value !== undefined && value.trim() !== '') set.add(value)
}

/** Builds the guard for one tenant of a design. */
export function createTenantGuard(
  design: Design,
  tenantId: string,
  options: GuardOptions = {},
): TenantGuard {
  const allowed = new Set<string>()
  const forbidden = new Set<string>()
  const visibleHosts = new Set(options.visibleHostIds ?? [])
  for (const value of options.allow ?? []) add(allowed, value)
  for (const t of design.tenants) {
    const set = t.id === tenantId ? allowed : forbidden
    add(set, t.id)
    add(set, t.name)
  }
  const ownTraces = new Set<string>()
  for (const w of design.workloads) {
    const set = w.tenantId === tenantId ? allowed : forbidden
    add(set, w.id)
    add(set, w.name)
    if (w.tenantId === tenantId) {
      add(allowed, w.storageClass)
      if (w.traceId) ownTraces.add(w.traceId)
    }
  }
  for (const n of design.networks) {
    const set = n.tenantId === tenantId ? allowed : forbidden
    add(set, n.id)
    add(set, n.name)
  }
  for (const h of design.hosts) {
    const set = visibleHosts.has(h.id) ? allowed : forbidden
    add(set, h.id)
    add(set, h.name)
  }
  for (const list of [design.racks, design.switches, design.storage, design.zones]) {
    for (const item of list) {
      add(forbidden, item.id)
      add(forbidden, item.name)
    }
  }
  for (const l of design.links) add(forbidden, l.id)
  for (const tr of design.traces) {
    if (ownTraces.has(tr.id)) continue
    add(forbidden, tr.id)
    add(forbidden, tr.name)
  }
  for (const token of allowed) forbidden.delete(token)

  const short = new Set([...forbidden].filter((t) => t.length < 3))
  const long = createTokenMatcher([...forbidden].filter((t) => t.length >= 3))
  const own = createTokenMatcher(allowed)
  // Strings seen clean before (views repeat names, kinds and ids a lot).
  const clean = new Set<string>()

  /** Forbidden occurrences not inside an allowed (or echoed) occurrence. */
  function leaksIn(text: string, echoed: TokenMatcher | undefined): TokenMatch[] {
    const found = long.find(text)
    if (found.length === 0) return found
    const kept = [...own.find(text), ...(echoed?.find(text) ?? [])]
    return found.filter((f) => !kept.some((k) => k.start <= f.start && f.end <= k.end))
  }

  function scan(text: string, echoed: TokenMatcher | undefined): string | undefined {
    if (clean.has(text)) return undefined
    if (short.has(text) && !echoed?.find(text).some((m) => m.end - m.start === text.length))
      return text
    const leak = leaksIn(text, echoed)[0]
    if (leak) return leak.token
    if (!echoed) {
      if (clean.size > 50_000) clean.clear()
      clean.add(text)
    }
    return undefined
  }

  /** Walks a payload; paths are formatted only for leaks (payloads can be large). */
  function walk(
    value: unknown,
    path: Array<string | number>,
    out: Leak[],
    echoed?: TokenMatcher,
  ): void {
    if (typeof value === 'string') {
      const token = scan(value, echoed)
      if (token !== undefined) out.push({ path: formatPath(path), token })
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item === 'number' || typeof item === 'boolean') continue
        path.push(i)
        walk(item, path, out, echoed)
        path.pop()
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const token = scan(key, echoed)
        if (token !== undefined) out.push({ path: `${formatPath(path)}<key>`, token })
        const item: unknown = (value as Record<string, unknown>)[key]
        if (typeof item === 'number' || typeof item === 'boolean') continue
        path.push(key)
        walk(item, path, out, echoed)
        path.pop()
      }
    }
  }

  return {
    tenantId,
    findLeaks(payload, echoed) {
      const out: Leak[] = []
      const echoes = echoed && echoed.length > 0 ? createTokenMatcher(echoed) : undefined
      walk(payload, [], out, echoes)
      return out
    },
    redact(text, hidden = 'another host') {
      if (short.has(text)) return hidden
      // Replace leaks left to right, longest first where they overlap.
      const leaks = leaksIn(text, undefined).sort((a, b) => a.start - b.start || b.end - a.end)
      let out = ''
      let at = 0
      for (const leak of leaks) {
        if (leak.start < at) continue
        out += text.slice(at, leak.start) + hidden
        at = leak.end
      }
      return out + text.slice(at)
    },
    isForbidden(token) {
      return forbidden.has(token)
    },
  }
}
