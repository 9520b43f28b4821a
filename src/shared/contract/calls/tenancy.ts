/**
 * Tenant projections and tenant-bound sessions (issue 6): views, the provider's tenant list
 * and tenant-bound web tokens. `TenantView` and its parts are domain types, defined in
 * `src/shared/domain/tenant-view.ts` (the engine builds them) and re-exported here.
 */
import type { z } from 'zod'
import type { CallAccess } from '../session'
import type { tenancyRequests } from '../schemas/tenancy'
import type { TenantView } from '../../domain/tenant-view'

export type {
  TenantViewTenant,
  TenantZone,
  TenantInstanceRun,
  TenantInstance,
  TenantNetwork,
  TenantVolume,
  QuotaResource,
  TenantQuota,
  TenantBillLine,
  TenantViewBill,
  TenantSla,
  TenantUsageFigures,
  TenantViewSeries,
  TenantExplanation,
  TenantRunState,
  TenantVirtualLink,
  TenantVirtualNetwork,
  TenantVirtualNode,
  TenantWorkloadTraffic,
  TenantView,
} from '../../domain/tenant-view'

export const tenancyCalls = {
  'tenancy:view': 'any',
  'tenancy:list': 'provider',
  'tenancy:mint-token': 'provider',
  'tenancy:open-window': 'provider',
  'tenancy:tokens': 'provider',
  'tenancy:revoke-token': 'provider',
} as const satisfies Record<keyof typeof tenancyRequests, CallAccess>

export type TenancyRequests = {
  [K in keyof typeof tenancyRequests]: z.input<(typeof tenancyRequests)[K]>
}

/** A tenant as the provider's view switcher lists it. */
export interface TenantListItem {
  id: string
  name: string
  colour: string
  instanceCount: number
}

/** A tenant-bound web token, as the provider may see it (the secret is never listed). */
export interface TenantToken {
  /** Public handle, used to revoke it. */
  id: string
  tenantId: string
  /** ISO 8601. */
  createdAt: string
  /** WebSocket connections open with it now. */
  connections: number
}

export interface TenancyResponses {
  'tenancy:view': TenantView
  'tenancy:list': TenantListItem[]
  /** A URL that opens that tenant's view (and nothing else) in a browser. */
  'tenancy:mint-token': { url: string }
  /** `window`: an Electron window opened; `tab`: open `url` in a new browser tab. */
  'tenancy:open-window': { mode: 'window' } | { mode: 'tab'; url: string }
  /** Tenant tokens in force, oldest first; empty outside the web host. */
  'tenancy:tokens': TenantToken[]
  /** `revoked: false` when there was no such token. */
  'tenancy:revoke-token': { revoked: boolean }
}

/**
 * Pushed when a view may have changed (design edit, new placement, simulation progress).
 * Tenant sessions get it only when their own view changed, with the new view; provider
 * sessions get a revision number and refetch the tenant they show.
 */
export interface TenancyChanged {
  /** Increases with each push to this session's audience. */
  revision: number
  view?: TenantView
}

/** Events this domain pushes, with their payloads. */
export interface TenancyEvents {
  'tenancy:changed': TenancyChanged
}
export const tenancyEventNames = ['tenancy:changed'] as const satisfies ReadonlyArray<
  keyof TenancyEvents
>
