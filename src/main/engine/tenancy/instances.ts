/** The tenant's own instances, in workload-id then index order. */
import type { Design, Tenant, Workload } from '../../../shared/design/schema'

/** An instance id by the design-wide convention. */
export function instanceId(workloadId: string, index: number): string {
  return `${workloadId}#${index}`
}

/** The tenant's workloads sorted by id (deterministic order). */
export function ownWorkloads(design: Design, tenantId: string): Workload[] {
  return design.workloads
    .filter((w) => w.tenantId === tenantId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Visits the tenant's instances in order until `visit` returns false. */
export function forEachOwnInstance(
  workloads: ReadonlyArray<Workload>,
  visit: (id: string, workload: Workload, index: number) => boolean | void,
): void {
  for (const workload of workloads) {
    for (let i = 0; i < workload.count; i++) {
      if (visit(instanceId(workload.id, i), workload, i) === false) return
    }
  }
}

/** The tenant record, or undefined. */
export function findTenant(design: Design, tenantId: string): Tenant | undefined {
  return design.tenants.find((t) => t.id === tenantId)
}

/** Whether an instance id belongs to one of these workloads. */
export function workloadOfInstance(id: string): string {
  const hash = id.lastIndexOf('#')
  return hash < 0 ? id : id.slice(0, hash)
}

/**
 * Whether the workload's instances run inside the tenant's own VMs (`nesting.runsIn`: a node
 * pool, or VMs in VMs). Such an instance takes its CPU, memory and disk out of its VM, which the
 * tenant already holds and pays for: as the simulation bills only the VMs and the scheduler
 * checks quotas on the VMs only, the tenant view counts it in no quota, lists no volume for it
 * (its disk is part of its VM's) and leaves it out of the estimated bill.
 */
export function insideOwnVm(workload: Workload): boolean {
  return workload.nesting !== undefined
}
