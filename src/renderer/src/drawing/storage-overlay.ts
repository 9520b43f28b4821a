/**
 * What the canvas paints over one storage system (issue 17): the shape the canvas-overlay
 * store computes from the shown simulation frame and the canvas adapter draws.
 */

/** Per-storage-system paint at the shown time. */
export interface StorageOverlay {
  /** IOPS and throughput utilization 0..1 at the shown time. */
  iopsUtilization: number
  throughputUtilization: number
  latencyMs: number
  failed: boolean
  /** The tenant saturating the system at that time (name and colour), if any. */
  saturatedBy?: { name: string; colour: string }
}
