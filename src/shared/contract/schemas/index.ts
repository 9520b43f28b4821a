/**
 * Every call's request schema, merged from the domain files. Main validates each request
 * against it before any handler runs. Imported by main only (keeps zod out of the preload).
 */
import { designRequests } from './design'
import { experimentsRequests } from './experiments'
import { filesRequests } from './files'
import { reportsRequests } from './reports'
import { schedulerRequests } from './scheduler'
import { simulationRequests } from './simulation'
import { stackRequests } from './stack'
import { tenancyRequests } from './tenancy'

export const requestSchemas = {
  ...designRequests,
  ...schedulerRequests,
  ...simulationRequests,
  ...tenancyRequests,
  ...filesRequests,
  ...reportsRequests,
  ...experimentsRequests,
  ...stackRequests,
} as const

/** The domain modules, for the test that proves each call is declared exactly once. */
export const requestSchemaModules = {
  design: designRequests,
  scheduler: schedulerRequests,
  simulation: simulationRequests,
  tenancy: tenancyRequests,
  files: filesRequests,
  reports: reportsRequests,
  experiments: experimentsRequests,
  stack: stackRequests,
} as const
