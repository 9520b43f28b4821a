/**
 * What every handler can reach: the open design, the event hub, where files live, and the
 * capabilities only a shell provides (native dialogs and windows in Electron). Plain Node,
 * no electron: the Electron shell passes its capabilities in as `shell`.
 */
import { DesignSession } from '../engine'
import { EventHub } from './event-hub'
import type { SessionInfo } from '../../shared/contract'

/** Capabilities that differ between the Electron app and the web host. */
export interface ShellCapabilities {
  kind: 'electron' | 'web'
  /** Native file dialogs (Electron only). */
  showOpenDialog?: (options: {
    title: string
    filters: Array<{ name: string; extensions: string[] }>
  }) => Promise<string | undefined>
  showSaveDialog?: (options: {
    title: string
    defaultPath?: string
    filters: Array<{ name: string; extensions: string[] }>
  }) => Promise<string | undefined>
  /** Opens a window bound to a tenant's view (Electron only). */
  openTenantWindow?: (tenantId: string) => Promise<void>
  /** Renders HTML to PDF (Electron's printToPDF); the CLI uses headless Chromium instead. */
  htmlToPdf?: (html: string) => Promise<Uint8Array>
}

/**
 * Session tokens of the web host: the provider's token is made at launch; tenant-bound
 * tokens are minted on request (e.g. to share a tenant's view with that tenant).
 */
export interface TokenRegistry {
  /** Mints a new token bound to `session`; returns the token and the URL that opens it. */
  mint: (session: SessionInfo) => { token: string; url: string }
  /** Revokes a tenant token by its public id (or any token by its secret); closes its sockets. */
  revoke: (idOrToken: string) => boolean
  /** The tenant-bound tokens in force, by public id (never the secrets). */
  list?: () => TenantTokenInfo[]
}

/** A tenant-bound token as the provider sees it. */
export interface TenantTokenInfo {
  id: string
  session: SessionInfo
  /** ISO 8601. */
  createdAt: string
  /** Open connections made with it. */
  connections: number
}

export interface AppPaths {
  /** The app's data folder: autosave, recent files, recovery. */
  dataDir: string
  /** Built-in sample designs (`*.strata.json`). */
  samplesDir: string
}

export interface AppContext {
  version: string
  design: DesignSession
  hub: EventHub
  paths: AppPaths
  shell: ShellCapabilities
  /** Web host only: mints tenant-bound tokens (set by the web host when it starts). */
  tokens?: TokenRegistry
  /** Release resources (workers, timers) when the app quits. */
  disposers: Array<() => void | Promise<void>>
}

export function createAppContext(options: {
  version: string
  paths: AppPaths
  shell: ShellCapabilities
  design?: DesignSession
}): AppContext {
  return {
    version: options.version,
    design: options.design ?? new DesignSession(),
    hub: new EventHub(),
    paths: options.paths,
    shell: options.shell,
    disposers: [],
  }
}
