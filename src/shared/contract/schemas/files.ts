/** Request schemas of the `files:` calls (main only at run time). Design files, autosave, recovery, imports and exports (issue 7). */
// import { z } from 'zod'

export const filesRequests = {} as const
