/** How calls reach main: the Electron preload bridge, or the web host's WebSocket. */
import type { EventName, Result } from '../../../shared/contract'

export interface Transport {
  call(name: string, request: unknown): Promise<Result<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
  /**
   * Calls `listener` with main's reason when this session's link was closed for good (its
   * token revoked, say because the provider opened another design); returns the unsubscribe.
   * Absent where links cannot be closed (Electron).
   */
  onLinkClosed?(listener: (reason: string) => void): () => void
}

/** What the preload exposes as `window.strata` (see src/preload/index.ts). */
export interface PreloadBridge {
  call(name: string, request: unknown): Promise<Result<unknown>>
  on(event: string, listener: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    strata?: PreloadBridge
  }
}
