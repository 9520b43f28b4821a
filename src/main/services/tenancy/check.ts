/**
 * The boundary check: scans a payload bound for a tenant session for strings that belong to
 * other tenants or to the provider, with one cached guard per design and tenant.
 */
import { fail, type Result } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { createTenantGuard, type Leak, type TenantGuard } from '../../engine'

/** The host pseudonyms a view may carry (`zone-N`, `Host N`), up to `count` of them. */
function pseudonyms(count: number): string[] {
  const out: string[] = []
  for (let n = 1; n <= count; n++) out.push(`zone-${n}`, `Host ${n}`)
  return out
}

const guards = new WeakMap<Design, Map<string, TenantGuard>>()

function guardFor(design: Design, tenantId: string, ownHostIds: string[]): TenantGuard {
  let perDesign = guards.get(design)
  if (!perDesign) guards.set(design, (perDesign = new Map()))
  const tenant = design.tenants.find((t) => t.id === tenantId)
  const visibleHostIds = tenant?.showHostNames ? ownHostIds : []
  const key = JSON.stringify([tenantId, ownHostIds.length, visibleHostIds])
  let guard = perDesign.get(key)
  if (!guard) {
    guard = createTenantGuard(design, tenantId, {
      allow: pseudonyms(ownHostIds.length),
      visibleHostIds,
    })
    if (perDesign.size > 64) perDesign.clear()
    perDesign.set(key, guard)
  }
  return guard
}

/**
 * Leaks in a payload for `tenantId`; `echoed` are strings the tenant sent itself.
 * @param ownHostIds hosts the tenant's own instances use (their ids and names may show when
 *   the tenant's `showHostNames` is set); taken from the placement, never from the payload.
 */
export function checkTenantPayload(
  design: Design,
  tenantId: string,
  payload: unknown,
  ownHostIds: Iterable<string> = [],
  echoed: ReadonlyArray<string> = [],
): Leak[] {
  const hosts = [...new Set(ownHostIds)].sort()
  return guardFor(design, tenantId, hosts).findLeaks(payload, echoed)
}

/** A result for a tenant session, withheld (as `internal`, naming nothing) if it would leak. */
export function guardTenantResult<T>(
  design: Design,
  tenantId: string,
  result: Result<T>,
  ownHostIds: Iterable<string> = [],
  echoed: ReadonlyArray<string> = [],
): Result<T> {
  const payload = result.ok ? result.value : result.error
  const leaks = checkTenantPayload(design, tenantId, payload, ownHostIds, echoed)
  if (leaks.length === 0) return result
  console.error(`tenancy: answer withheld, ${leaks.length} leak(s), first at ${leaks[0]?.path}`)
  return fail('internal', 'this answer was withheld: it would show data outside your tenant')
}

/** Every string in a request (values, deep), for `echoed`. */
export function requestStrings(request: unknown, out: string[] = []): string[] {
  if (typeof request === 'string') out.push(request)
  else if (Array.isArray(request)) for (const item of request) requestStrings(item, out)
  else if (request !== null && typeof request === 'object')
    for (const item of Object.values(request)) requestStrings(item, out)
  return out
}
