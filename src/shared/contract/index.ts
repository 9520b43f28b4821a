/**
 * The one typed contract between the renderer and main: `domain:verb` calls and pushed
 * events. Zod-free (the preload bundles it); request schemas live in `./schemas`.
 * Main's handlers (src/main/services/handlers) and the preload API are derived from it.
 */
import type { CallAccess } from './session'
import type { Result } from './result'
import { designCalls, designEventNames } from './calls/design'
import type { DesignEvents, DesignRequests, DesignResponses } from './calls/design'
import { filesCalls, filesEventNames } from './calls/files'
import type { FilesEvents, FilesRequests, FilesResponses } from './calls/files'
import { reportsCalls, reportsEventNames } from './calls/reports'
import type { ReportsEvents, ReportsRequests, ReportsResponses } from './calls/reports'
import { schedulerCalls, schedulerEventNames } from './calls/scheduler'
import type { SchedulerEvents, SchedulerRequests, SchedulerResponses } from './calls/scheduler'
import { simulationCalls, simulationEventNames } from './calls/simulation'
import type { SimulationEvents, SimulationRequests, SimulationResponses } from './calls/simulation'
import { tenancyCalls, tenancyEventNames } from './calls/tenancy'
import { experimentsCalls, experimentsEventNames } from './calls/experiments'
import type {
  ExperimentsEvents,
  ExperimentsRequests,
  ExperimentsResponses,
} from './calls/experiments'
import type { TenancyEvents, TenancyRequests, TenancyResponses } from './calls/tenancy'
import { stackCalls, stackEventNames } from './calls/stack'
import type { StackEvents, StackRequests, StackResponses } from './calls/stack'

export * from './result'
export * from './session'
export type * from './calls/design'
export type * from './calls/scheduler'
export type * from './calls/simulation'
export type * from './calls/tenancy'
export type * from './calls/files'
export type * from './calls/reports'
export type * from './calls/experiments'
export type * from './calls/stack'

/** Every call and who may make it. */
export const CALLS = {
  ...designCalls,
  ...schedulerCalls,
  ...simulationCalls,
  ...tenancyCalls,
  ...filesCalls,
  ...reportsCalls,
  ...experimentsCalls,
  ...stackCalls,
} as const satisfies Record<string, CallAccess>

export type CallName = keyof typeof CALLS
export const CALL_NAMES = Object.keys(CALLS) as CallName[]

export type CallRequests = DesignRequests &
  SchedulerRequests &
  SimulationRequests &
  TenancyRequests &
  FilesRequests &
  ReportsRequests &
  ExperimentsRequests &
  StackRequests
export type CallResponses = DesignResponses &
  SchedulerResponses &
  SimulationResponses &
  TenancyResponses &
  FilesResponses &
  ReportsResponses &
  ExperimentsResponses &
  StackResponses

export type Req<K extends CallName> = K extends keyof CallRequests ? CallRequests[K] : never
export type Res<K extends CallName> = K extends keyof CallResponses ? CallResponses[K] : never

export type EventPayloads = DesignEvents &
  SchedulerEvents &
  SimulationEvents &
  TenancyEvents &
  FilesEvents &
  ReportsEvents &
  ExperimentsEvents &
  StackEvents
export type EventName = keyof EventPayloads
export const EVENT_NAMES: readonly EventName[] = [
  ...designEventNames,
  ...schedulerEventNames,
  ...simulationEventNames,
  ...tenancyEventNames,
  ...filesEventNames,
  ...reportsEventNames,
  ...experimentsEventNames,
  ...stackEventNames,
]

/** The API the renderer gets, from the preload (Electron) or the web host client. */
export interface StrataApi {
  call<K extends CallName>(name: K, request: Req<K>): Promise<Result<Res<K>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** Channel names used on the wire (Electron IPC and the web host's WebSocket). */
export const WIRE = {
  call: 'strata:call',
  event: 'strata:event',
} as const
