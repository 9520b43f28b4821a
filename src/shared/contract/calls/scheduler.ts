/** Virtualization layer and multi-tenant scheduler (issue 3): `scheduler:place`, `scheduler:explain`, `scheduler:evacuate`. */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { schedulerRequests } from '../schemas/scheduler'

export const schedulerCalls = {} as const satisfies Record<
  keyof typeof schedulerRequests,
  CallAccess
>

export type SchedulerRequests = {
  [K in keyof typeof schedulerRequests]: z.input<(typeof schedulerRequests)[K]>
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchedulerResponses {}

/** Events this domain pushes, with their payloads. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchedulerEvents {}
export const schedulerEventNames = [] as const satisfies ReadonlyArray<keyof SchedulerEvents>
