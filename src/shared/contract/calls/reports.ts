/** Reports: HTML, PDF, CSV, per-tenant (issue 7). */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { reportsRequests } from '../schemas/reports'

export const reportsCalls = {} as const satisfies Record<keyof typeof reportsRequests, CallAccess>

export type ReportsRequests = {
  [K in keyof typeof reportsRequests]: z.input<(typeof reportsRequests)[K]>
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReportsResponses {}

/** Events this domain pushes, with their payloads. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReportsEvents {}
export const reportsEventNames = [] as const satisfies ReadonlyArray<keyof ReportsEvents>
