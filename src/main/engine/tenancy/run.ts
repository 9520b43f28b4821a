/**
 * The simulation's share of a tenant view: its own usage, SLA figures (lost CPU as steal,
 * never who caused it), its own time series and the run's progress.
 */
import type {
  TenantRunState,
  TenantSla,
  TenantStorageFigures,
  TenantUsageFigures,
  TenantViewSeries,
} from '../../../shared/domain/tenant-view'
import type { SimulationSeries, TenantUsage } from '../../../shared/domain/simulation-result'
import type { StorageTenantResult } from '../../../shared/domain/storage-result'
import type { Tenant } from '../../../shared/design/schema'
import type { TenancySimulation } from './inputs'

export interface RunProjection {
  sla: TenantSla
  usage?: TenantUsageFigures
  series?: TenantViewSeries
  state?: TenantRunState
  storage?: TenantStorageFigures
}

export function projectRun(
  tenant: Tenant,
  usage: TenantUsage | undefined,
  simulation: TenancySimulation | undefined,
  series: Pick<SimulationSeries, 'timesS' | 'tenants'> | undefined,
  storage?: StorageTenantResult,
): RunProjection {
  const out: RunProjection = {
    sla: { promisedAvailabilityPercent: tenant.slaAvailabilityPercent },
  }
  if (usage) {
    out.sla = {
      promisedAvailabilityPercent: tenant.slaAvailabilityPercent,
      availabilityPercent: usage.availabilityPercent,
      violation: usage.slaViolation,
      unplacedInstances: usage.unplacedInstances,
      downtimeS: usage.downtimeS,
      migrations: usage.migrations,
      requestedCpuMi: usage.requestedCpuMi,
      stealCpuMi: usage.stealCpuMi,
      interferenceLostCpuMi: usage.interferenceLostCpuMi,
      lostCpuFraction: usage.lostCpuFraction,
    }
    out.usage = {
      vcpuHours: usage.vcpuHours,
      memoryGiBHours: usage.memoryGiBHours,
      storageGiBMonths: usage.storageGiBMonths,
    }
  }
  const own = series?.tenants.find((t) => t.tenantId === tenant.id)
  if (series && own) {
    out.series = {
      timesS: [...series.timesS],
      vcpus: [...own.vcpus],
      allocatedMips: [...own.allocatedMips],
      requestedMips: [...own.requestedMips],
      cumulativeCost: [...own.cumulativeCost],
    }
  }
  if (storage && storage.tenantId === tenant.id)
    out.storage = {
      meanDemandedIops: storage.meanDemandedIops,
      meanServedIops: storage.meanServedIops,
      meanNotServedIops: storage.meanNotServedIops,
      meanServedMBps: storage.meanServedMBps,
      meanNotServedMBps: storage.meanNotServedMBps,
      meanLatencyMs: storage.meanLatencyMs,
      provisionedIops: storage.provisionedIops,
    }
  const info = simulation?.info
  if (info) {
    out.state = {
      status: info.status,
      progress: info.progress,
      virtualTimeS: info.virtualTimeS,
      horizonS: info.horizonS,
    }
  }
  return out
}
