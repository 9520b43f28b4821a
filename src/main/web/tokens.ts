/**
 * Session tokens of the web host: random, per launch, compared in constant time. Each token
 * has a public handle (`id`, safe to list and show), a separate asset key (the only thing
 * the cookie ever carries: it opens static files, never the API), and the sockets opened
 * with it, so that revoking a token closes them at once.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { SessionInfo } from '../../shared/contract'

/** A connection opened with a token; closed when the token is revoked. */
export interface TokenConnection {
  close: (code: number, reason: string) => void
}

/** One token, as the provider may see it (never the secret itself). */
export interface TokenRecord {
  /** Public handle: names the token in lists and in `revoke`. */
  id: string
  session: SessionInfo
  /** ISO 8601. */
  createdAt: string
  /** Open WebSocket connections made with it. */
  connections: number
}

interface Entry {
  id: string
  token: Buffer
  assetKey: Buffer
  session: SessionInfo
  createdAt: string
  connections: Set<TokenConnection>
}

/** WebSocket close code sent to the sockets of a revoked token (policy violation). */
export const REVOKED_CLOSE_CODE = 1008

/** Most sockets open at once with one token (tabs of one user); more are refused. */
export const MAX_CONNECTIONS_PER_TOKEN = 32

/** WebSocket close code for a connection over that limit (try again later). */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = 1013

const random = (bytes: number): string => randomBytes(bytes).toString('base64url')

function matches(known: Buffer, presented: string | null | undefined): boolean {
  if (!presented || presented.length > 200) return false
  const given = Buffer.from(presented)
  return given.length === known.length && timingSafeEqual(known, given)
}

export class SessionTokens {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** A new random token bound to `session` (or the given one, e.g. `STRATA_TOKEN`). */
  mint(session: SessionInfo, token: string = random(24)): string {
    const id = `tok-${random(9)}`
    this.entries.set(id, {
      id,
      token: Buffer.from(token),
      assetKey: Buffer.from(random(24)),
      session,
      createdAt: this.now().toISOString(),
      connections: new Set(),
    })
    return token
  }

  private find(presented: string | null | undefined): Entry | undefined {
    for (const entry of this.entries.values()) if (matches(entry.token, presented)) return entry
    return undefined
  }

  /** The session a presented token is bound to; `undefined` for a missing or unknown token. */
  resolve(presented: string | null | undefined): SessionInfo | undefined {
    return this.find(presented)?.session
  }

  /**
   * A presented token's public handle and session; `undefined` for a missing or unknown one.
   * The handle is the caller key of its connections (the owner of the work they start).
   */
  identify(presented: string | null | undefined): { id: string; session: SessionInfo } | undefined {
    const entry = this.find(presented)
    return entry && { id: entry.id, session: entry.session }
  }

  /** The cookie value that lets a browser holding `token` load the static files. */
  assetKeyFor(token: string): string | undefined {
    return this.find(token)?.assetKey.toString()
  }

  /** Whether a presented asset key (from the cookie) belongs to a live token. */
  assetKeyValid(presented: string | null | undefined): boolean {
    for (const entry of this.entries.values()) if (matches(entry.assetKey, presented)) return true
    return false
  }

  /** Records a connection opened with `token`; returns its release (call on close). */
  attach(token: string, connection: TokenConnection): () => void {
    const entry = this.find(token)
    if (!entry) {
      connection.close(REVOKED_CLOSE_CODE, 'token revoked')
      return () => undefined
    }
    if (entry.connections.size >= MAX_CONNECTIONS_PER_TOKEN) {
      connection.close(
        TOO_MANY_CONNECTIONS_CLOSE_CODE,
        `at most ${MAX_CONNECTIONS_PER_TOKEN} connections per token`,
      )
      return () => undefined
    }
    entry.connections.add(connection)
    return () => entry.connections.delete(connection)
  }

  /** Tenant-bound tokens (the provider's own token is not listed), oldest first. */
  listTenantTokens(): TokenRecord[] {
    return [...this.entries.values()]
      .filter((e) => e.session.role === 'tenant')
      .map((e) => ({
        id: e.id,
        session: e.session,
        createdAt: e.createdAt,
        connections: e.connections.size,
      }))
  }

  /**
   * Revokes every tenant-bound token and closes their sockets with `reason` (the open design
   * was replaced: its tenant links must not show another design's tenant of the same id).
   * Returns how many were revoked; the provider's token stays.
   */
  revokeTenantTokens(reason: string): number {
    let revoked = 0
    for (const entry of [...this.entries.values()]) {
      if (entry.session.role !== 'tenant') continue
      this.drop(entry, reason)
      revoked++
    }
    return revoked
  }

  /**
   * Revokes a tenant token by its id, or any token by its secret; closes every socket opened
   * with it. Returns whether one was revoked. The provider token cannot be revoked by id.
   */
  revoke(idOrToken: string): boolean {
    let entry = this.entries.get(idOrToken)
    if (entry && entry.session.role !== 'tenant') entry = undefined
    entry ??= this.find(idOrToken)
    if (!entry) return false
    this.drop(entry, 'the provider revoked it')
    return true
  }

  /** Forgets `entry` and closes its sockets with `reason`. */
  private drop(entry: Entry, reason: string): void {
    this.entries.delete(entry.id)
    for (const connection of entry.connections) connection.close(REVOKED_CLOSE_CODE, reason)
    entry.connections.clear()
  }
}
