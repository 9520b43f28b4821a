/**
 * Handlers of the `tenancy:` calls. A tenant session gets its own view and only that: asking
 * for any other tenant id is `forbidden` with the same words whether or not that tenant
 * exists. Provider sessions may ask for any tenant, list them, mint tenant-bound links and
 * open tenant windows.
 */
import { fail, ok, type TenantListItem } from '../../../shared/contract'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'

type TenancyCall =
  | 'tenancy:view'
  | 'tenancy:list'
  | 'tenancy:mint-token'
  | 'tenancy:open-window'
  | 'tenancy:tokens'
  | 'tenancy:revoke-token'

const FORBIDDEN_OTHER = 'a tenant view can only show its own tenant'

export function tenancyHandlers(ctx: AppContext): HandlerMap<TenancyCall> {
  const views = ctx.tenancy
  const exists = (tenantId: string): boolean =>
    ctx.design.design.tenants.some((t) => t.id === tenantId)
  const mint = (tenantId: string) => ctx.tokens?.mint({ role: 'tenant', tenantId })

  return {
    'tenancy:view': (req, call) => {
      const session = call.session
      if (session.role === 'tenant') {
        if (req.tenantId !== undefined && req.tenantId !== session.tenantId)
          return fail('forbidden', FORBIDDEN_OTHER)
        const { view, leaked } = views.view(session.tenantId)
        if (leaked)
          return fail('internal', 'your view was withheld: it would show data outside your tenant')
        return view ? ok(view) : fail('not-found', 'your tenant is not in the open design')
      }
      if (req.tenantId === undefined)
        return fail('bad-request', 'tenancy:view needs a tenantId in the provider view', [
          { severity: 'error', path: 'request.tenantId', message: 'required' },
        ])
      const { view } = views.view(req.tenantId)
      return view ? ok(view) : fail('not-found', `no tenant "${req.tenantId}" in the design`)
    },
    'tenancy:list': () => {
      const design = ctx.design.design
      const counts = new Map<string, number>()
      for (const w of design.workloads)
        counts.set(w.tenantId, (counts.get(w.tenantId) ?? 0) + w.count)
      const list: TenantListItem[] = design.tenants.map((t) => ({
        id: t.id,
        name: t.name,
        colour: t.colour,
        instanceCount: counts.get(t.id) ?? 0,
      }))
      return ok(list)
    },
    'tenancy:mint-token': (req) => {
      if (!exists(req.tenantId))
        return fail('not-found', `no tenant "${req.tenantId}" in the design`)
      const minted = mint(req.tenantId)
      if (!minted) return fail('unavailable', 'tenant links need the web host: run `strata serve`')
      return ok({ url: minted.url })
    },
    'tenancy:open-window': async (req) => {
      if (!exists(req.tenantId))
        return fail('not-found', `no tenant "${req.tenantId}" in the design`)
      if (ctx.shell.openTenantWindow) {
        await ctx.shell.openTenantWindow(req.tenantId)
        return ok({ mode: 'window' as const })
      }
      const minted = mint(req.tenantId)
      if (!minted) return fail('unavailable', 'no window or web host here to open a tenant view in')
      return ok({ mode: 'tab' as const, url: minted.url })
    },
    'tenancy:tokens': () =>
      ok(
        (ctx.tokens?.list?.() ?? []).flatMap((t) =>
          t.session.role === 'tenant'
            ? [
                {
                  id: t.id,
                  tenantId: t.session.tenantId,
                  createdAt: t.createdAt,
                  connections: t.connections,
                },
              ]
            : [],
        ),
      ),
    'tenancy:revoke-token': (req) => {
      // Only tenant tokens are listed, and only listed ids are revocable here.
      const known = (ctx.tokens?.list?.() ?? []).some((t) => t.id === req.id)
      return ok({ revoked: known && (ctx.tokens?.revoke(req.id) ?? false) })
    },
  }
}
