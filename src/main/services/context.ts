/**
 * What every handler can reach: the app's owned state (the open design, its current
 * placement, the simulation runs, the tenant views kept from them), the event hub, where
 * files live, and the capabilities only a shell provides (native dialogs and windows in
 * Electron). Plain Node, no electron: the Electron shell passes its capabilities in as `shell`.
 *
 * State flows by typed callbacks, never over the hub: the design session, the placement and
 * the runs tell their listeners (tenancy) first, then publish their events to sessions.
 */
import { DesignSession } from '../engine'
import { DesignEpoch } from './design-epoch'
import { designProblems } from './design-problems'
import { EventHub } from './event-hub'
import { CurrentPlacement } from './placement/current-placement'
import { ReportJobs } from './reports/report-jobs'
import { SimulationRuns } from './simulation/runs'
import { tenantEventGuard } from './tenancy/boundary'
import { TenancyViews } from './tenancy/tenancy-views'
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
  /** The open design, its undo history and problems. */
  design: DesignSession
  /**
   * Counts replaces of the open design and runs the hooks that close old links and drop the
   * old design's state first (`design-epoch.ts`).
   */
  epoch: DesignEpoch
  /** The scheduler's placement of the open design (`scheduler:` calls). */
  placement: CurrentPlacement
  /** Simulation runs of this app session, in worker threads (`simulation:` calls). */
  runs: SimulationRuns
  /** Tenant views, fed by the design, the placement and the runs (`tenancy:` calls). */
  tenancy: TenancyViews
  /** Pushed events to sessions (provider sessions, tenant-bound ones). */
  hub: EventHub
  /**
   * Report jobs in progress (`reports:` calls), waiting, running or printing; a shutdown
   * stops them and waits for their callers' answers (`ReportJobs.stop`).
   */
  reportJobs: ReportJobs
  paths: AppPaths
  shell: ShellCapabilities
  /** Web host only: mints tenant-bound tokens (set by the web host when it starts). */
  tokens?: TokenRegistry
  /** Release resources (workers, timers) when the app quits. */
  disposers: Array<() => void | Promise<void>>
}

/**
 * Builds the context and wires its state: a replace of the design drops the placement, the
 * runs and tenancy's state before anything else hears of it; design changes go to provider
 * sessions as `design:changed`; tenancy listens to the design, the placement and the runs; the hub checks
 * every tenant-bound event at the tenancy boundary. `disposers` stop the runs and listeners.
 */
export function createAppContext(options: {
  version: string
  paths: AppPaths
  shell: ShellCapabilities
  design?: DesignSession
}): AppContext {
  const design = options.design ?? new DesignSession()
  // First of all listeners: a replace closes old links and drops old state before anyone
  // (tenancy's pushes, `design:changed`) hears of the new design.
  const epoch = new DesignEpoch(design)
  const hub = new EventHub()
  // Before tenancy subscribes, so `design:changed` goes out before `tenancy:changed`.
  const stopDesignEvents = publishDesignChanges(design, hub, epoch)
  const placement = new CurrentPlacement(design, hub)
  const runs = new SimulationRuns(hub)
  const tenancy = new TenancyViews({ design, placement, runs, hub })
  hub.allowForTenant = tenantEventGuard({ design, tenancy })
  const stopResets = [
    epoch.onReplaced('reset', () => placement.forget()),
    epoch.onReplaced('reset', () => runs.forget()),
    epoch.onReplaced('reset', () => tenancy.reset()),
  ]
  return {
    version: options.version,
    design,
    epoch,
    placement,
    runs,
    tenancy,
    hub,
    reportJobs: new ReportJobs(),
    paths: options.paths,
    shell: options.shell,
    disposers: [
      () => epoch.dispose(),
      ...stopResets,
      stopDesignEvents,
      () => runs.dispose(),
      () => placement.dispose(),
      () => tenancy.dispose(),
    ],
  }
}

/**
 * Pushes `design:changed` to provider sessions on every change (tenant views get their own
 * events). Changed settings travel with it, so windows patch them instead of refetching.
 */
function publishDesignChanges(
  design: DesignSession,
  hub: EventHub,
  epoch: DesignEpoch,
): () => void {
  return design.onChange((change) => {
    const { changes } = change
    // a replace says what it stopped (the epoch's hooks ran before this listener)
    const notices = changes.replaced ? epoch.notices : []
    const patch = changes.replaced
      ? notices.length > 0
        ? { notices: [...notices] }
        : {}
      : {
          ...(changes.metaChanged ? { meta: design.design.meta } : {}),
          ...(changes.simulationChanged ? { simulation: design.design.simulation } : {}),
        }
    hub.publish('design:changed', {
      state: change.state,
      changes,
      ...designProblems(design.problems),
      ...patch,
    })
  })
}
