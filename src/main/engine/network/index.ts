/** The network flow model (issue 17): see README.md. */
export { allocateMaxMin, flowSetOf, type Allocation, type FlowSet } from './max-min'
export { Fabric, MAX_PATHS, OUTSIDE, type Route } from './fabric'
export {
  hasNetworkTraffic,
  migrationDurationS,
  NetworkRun,
  type MigrationRates,
  type MigrationStart,
  type MigrationTiming,
  type PlacementView,
} from './network-run'
export { attachNetwork } from './bill'
export {
  flowBound,
  flowBoundError,
  MAX_TENANT_FLOWS,
  maxHostPairFlows,
  TooManyFlowsError,
} from './tenant-flows'
