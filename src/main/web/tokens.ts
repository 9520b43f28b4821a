/** Session tokens of the web host: random, per launch, compared in constant time. */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { SessionInfo } from '../../shared/contract'

export class SessionTokens {
  private readonly sessions = new Map<string, SessionInfo>()

  /** A new random token bound to `session`. */
  mint(session: SessionInfo, token: string = randomBytes(24).toString('base64url')): string {
    this.sessions.set(token, session)
    return token
  }

  revoke(token: string): boolean {
    return this.sessions.delete(token)
  }

  /** The session a presented token is bound to; `undefined` for a missing or unknown token. */
  resolve(presented: string | null | undefined): SessionInfo | undefined {
    if (!presented) return undefined
    const given = Buffer.from(presented)
    for (const [token, session] of this.sessions) {
      const known = Buffer.from(token)
      if (known.length === given.length && timingSafeEqual(known, given)) return session
    }
    return undefined
  }
}
