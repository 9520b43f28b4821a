/** Request schemas of the `tenancy:` calls (main only at run time). Tenant projections and tenant-bound sessions (issue 6). */
// import { z } from 'zod'

export const tenancyRequests = {} as const
