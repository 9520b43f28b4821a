/**
 * Power of a storage system: linear between its idle draw and its draw at full load,
 * P(U) = P_idle + (P_load − P_idle) × U, with U the higher of its IOPS and throughput
 * utilization (0..1), and 0 W while it is failed. The structure follows the host model and
 * the measured idle/active drive figures (NESTED_NETWORK_STORAGE.md §14b, [S75][S76]); the
 * suggested enclosure figures are in §15d (2U, 24 bays: 150 W flash, 175 W 10k HDD).
 */

/** Power in watts at utilization `u` (clamped to 0..1). */
export function storagePowerW(idleW: number, loadW: number, u: number): number {
  const x = Math.min(1, Math.max(0, u))
  return idleW + (loadW - idleW) * x
}
