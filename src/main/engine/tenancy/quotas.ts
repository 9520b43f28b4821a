/** The tenant's quotas beside what its own workloads ask for and what its placed instances hold. */
import type { QuotaResource, TenantQuota } from '../../../shared/domain/tenant-view'
import type { Tenant, Workload } from '../../../shared/design/schema'
import { insideOwnVm } from './instances'

export interface PlacedTotals {
  count: number
  vcpus: number
  memoryMiB: number
  diskGiB: number
}

/**
 * One entry per quota resource, in a fixed order. Instances inside the tenant's own VMs count
 * in none of them (their VMs do), as in the scheduler's quota filter.
 */
export function projectQuotas(
  tenant: Tenant,
  workloads: ReadonlyArray<Workload>,
  placed: PlacedTotals | undefined,
): TenantQuota[] {
  const requested = { instances: 0, vcpus: 0, memoryMiB: 0, diskGiB: 0 }
  for (const w of workloads) {
    if (insideOwnVm(w)) continue
    requested.instances += w.count
    requested.vcpus += w.count * w.vcpus
    requested.memoryMiB += w.count * w.memoryMiB
    requested.diskGiB += w.count * w.diskGiB
  }
  const held: Record<QuotaResource, number> | undefined = placed && {
    instances: placed.count,
    vcpus: placed.vcpus,
    memoryMiB: placed.memoryMiB,
    diskGiB: placed.diskGiB,
  }
  const resources: QuotaResource[] = ['instances', 'vcpus', 'memoryMiB', 'diskGiB']
  return resources.map((resource) => {
    const quota: TenantQuota = { resource, requested: requested[resource] }
    const limit = tenant.quotas[resource]
    if (limit !== undefined) quota.limit = limit
    if (held) quota.placed = held[resource]
    return quota
  })
}
