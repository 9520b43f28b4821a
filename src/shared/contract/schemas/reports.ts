/** Request schemas of the `reports:` calls (main only at run time). Reports: HTML, PDF, CSV, per-tenant (issue 7). */
import { z } from 'zod'

const jobId = z.string().min(1).max(100)

export const REPORT_FORMATS = ['html', 'pdf', 'csv'] as const

export const reportsRequests = {
  /**
   * Make a report of the open design (placing and simulating it as its settings say, unless
   * results for it are at hand). `tenantId`: that tenant's report only; tenant sessions always
   * get their own. The server names the job (random, unguessable, owned by the caller: the
   * web link or window that asked): its id arrives in that caller's `reports:progress` events
   * only, for its `reports:cancel`. A tenant link may run at most 2 reports at once, all
   * tenants together 4 (`unavailable` beyond).
   */
  'reports:export': z.strictObject({
    format: z.enum(REPORT_FORMATS),
    tenantId: z.string().min(1).max(200).optional(),
  }),
  /** Cancel a report job of the caller's own (`cancelled: false` for any other id). */
  'reports:cancel': z.strictObject({ jobId }),
} as const
