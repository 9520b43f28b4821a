/** Design files, autosave, recovery, imports and exports (issue 7). */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { filesRequests } from '../schemas/files'

export const filesCalls = {} as const satisfies Record<keyof typeof filesRequests, CallAccess>

export type FilesRequests = {
  [K in keyof typeof filesRequests]: z.input<(typeof filesRequests)[K]>
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FilesResponses {}

/** Events this domain pushes, with their payloads. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FilesEvents {}
export const filesEventNames = [] as const satisfies ReadonlyArray<keyof FilesEvents>
