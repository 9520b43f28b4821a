/**
 * The `storage` section of a run's result from the model's totals: per system (peak and mean
 * utilization, latency, saturation and who saturated it, energy, series) and per tenant (IOPS
 * served and not served, the latency its operations saw, provisioned IOPS).
 */
import type {
  StorageResult,
  StorageSystemResult,
  StorageTenantResult,
} from '../../../shared/domain/storage-result'
import type { StorageRun } from './storage-run'

/** 30-day month, seconds (the unit of provisioned-IOPS billing, like storage GiB-months). */
export const MONTH_S = 30 * 86_400

/** Provisioned `iops` held for `heldS` seconds, in IOPS-months (30-day months). */
export function provisionedIopsMonths(iops: number, heldS: number): number {
  return (iops * heldS) / MONTH_S
}

/** Per tenant: IOPS reserved at admission by its placed instances, and × months held. */
export interface Provisioned {
  iops: Float64Array
  iopsMonths: Float64Array
}

/** Builds the result section; `horizonS` is the span the means are taken over. */
export function buildStorageResult(
  run: StorageRun,
  horizonS: number,
  provisioned: Provisioned,
): StorageResult {
  const t = run.totals
  const T = run.tenantCount
  const H = horizonS > 0 ? horizonS : 1
  const tenantIds = run.design.tenants.map((x) => x.id)
  let energyJ = 0
  const systems: StorageSystemResult[] = run.design.storage.map((sys, s) => {
    energyJ += t.energyJ[s] as number
    let consumedAll = 0
    let top = -1
    let topConsumed = 0
    for (let ti = 0; ti < T; ti++) {
      consumedAll += t.consumedOps[s * T + ti] as number
      const sat = t.consumedWhileSaturated[s * T + ti] as number
      if (sat > topConsumed) {
        topConsumed = sat
        top = ti
      }
    }
    const tenants: StorageSystemResult['tenants'] = []
    for (let ti = 0; ti < T; ti++) {
      const k = s * T + ti
      const demanded = t.demandedOps[k] as number
      if (demanded === 0 && (t.demandedMB[k] as number) === 0) continue
      tenants.push({
        tenantId: tenantIds[ti] as string,
        meanServedIops: (t.servedOps[k] as number) / H,
        meanNotServedIops: (demanded - (t.servedOps[k] as number)) / H,
        consumedShare: consumedAll > 0 ? (t.consumedOps[k] as number) / consumedAll : 0,
      })
    }
    const upS = t.upS[s] as number
    const out: StorageSystemResult = {
      storageId: sys.id,
      peakIopsUtilization: t.peakIopsUtil[s] as number,
      meanIopsUtilization: (t.iopsUtilS[s] as number) / H,
      peakThroughputUtilization: t.peakTputUtil[s] as number,
      meanThroughputUtilization: (t.tputUtilS[s] as number) / H,
      meanLatencyMs: upS > 0 ? (t.latencyMsS[s] as number) / upS : 0,
      peakLatencyMs: t.peakLatencyMs[s] as number,
      saturatedS: t.saturatedS[s] as number,
      energyKWh: (t.energyJ[s] as number) / 3.6e6,
      downtimeS: t.downS[s] as number,
      series: {
        iopsUtilization: t.series.iops[s] ?? [],
        throughputUtilization: t.series.tput[s] ?? [],
        latencyMs: t.series.latency[s] ?? [],
        saturatedBy: t.series.saturatedBy[s] ?? [],
      },
      tenants,
    }
    if (top >= 0) out.topTenantId = tenantIds[top] as string
    return out
  })
  const tenants: StorageTenantResult[] = tenantIds.map((tenantId, ti) => {
    let served = 0
    let demanded = 0
    let servedMB = 0
    let demandedMB = 0
    for (let s = 0; s < run.systemCount; s++) {
      served += t.servedOps[s * T + ti] as number
      demanded += t.demandedOps[s * T + ti] as number
      servedMB += t.servedMB[s * T + ti] as number
      demandedMB += t.demandedMB[s * T + ti] as number
    }
    return {
      tenantId,
      meanDemandedIops: demanded / H,
      meanServedIops: served / H,
      meanNotServedIops: (demanded - served) / H,
      servedOperations: served,
      notServedOperations: demanded - served,
      meanServedMBps: servedMB / H,
      meanNotServedMBps: (demandedMB - servedMB) / H,
      meanLatencyMs: served > 0 ? (t.latencyOpsMs[ti] as number) / served : 0,
      provisionedIops: provisioned.iops[ti] as number,
      provisionedIopsMonths: provisioned.iopsMonths[ti] as number,
    }
  })
  return { energyKWh: energyJ / 3.6e6, systems, tenants, failures: t.failures }
}
