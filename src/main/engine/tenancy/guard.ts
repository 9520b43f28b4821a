/**
 * The tenant guard: knows which strings a tenant must never receive (other tenants' ids and
 * names, their workloads' and networks' ids and names, the provider's hosts, racks, switches,
 * storage systems, links, physical zones and the design's name) and finds or redacts them in
 * any payload. The projection uses it to scrub free text; the boundary (handlers, event
 * projections) runs `findLeaks` on every payload before it leaves main.
 *
 * Matching: strings the tenant may see (its own ids and names, allowed host names, the view's
 * pseudonyms) are masked first, so a foreign token that happens to be part of an own name is
 * not a leak. Tokens of 3+ characters match anywhere between non-alphanumeric boundaries;
 * shorter ones only as a whole string.
 */
import type { Design } from '../../../shared/design/schema'

export interface Leak {
  /** JSON path of the string, e.g. `instances[3].workloadName`, or `<key>` for an object key. */
  path: string
  /** The foreign or provider-only token found. */
  token: string
}

export interface TenantGuard {
  readonly tenantId: string
  /** Every leak in a JSON-like payload (strings in values and keys). */
  findLeaks(payload: unknown): Leak[]
  /** The text with every forbidden token replaced by `hidden`. */
  redact(text: string, hidden?: string): string
  /** Whether a token is forbidden for this tenant (exact match). */
  isForbidden(token: string): boolean
}

export interface GuardOptions {
  /** Host ids whose names the tenant may see (its own hosts when `showHostNames`). */
  visibleHostIds?: Iterable<string>
  /** More strings the tenant may see (e.g. zone pseudonyms). */
  allow?: Iterable<string>
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function alternation(tokens: Iterable<string>): RegExp | undefined {
  const list = [...tokens].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  if (list.length === 0) return undefined
  return new RegExp(`(?<![A-Za-z0-9])(?:${list.map(escape).join('|')})(?![A-Za-z0-9])`, 'g')
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
    add(forbidden, h.id)
    add(visibleHosts.has(h.id) ? allowed : forbidden, h.name)
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
  add(forbidden, design.meta.name)
  for (const token of allowed) forbidden.delete(token)

  const short = new Set([...forbidden].filter((t) => t.length < 3))
  const long = alternation([...forbidden].filter((t) => t.length >= 3))
  const mask = alternation(allowed)

  function scan(text: string): string | undefined {
    if (short.has(text)) return text
    if (!long) return undefined
    const masked = mask ? text.replace(mask, '\uE000') : text
    long.lastIndex = 0
    const found = long.exec(masked)
    return found ? found[0] : undefined
  }

  function walk(value: unknown, path: string, out: Leak[]): void {
    if (typeof value === 'string') {
      const token = scan(value)
      if (token !== undefined) out.push({ path, token })
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, out))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const token = scan(key)
        if (token !== undefined) out.push({ path: `${path}<key>`, token })
        walk(item, path === '' ? key : `${path}.${key}`, out)
      }
    }
  }

  return {
    tenantId,
    findLeaks(payload) {
      const out: Leak[] = []
      walk(payload, '', out)
      return out
    },
    redact(text, hidden = 'another host') {
      if (short.has(text)) return hidden
      if (!long) return text
      // Mask allowed tokens with placeholders, redact, then restore them.
      const kept: string[] = []
      const masked = mask
        ? text.replace(mask, (m) => {
            kept.push(m)
            return `\uE000${kept.length - 1}\uE000`
          })
        : text
      const redacted = masked.replace(long, hidden)
      return redacted.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)] ?? '')
    },
    isForbidden(token) {
      return forbidden.has(token)
    },
  }
}
