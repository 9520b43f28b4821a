/**
 * Handlers of the `stack:` calls (issue 18). `stack:host` draws one host's layers from the
 * current placement (placing the open design if it has not been placed, without announcing
 * it). `stack:tenant` goes through the tenancy projection: the tenant's checked view, its
 * zones and own instances, then the leak check on the stack itself; a tenant session asking
 * for another tenant gets `forbidden` whether or not that tenant exists.
 */
import { fail, ok, type StackView } from '../../../shared/contract'
import { hostStackView } from '../../engine'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'
import { checkTenantPayload } from '../tenancy/check'
import { tenantStackView } from '../tenancy/tenant-stack'

type StackCall = 'stack:host' | 'stack:tenant'

const FORBIDDEN_OTHER = 'a tenant view can only show its own tenant'

export function stackHandlers(ctx: AppContext): HandlerMap<StackCall> {
  return {
    'stack:host': (req) => {
      if (!ctx.design.design.hosts.some((h) => h.id === req.hostId))
        return fail('not-found', `no host "${req.hostId}" in the design`)
      const shown = ctx.placement.lastResult()
      const now = ctx.placement.current()
      if (!now.ok) return now
      const view = hostStackView(ctx.design.design, now.value.result.placed, req.hostId)
      if (!view) return fail('not-found', `no host "${req.hostId}" in the design`)
      if (!shown)
        view.notes.push('Placed for this view only: use Place to show the placement on the canvas.')
      return ok(view)
    },
    'stack:tenant': (req, call) => {
      const session = call.session
      if (
        session.role === 'tenant' &&
        req.tenantId !== undefined &&
        req.tenantId !== session.tenantId
      )
        return fail('forbidden', FORBIDDEN_OTHER)
      const tenantId = session.role === 'tenant' ? session.tenantId : req.tenantId
      if (tenantId === undefined)
        return fail('bad-request', 'stack:tenant needs a tenantId in the provider view', [
          { severity: 'error', path: 'request.tenantId', message: 'required' },
        ])
      const { view, leaked } = ctx.tenancy.view(tenantId)
      if (leaked)
        return fail('internal', 'this view was withheld: it would show data outside the tenant')
      if (!view) return fail('not-found', `no tenant "${tenantId}" in the design`)
      const placed = ctx.tenancy.placement ? ctx.tenancy.placementResult?.placed : undefined
      const stack: StackView = tenantStackView(ctx.design.design, view, placed)
      const leaks = checkTenantPayload(
        ctx.design.design,
        tenantId,
        stack,
        ctx.tenancy.ownHosts(tenantId),
      )
      if (leaks.length > 0) {
        console.error(`stack: tenant stack withheld, ${leaks.length} leak(s) at ${leaks[0]?.path}`)
        return fail('internal', 'this view was withheld: it would show data outside the tenant')
      }
      return ok(stack)
    },
  }
}
