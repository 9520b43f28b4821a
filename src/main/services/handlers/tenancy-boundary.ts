/**
 * `guardTenantResults` wraps every call handler so a tenant session's answer is withheld
 * (`internal`, naming nothing) if it would carry another tenant's or the provider's strings,
 * whichever domain produced it.
 */
import type { Result } from '../../../shared/contract'
import type { AppContext } from '../context'
import type { CallContext } from '../handler-types'
import { guardTenantResult, requestStrings } from './tenancy-check'
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
