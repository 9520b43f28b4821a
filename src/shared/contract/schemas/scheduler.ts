/** Request schemas of the `scheduler:` calls (main only at run time). Virtualization layer and multi-tenant scheduler (issue 3): `scheduler:place`, `scheduler:explain`, `scheduler:evacuate`. */
// import { z } from 'zod'

export const schedulerRequests = {} as const
