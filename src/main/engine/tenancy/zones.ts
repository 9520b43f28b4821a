/**
 * Pseudonymous hosts ("placement zones" in the code): each physical host the tenant's instances
 * use gets a pseudonym, id `zone-N` and label `Host N` (review s9u C4: labelled `Zone N` they
 * read as availability zones, which the design has too), numbered in the order of the tenant's own instances (so it depends on nothing but
 * the tenant's own placement). Host names appear only when the tenant may see them, and then
 * only for hosts its instances use.
 */
import type { TenantZone } from '../../../shared/domain/tenant-view'
import type { Design } from '../../../shared/design/schema'

export interface ZoneMap {
  zones: TenantZone[]
  /** Host id -> zone id, for the tenant's hosts only (never leaves the engine). */
  zoneOfHost: Map<string, string>
}

/**
 * @param ownHosts host id of each of the tenant's placed instances, in instance order.
 * @param showHostNames label zones with host names (the tenant's `showHostNames`).
 */
export function buildZones(
  design: Design,
  ownHosts: ReadonlyArray<{ instanceId: string; hostId: string }>,
  showHostNames: boolean,
): ZoneMap {
  const zoneOfHost = new Map<string, string>()
  const zones: TenantZone[] = []
  const byId = new Map<string, TenantZone>()
  for (const { instanceId, hostId } of ownHosts) {
    let zoneId = zoneOfHost.get(hostId)
    if (zoneId === undefined) {
      const n = zones.length + 1
      zoneId = `zone-${n}`
      zoneOfHost.set(hostId, zoneId)
      const zone: TenantZone = { id: zoneId, label: `Host ${n}`, instanceIds: [] }
      if (showHostNames) {
        const host = design.hosts.find((h) => h.id === hostId)
        if (host && host.name !== '') {
          zone.hostName = host.name
          zone.label = host.name
        }
      }
      zones.push(zone)
      byId.set(zoneId, zone)
    }
    byId.get(zoneId)?.instanceIds.push(instanceId)
  }
  return { zones, zoneOfHost }
}
