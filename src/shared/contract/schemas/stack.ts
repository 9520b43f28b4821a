/** Request schemas of the `stack:` calls (main only at run time). The stack of abstractions (issue 18). */
import { z } from 'zod'

const id = z.string().min(1).max(200)

export const stackRequests = {
  /** The layers of one host and the machines on it, from the current placement (provider). */
  'stack:host': z.strictObject({ hostId: id }),
  /** A tenant's stack: its own machines per zone. Tenant sessions may omit `tenantId`. */
  'stack:tenant': z.strictObject({ tenantId: id.optional() }),
} as const
