/**
 * `guardTenantResults` wraps every call handler so a tenant session's answer is withheld
 * (`internal`, naming nothing) if it would carry another tenant's or the provider's strings,
 * whichever domain produced it.
 */
import type { Result } from '../../../shared/contract'
import type { AppContext } from '../context'
import type { CallContext } from '../handler-types'
import { checkTenantPayload, guardTenantResult, requestStrings } from './tenancy-check'
import { tenancyTracker } from './tenancy-tracker'

type AnyHandler = (request: never, call: CallContext) => unknown

/**
 * Wraps every handler: provider sessions pass through; a tenant session's answer is checked
 * against the open design and withheld if it would carry another tenant's or the provider's
 * strings. Defence in depth behind each domain's own tenant projection.
 */
export function guardTenantResults<M extends object>(ctx: AppContext, handlers: M): M {
  const tracker = tenancyTracker(ctx)
  const out: Record<string, AnyHandler> = {}
  for (const [name, handler] of Object.entries(handlers) as Array<[string, AnyHandler]>) {
    out[name] = async (request, call) => {
      const result = (await handler(request, call)) as Result<unknown>
      if (call.session.role !== 'tenant') return result
      const tenantId = call.session.tenantId
      const echoed = requestStrings(request)
      const own = tracker.ownHosts(tenantId)
      return guardTenantResult(ctx.design.design, tenantId, result, own, echoed)
    }
  }
  return out as M
}

/**
 * For the event hub: whether a tenant-projected event payload may go to `tenantId` (no
 * foreign or provider-only strings in it). Meant to be consulted by `EventHub.publish`
 * before it hands a `forTenant` projection to a tenant session.
 */
export function tenantEventGuard(ctx: AppContext): (tenantId: string, payload: unknown) => boolean {
  const tracker = tenancyTracker(ctx)
  return (tenantId, payload) => {
    const leaks = checkTenantPayload(
      ctx.design.design,
      tenantId,
      payload,
      tracker.ownHosts(tenantId),
    )
    if (leaks.length > 0)
      console.error(`tenancy: event withheld, ${leaks.length} leak(s), first at ${leaks[0]?.path}`)
    return leaks.length === 0
  }
}
