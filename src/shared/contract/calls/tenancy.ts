/** Tenant projections and tenant-bound sessions (issue 6). */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { tenancyRequests } from '../schemas/tenancy'

export const tenancyCalls = {} as const satisfies Record<keyof typeof tenancyRequests, CallAccess>

export type TenancyRequests = {
  [K in keyof typeof tenancyRequests]: z.input<(typeof tenancyRequests)[K]>
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TenancyResponses {}

/** Events this domain pushes, with their payloads. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TenancyEvents {}
export const tenancyEventNames = [] as const satisfies ReadonlyArray<keyof TenancyEvents>
