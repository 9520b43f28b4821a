/**
 * Who is calling. Every request is handled for a session, bound in main (never claimed by
 * the renderer): the Electron window or the web host token decides it.
 */
export type SessionRole = 'provider' | 'tenant'

export type SessionInfo =
  | { role: 'provider' }
  | {
      role: 'tenant'
      /** The only tenant whose data this session may receive. */
      tenantId: string
    }

/**
 * Who may make a call:
 * - `provider`: provider sessions only; tenant sessions get `forbidden`.
 * - `any`: both; the handler answers a tenant session with that tenant's projection only.
 */
export type CallAccess = 'provider' | 'any'
