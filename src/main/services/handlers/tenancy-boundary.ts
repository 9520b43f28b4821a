/**
 * The boundary check: every payload bound for a tenant session is scanned for strings that
 * belong to other tenants or to the provider. Used by the tenancy handlers and event
 * projections; `guardTenantResult` is for any `any` call's result.
 */
import { fail, type Result } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { createTenantGuard, type Leak } from '../../engine'

/** The zone pseudonyms a view may carry (`zone-N`, `Zone N`), up to `count` zones. */
function pseudonyms(count: number): string[] {
  const out: string[] = []
  for (let n = 1; n <= count; n++) out.push(`zone-${n}`, `Zone ${n}`)
  return out
}

/**
 * Leaks in a payload for `tenantId`.
 * @param ownHostIds hosts the tenant's own instances use (their names may show when the
 *   tenant's `showHostNames` is set); taken from the placement, never from the payload.
 */
export function checkTenantPayload(
  design: Design,
  tenantId: string,
  payload: unknown,
  ownHostIds: Iterable<string> = [],
): Leak[] {
  const tenant = design.tenants.find((t) => t.id === tenantId)
  const hosts = [...new Set(ownHostIds)]
  const visibleHostIds = tenant?.showHostNames ? hosts : []
  return createTenantGuard(design, tenantId, {
    allow: pseudonyms(hosts.length),
    visibleHostIds,
  }).findLeaks(payload)
}

/** A result for a tenant session, withheld (as `internal`, naming nothing) if it would leak. */
export function guardTenantResult<T>(
  design: Design,
  tenantId: string,
  result: Result<T>,
  ownHostIds: Iterable<string> = [],
): Result<T> {
  const leaks = checkTenantPayload(
    design,
    tenantId,
    result.ok ? result.value : result.error,
    ownHostIds,
  )
  if (leaks.length === 0) return result
  console.error(`tenancy: result withheld, ${leaks.length} leak(s) at ${leaks[0]?.path}`)
  return fail('internal', 'this answer was withheld: it would show data outside your tenant')
}
