/**
 * All handlers, one module per domain. Each domain returns exactly its own calls; the
 * contract test proves every call has exactly one handler.
 */
import type { CallName } from '../../../shared/contract'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'
import { designHandlers } from './design'
import { experimentsHandlers } from './experiments'
import { filesHandlers } from './files'
import { reportsHandlers } from './reports'
import { schedulerHandlers } from './scheduler'
import { simulationHandlers } from './simulation'
import { stackHandlers } from './stack'
import { tenancyHandlers } from './tenancy'
import { guardTenantResults } from '../tenancy/boundary'

export type AllHandlers = HandlerMap<CallName>

/** The domain handler factories, by domain (for the exactly-once test). */
export function createDomainHandlers(ctx: AppContext) {
  return {
    design: designHandlers(ctx),
    scheduler: schedulerHandlers(ctx),
    simulation: simulationHandlers(ctx),
    tenancy: tenancyHandlers(ctx),
    files: filesHandlers(ctx),
    reports: reportsHandlers(ctx),
    experiments: experimentsHandlers(ctx),
    stack: stackHandlers(ctx),
  }
}

export function createHandlers(ctx: AppContext): AllHandlers {
  const domains = createDomainHandlers(ctx)
  // Every answer to a tenant session is checked for foreign or provider-only data.
  return guardTenantResults(ctx, {
    ...domains.design,
    ...domains.scheduler,
    ...domains.simulation,
    ...domains.tenancy,
    ...domains.files,
    ...domains.reports,
    ...domains.experiments,
    ...domains.stack,
  } satisfies AllHandlers)
}
