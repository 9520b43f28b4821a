/** Request schemas of the `reports:` calls (main only at run time). Reports: HTML, PDF, CSV, per-tenant (issue 7). */
// import { z } from 'zod'

export const reportsRequests = {} as const
