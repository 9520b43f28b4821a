/**
 * The tenancy boundary at the two ways out of main: `guardTenantResults` wraps every call
 * handler so a tenant session's answer is withheld (`internal`, naming nothing) if it would
 * carry another tenant's or the provider's strings, whichever domain produced it;
 * `tenantEventGuard` does the same for pushed events.
 */
import type { Result } from '../../../shared/contract'
import type { AppContext } from '../context'
import type { CallContext } from '../handler-types'
import { checkTenantPayload, guardTenantResult, requestStrings } from './check'

type AnyHandler = (request: never, call: CallContext) => unknown

/**
 * Wraps every handler: provider sessions pass through; a tenant session's answer is checked
 * against the open design and withheld if it would carry another tenant's or the provider's
 * strings. Defence in depth behind each domain's own tenant projection. The tenant's own hosts
 * are tenancy's (the current placement), or those the handler declares through
 * `CallContext.answerHosts` for an answer built on a placement of its own.
 */
export function guardTenantResults<M extends object>(ctx: AppContext, handlers: M): M {
  const out: Record<string, AnyHandler> = {}
  for (const [name, handler] of Object.entries(handlers) as Array<[string, AnyHandler]>) {
    out[name] = async (request, call) => {
      // The hosts of the placement the answer describes, when the handler made its own.
      let declared: string[] | undefined
      const answerHosts = (ids: Iterable<string>): void => void (declared = [...ids])
      const result = (await handler(request, { ...call, answerHosts })) as Result<unknown>
      if (call.session.role !== 'tenant') return result
      const tenantId = call.session.tenantId
      const echoed = requestStrings(request)
      const own = declared ?? ctx.tenancy.ownHosts(tenantId)
      return guardTenantResult(ctx.design.design, tenantId, result, own, echoed)
    }
  }
  return out as M
}

/**
 * For the event hub (`EventHub.allowForTenant`, installed with the context): whether a
 * tenant-projected event payload may go to `tenantId` (no foreign or provider-only strings).
 */
export function tenantEventGuard(
  ctx: Pick<AppContext, 'design' | 'tenancy'>,
): (tenantId: string, payload: unknown) => boolean {
  return (tenantId, payload) => {
    const leaks = checkTenantPayload(
      ctx.design.design,
      tenantId,
      payload,
      ctx.tenancy.ownHosts(tenantId),
    )
    if (leaks.length > 0)
      console.error(`tenancy: event withheld, ${leaks.length} leak(s), first at ${leaks[0]?.path}`)
    return leaks.length === 0
  }
}
