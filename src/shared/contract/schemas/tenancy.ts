/** Request schemas of the `tenancy:` calls (main only at run time). Tenant projections and tenant-bound sessions (issue 6). */
import { z } from 'zod'

const tenantId = z.string().min(1).max(200)

export const tenancyRequests = {
  /** A tenant's view. Tenant sessions may omit `tenantId` (they only ever get their own). */
  'tenancy:view': z.strictObject({ tenantId: tenantId.optional() }),
  /** Every tenant, for the provider's view switcher. */
  'tenancy:list': z.strictObject({}),
  /** Mints a web token bound to one tenant and returns the URL that opens its view. */
  'tenancy:mint-token': z.strictObject({ tenantId }),
  /** Opens the tenant's view beside the provider's: a window (Electron) or a URL for a tab. */
  'tenancy:open-window': z.strictObject({ tenantId }),
  /** The tenant-bound web tokens in force, by public id (never the secrets). */
  'tenancy:tokens': z.strictObject({}),
  /** Revokes a tenant-bound token by its public id; its open connections are closed. */
  'tenancy:revoke-token': z.strictObject({ id: z.string().min(1).max(100) }),
} as const
