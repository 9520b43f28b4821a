/**
 * `projectTenantView`: everything one tenant may see, computed from the design, the latest
 * placement and the latest simulation. Reads other tenants' data only to leave it out: every
 * figure is a sum over the tenant's own instances, every name is its own (or a pseudonym).
 */
import type {
  TenantExplanation,
  TenantInstance,
  TenantView,
  TenantVolume,
} from '../../../shared/domain/tenant-view'
import type { Design, Tenant, Workload } from '../../../shared/design/schema'
import { estimateBill, simulatedBill, type AllocationTotals } from './bill'
import { hasNetworkTraffic } from '../network/network-run'
import { estimatedNetworkGB } from './network-estimate'
import { createTenantGuard, type TenantGuard } from './guard'
import { findTenant, forEachOwnInstance, insideOwnVm, ownWorkloads } from './instances'
import type { ProjectionOptions } from './inputs'
import { projectQuotas } from './quotas'
import { projectRun } from './run'
import { buildZones } from './zones'
import { projectVirtualNetwork } from './virtual-network'

/** Default cap on listed instances: views stay small enough to draw and to push live. */
export const DEFAULT_INSTANCE_LIMIT = 2000

export type ProjectionResult = { ok: true; view: TenantView } | { ok: false; reason: 'no-tenant' }

function tenantRecord(tenant: Tenant): TenantView['tenant'] {
  return {
    id: tenant.id,
    name: tenant.name,
    colour: tenant.colour,
    isolation: tenant.isolation,
    showHostNames: tenant.showHostNames,
  }
}

/**
 * Projects the design onto one tenant. `no-tenant` when the tenant is not in the design (the
 * caller turns that into an error that does not say whether other tenants exist).
 */
