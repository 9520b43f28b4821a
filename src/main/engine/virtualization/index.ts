/** The virtualization layer: kinds as data, effective overheads per host, guest rules. */
export { KIND_DEFAULTS, type KindDefaults, type LiveMigration } from './kinds'
export {
  effectiveVcpuMilli,
  memoryOverheadMiB,
  overheadsFor,
  HOSTED,
  type EffectiveOverheads,
} from './overheads'
export { GUEST_REASONS, acceptsGuest, markGuestHost, type GuestCheck } from './accepts'
