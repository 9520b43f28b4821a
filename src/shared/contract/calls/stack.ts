/**
 * The stack of abstractions (issue 18): `stack:host` (provider) draws one host's layers from
 * the hardware up with the machines on it; `stack:tenant` the same for one tenant's own
 * instances, per zone, with no host detail the tenant view does not already allow. The view
 * types are domain types, defined in `src/shared/domain/stack-view.ts` and re-exported here.
 */
import type { z } from 'zod'
import type { StackView } from '../../domain/stack-view'
import type { CallAccess } from '../session'
import type { stackRequests } from '../schemas/stack'

export type {
  StackLayerKind,
  IsolationBoundaryKind,
  StackCapacity,
  StackOverhead,
  StackViewLayer,
  StackBoundary,
  StackMachine,
  StackColumn,
  StackView,
} from '../../domain/stack-view'

export const stackCalls = {
  'stack:host': 'provider',
  'stack:tenant': 'any',
} as const satisfies Record<keyof typeof stackRequests, CallAccess>

export type StackRequests = {
  [K in keyof typeof stackRequests]: z.input<(typeof stackRequests)[K]>
}

export interface StackResponses {
  'stack:host': StackView
  'stack:tenant': StackView
}

/** This domain pushes no events: views refetch on `design:changed` / `scheduler:placed`. */
export type StackEvents = Record<never, never>
export const stackEventNames = [] as const satisfies ReadonlyArray<keyof StackEvents>