export function projectTenantView(
  design: Design,
  tenantId: string,
  options: ProjectionOptions = {},
): ProjectionResult {
  const tenant = findTenant(design, tenantId)
  if (!tenant) return { ok: false, reason: 'no-tenant' }
  const limit = Math.max(0, options.instanceLimit ?? DEFAULT_INSTANCE_LIMIT)
  const workloads = ownWorkloads(design, tenantId)
  const ownIds = new Set(workloads.map((w) => w.id))
  const result = options.simulation?.result
  const records = new Map(
    (result?.instances ?? [])
      .filter((r) => r.tenantId === tenantId && ownIds.has(r.workloadId))
      .map((r) => [r.instanceId, r]),
  )

  // Where each own instance is: the placement if there is one, else the run's record.
  const hostOf = new Map<string, string>()
  const unplaced = new Set<string>()
  const placement = options.placement
  if (placement) {
    const own = (id: string): boolean => ownIds.has(id.slice(0, id.lastIndexOf('#')))
    for (const p of placement.placed) if (own(p.instanceId)) hostOf.set(p.instanceId, p.hostId)
    for (const u of placement.unplaced) if (own(u.instanceId)) unplaced.add(u.instanceId)
  } else {
    for (const r of records.values()) {
      const hostId = r.finalHostId ?? r.initialHostId
      if (hostId !== undefined) hostOf.set(r.instanceId, hostId)
      else if (r.status === 'unplaced') unplaced.add(r.instanceId)
    }
  }
  const ordered: Array<{ instanceId: string; hostId: string }> = []
  forEachOwnInstance(workloads, (id) => {
    const hostId = hostOf.get(id)
    if (hostId !== undefined) ordered.push({ instanceId: id, hostId })
  })
  const { zones, zoneOfHost } = buildZones(design, ordered, tenant.showHostNames)
  // Built only when there is free text to scrub (it indexes every name in the design).
  let guard: TenantGuard | undefined
  const redact = (text: string): string =>
    (guard ??= createTenantGuard(design, tenantId, {
      visibleHostIds: tenant.showHostNames ? zoneOfHost.keys() : [],
      allow: zones.flatMap((z) => [z.id, z.label]),
    })).redact(text)

  const zoneLabel = new Map(zones.map((z) => [z.id, z.label]))
  /**
   * Why an own instance was not placed, in the tenant's terms (review s7c #4): one inside the
   * tenant's own VMs (a node pool) is about those VMs, the one thing the tenant can change,
   * never about the provider's hosts.
   */
  const unplacedSummary = (w: Workload, reasons: readonly string[]): string => {
    const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : ''
    const runsIn = w.nesting?.runsIn
    const outer = runsIn === undefined ? undefined : workloads.find((o) => o.id === runsIn)
    if (!outer) return `No host could take this instance${why}.`
    const name = outer.name || outer.id
    return outer.count === 1
      ? `Your 1 VM of ${name} has no room for it${why}.`
      : `None of your ${outer.count} VMs of ${name} has room for it${why}.`
  }
  /** `summary`, naming `reasons` if it does not already (the views show the summary alone). */
  const withReasons = (summary: string, reasons: readonly string[]): string => {
    const missing = reasons.filter((r) => !summary.includes(r))
    return missing.length === 0 ? summary : `${summary.replace(/\.$/, '')}: ${missing.join('; ')}.`
  }
  /** The scheduler's decision about an own instance, in tenant-safe words. */
  const explain = (id: string, w: Workload, zoneId: string | undefined, refused: boolean) => {
    if (zoneId === undefined && !refused) return undefined
    const given = options.explain?.(id)
    const reasons = (given?.reasons ?? []).map(redact)
    const entry: TenantExplanation = {
      instanceId: id,
      outcome: zoneId !== undefined ? 'placed' : 'unplaced',
      summary:
        given?.summary !== undefined && given.summary !== ''
          ? withReasons(redact(given.summary), reasons)
          : zoneId !== undefined
            ? `Placed on ${zoneLabel.get(zoneId) ?? zoneId}.`
            : unplacedSummary(w, reasons),
      reasons,
    }
    if (zoneId !== undefined) entry.zoneId = zoneId
    return entry
  }
  const instances: TenantInstance[] = []
  const volumes: TenantVolume[] = []
  const explanations: TenantExplanation[] = []
  const placedTotals: AllocationTotals = { vcpus: 0, usedVcpus: 0, memoryMiB: 0, diskGiB: 0 }
  let placedCount = 0
  let count = 0
  /**
   * Per own workload: its instances the estimate counts: those with a host, and those nothing
   * places yet (no placement, no run record). A refused one holds and sends nothing in a run,
   * so it is no part of the estimate, whether the placement or the run's records refused it.
   */
  const counted = new Map<string, number>()
  forEachOwnInstance(workloads, (id, w) => {
    count++
    const hostId = hostOf.get(id)
    const runs = hostId !== undefined || (!placement && !records.has(id))
    if (runs) counted.set(w.id, (counted.get(w.id) ?? 0) + 1)
    const zoneId = hostId === undefined ? undefined : zoneOfHost.get(hostId)
    // An instance inside the tenant's own VM (a node pool, VMs in VMs) lives in capacity the
    // tenant already holds: it adds nothing to the quotas, the estimate or the volumes
    // (`insideOwnVm`).
    const inside = insideOwnVm(w)
    if (!inside && runs) {
      // Before any placement or run, the estimate bills what the tenant asks for.
      if (hostId !== undefined) placedCount++
      placedTotals.vcpus += w.vcpus
      placedTotals.usedVcpus += w.vcpus * ((w.demand?.meanPercent ?? 100) / 100)
      placedTotals.memoryMiB += w.memoryMiB
      placedTotals.diskGiB += w.diskGiB
      placedTotals.iops = (placedTotals.iops ?? 0) + w.iops
    }
    if (instances.length >= limit) return
    const instance: TenantInstance = {
      id,
      workloadId: w.id,
      workloadName: w.name,
      kind: w.kind,
      vcpus: w.vcpus,
      mipsPerVcpu: w.mipsPerVcpu,
      memoryMiB: w.memoryMiB,
      diskGiB: w.diskGiB,
      guestOs: w.guestOs,
      placement: zoneId !== undefined ? 'placed' : unplaced.has(id) ? 'unplaced' : 'unknown',
    }
    if (w.networkId !== undefined) instance.networkId = w.networkId
    if (zoneId !== undefined) instance.zoneId = zoneId
    const record = records.get(id)
    if (record) {
      instance.run = {
        status: record.status,
        migrations: record.migrations,
        downtimeS: record.downtimeS,
        availabilityPercent: record.availabilityPercent,
        requestedCpuMi: record.requestedCpuMi,
        allocatedCpuMi: record.allocatedCpuMi,
        stealCpuMi: Math.max(0, record.requestedCpuMi - record.allocatedCpuMi),
      }
    }
    instances.push(instance)
    if (!inside && w.diskGiB > 0)
      volumes.push({
        id: `${id}/disk`,
        instanceId: id,
        sizeGiB: w.diskGiB,
        storageClass: w.storageClass ?? 'default',
      })
    const explanation = explain(id, w, zoneId, unplaced.has(id))
    if (explanation) explanations.push(explanation)
  })

  const networks = design.networks
    .filter((n) => n.tenantId === tenantId)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind,
      segmentId: n.segmentId,
      cidr: n.cidr,
      instanceIds: instances.filter((i) => i.networkId === n.id).map((i) => i.id),
    }))

  const usage = result?.tenants.find((t) => t.tenantId === tenantId)
  const estimateS = options.simulation?.info?.horizonS ?? design.simulation.horizonS
  // Pods in the tenant's own VMs send traffic of their own: every counted instance sends.
  if (!usage && hasNetworkTraffic(design))
    placedTotals.networkGB = estimatedNetworkGB(workloads, counted, estimateS)
  const run = projectRun(
    tenant,
    usage,
    options.simulation,
    result?.series,
    result?.storage?.tenants.find((t) => t.tenantId === tenantId),
  )
  // A cancelled or failed run billed only the virtual time it reached, not its horizon.
  const info = options.simulation?.info
  const stopped = info?.status === 'cancelled' || info?.status === 'failed' ? info : undefined
  const periodS = stopped ? stopped.virtualTimeS : (info?.horizonS ?? design.simulation.horizonS)
  // A zone names the listed instances only: a tenant with 100,000 placed instances sent
  // every id in every view and push (closing note s9, events bounded).
  const shown = count > instances.length ? new Set(instances.map((i) => i.id)) : undefined
  const view: TenantView = {
    tenant: tenantRecord(tenant),
    zones: shown
      ? zones.map((z) => ({ ...z, instanceIds: z.instanceIds.filter((id) => shown.has(id)) }))
      : zones,
    instances,
    instanceCount: count,
    instancesTruncated: count > instances.length,
    instanceLimit: limit,
    networks,
    volumes,
    quotas: projectQuotas(
      tenant,
      workloads,
      placement ? { ...placedTotals, count: placedCount } : undefined,
    ),
    bill: usage
      ? simulatedBill(usage, periodS, stopped?.status as 'cancelled' | 'failed' | undefined)
      : estimateBill(tenant, placedTotals, estimateS),
    sla: run.sla,
    explanations,
  }
  // Lost CPU as vCPU time: an instance's lost MI over its vCPUs' MIPS is vCPU-seconds.
  if (run.sla.stealCpuMi !== undefined && records.size > 0) {
    let lostVcpuS = 0
    forEachOwnInstance(workloads, (id, w) => {
      const r = records.get(id)
      if (r && w.mipsPerVcpu > 0)
        lostVcpuS += Math.max(0, r.requestedCpuMi - r.allocatedCpuMi) / w.mipsPerVcpu
    })
    view.sla.stealVcpuHours = lostVcpuS / 3600
  }
  if (run.usage) view.usage = run.usage
  if (run.series) view.series = run.series
  if (run.state) view.run = run.state
  if (run.storage) view.storage = run.storage
  const virtualNetwork = projectVirtualNetwork(
    workloads,
    result?.network?.tenants.find((t) => t.tenantId === tenantId),
  )
  if (virtualNetwork) view.virtualNetwork = virtualNetwork
  return { ok: true, view }
}
