/**
 * What the canvas paints over one host: the shape the canvas-overlay store computes (from
 * the placement and the shown simulation frame) and the canvas adapter draws.
 */

/** Per-host paint: instances per tenant, utilization, failed and switched-off state. */
export interface HostOverlay {
  /** Instances on the host, per tenant, in tenant id order. */
  instances?: ReadonlyArray<{ tenantId: string; colour: string; count: number }>
  /** CPU utilization 0..1 at the shown time. */
  utilization?: number
  failed?: boolean
  off?: boolean
  /** `utilization` is the mean of the host's rack (the run kept no per-host series). */
  rackMean?: boolean
}
