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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One regex matching any of the tokens (longest first), by default between word boundaries. */
function alternation(tokens: Iterable<string>, bounded = true): RegExp | undefined {
  const list = [...tokens].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  if (list.length === 0) return undefined
  const body = `(?:${list.map(escape).join('|')})`
  return new RegExp(bounded ? `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])` : body, 'g')
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
  add(forbidden, design.meta.name)
  for (const token of allowed) forbidden.delete(token)

  const short = new Set([...forbidden].filter((t) => t.length < 3))
  const long = alternation([...forbidden].filter((t) => t.length >= 3))
  const mask = alternation(allowed)

  // Strings seen clean before (views repeat names, kinds and ids a lot).
  const clean = new Set<string>()

  function scan(text: string, echoed: RegExp | undefined): string | undefined {
    if (clean.has(text)) return undefined
    const unechoed = echoed ? text.replace(echoed, '\uE000') : text
    if (short.has(unechoed)) return unechoed
    if (!long) return undefined
    long.lastIndex = 0
    // Mask the tenant's own strings only when a forbidden token shows up at all.
    let found = long.exec(unechoed)
    if (found && mask) {
      long.lastIndex = 0
      found = long.exec(unechoed.replace(mask, '\uE000'))
    }
    if (found) return found[0]
    if (!echoed) {
      if (clean.size > 50_000) clean.clear()
      clean.add(text)
    }
    return undefined
  }

  function walk(value: unknown, path: string, out: Leak[], echoed?: RegExp): void {
    if (typeof value === 'string') {
      const token = scan(value, echoed)
      if (token !== undefined) out.push({ path, token })
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, out, echoed))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const token = scan(key, echoed)
        if (token !== undefined) out.push({ path: `${path}<key>`, token })
        walk(item, path === '' ? key : `${path}.${key}`, out, echoed)
      }
    }
  }

  return {
    tenantId,
    findLeaks(payload, echoed) {
      const out: Leak[] = []
      const echoes = alternation(
        (echoed ?? []).filter((e) => e !== ''),
        false,
      )
      walk(payload, '', out, echoes)
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
