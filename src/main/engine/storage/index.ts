/** Public API of the storage model (see README.md). */
export { allocateCapacity, weightedMaxMin, type CapacityClaim } from './qos-allocation'
export { queueingLatencyMs, MAX_QUEUEING_UTILIZATION } from './queueing-latency'
export { writeFactor, isRedundant, consumed } from './replication'
export { storagePowerW } from './storage-power'
export {
  shareSystem,
  type StorageSystemSpec,
  type TenantIo,
  type SystemShare,
} from './system-share'
export { plannedStorageFailures } from './storage-failures'
export {
  StorageRun,
  usesStorageModel,
  DEFAULT_SERVICE_TIME_MS,
  type InstanceView,
} from './storage-run'
export { buildStorageResult, provisionedIopsMonths, MONTH_S } from './storage-result'
export { checkStorageRules } from './storage-rules'
