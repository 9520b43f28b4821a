/** Tenant projections and the tenant guard (issue 6). See README.md. */
export { projectTenantView, DEFAULT_INSTANCE_LIMIT, type ProjectionResult } from './project'
export { createTenantGuard, type Leak, type TenantGuard, type GuardOptions } from './guard'
export { BILLING_MONTH_S } from './bill'
export type {
  ProjectionOptions,
  TenancyExplanationInput,
  TenancyPlacement,
  TenancySimulation,
} from './inputs'
