/**
 * The scheduler's standing rules, applied to every host the simulation picks on its own
 * (consolidation targets by PABFD, restarts under a consolidation policy): the host's
 * virtualization accepts the guest, tenant isolation (dedicated hosts and racks) holds, and
 * anti-affinity (host or rack) holds. CloudSim-compatible runs have none of these rules.
 *
 * Not applied: positive affinity (it would pin a group to wherever it first landed and forbid
 * every migration) and quotas (a migration does not change what a tenant holds).
 */
import type { Design } from '../../../shared/design/schema'
import { acceptsGuest } from '../virtualization'

/** Per-run rule tables; `allows` is called on the hot path of PABFD. */
export interface PlacementRules {
  /** Whether instance `v` may run on host `h`, given what runs there now. */
  allows(h: number, v: number, onHost: (h: number) => readonly number[]): boolean
  /**
   * Per host, an id shared by hosts that accept exactly the same guests (same
   * virtualization kind, host OS and CPU extensions), for indexes that skip whole groups.
   */
  guestClass: Int32Array
  /** Whether host `h`'s virtualization accepts instance `v`'s guest (one part of `allows`). */
  acceptsGuestOf(h: number, v: number): boolean
}

const SHARED = 0
const DEDICATED_HOSTS = 1
const DEDICATED_RACKS = 2

export function buildPlacementRules(
  design: Design,
  vmWorkload: Int32Array,
  vmTenant: Int32Array,
): PlacementRules {
  const H = design.hosts.length
  const hostsByRack = new Map<string, number[]>()
  const hostRack = design.hosts.map((h, i) => {
    if (h.rackId) hostsByRack.set(h.rackId, [...(hostsByRack.get(h.rackId) ?? []), i])
    return h.rackId
  })
  const isolation = design.tenants.map((t) =>
    t.isolation === 'dedicated-hosts'
      ? DEDICATED_HOSTS
      : t.isolation === 'dedicated-racks'
        ? DEDICATED_RACKS
        : SHARED,
  )
  const anyDedicated = isolation.some((x) => x !== SHARED)
  const antiScope = design.workloads.map((w) =>
    w.affinity.policy === 'anti-affinity' ? w.affinity.scope : undefined,
  )
  /** Per workload, per host: 0 not yet known, 1 accepted, 2 refused. */
  const guest = new Map<number, Uint8Array>()

  function guestOk(h: number, wi: number): boolean {
    let row = guest.get(wi)
    if (!row) guest.set(wi, (row = new Uint8Array(H)))
    if (row[h] === 0) {
      const host = design.hosts[h]
      const workload = design.workloads[wi]
      row[h] = host && workload && acceptsGuest(host, workload).ok ? 1 : 2
    }
    return row[h] === 1
  }

  /** Tenants on `hosts` clash with tenant `t` under `level` (host- or rack-wide isolation). */
  function clashes(
    t: number,
    hosts: readonly number[],
    onHost: (h: number) => readonly number[],
    rackWide: boolean,
  ): boolean {
    const mine = isolation[t] ?? SHARED
    for (const h of hosts) {
      for (const other of onHost(h)) {
        const o = vmTenant[other] as number
        if (o === t) continue
        const theirs = isolation[o] ?? SHARED
        if (
          rackWide
            ? mine === DEDICATED_RACKS || theirs === DEDICATED_RACKS
            : mine !== SHARED || theirs !== SHARED
        )
          return true
      }
    }
    return false
  }

  function sameWorkloadOn(
    hosts: readonly number[],
    v: number,
    onHost: (h: number) => readonly number[],
  ): boolean {
    const wi = vmWorkload[v]
    for (const h of hosts)
      for (const other of onHost(h)) if (other !== v && vmWorkload[other] === wi) return true
    return false
  }

  const guestKeys = new Map<string, number>()
  const guestClass = Int32Array.from(design.hosts, (h) => {
    const key = `${JSON.stringify(h.virtualization)}|${h.cpuExtensions}`
    let id = guestKeys.get(key)
    if (id === undefined) guestKeys.set(key, (id = guestKeys.size))
    return id
  })

  return {
    guestClass,
    acceptsGuestOf: (h, v) => guestOk(h, vmWorkload[v] as number),
    allows(h, v, onHost) {
      const wi = vmWorkload[v] as number
      if (!guestOk(h, wi)) return false
      const rack = hostRack[h]
      const rackHosts = rack ? (hostsByRack.get(rack) ?? [h]) : [h]
      let refused = false
      if (anyDedicated) {
        const t = vmTenant[v] as number
        refused = clashes(t, [h], onHost, false) || clashes(t, rackHosts, onHost, true)
      }
      const scope = antiScope[wi]
      if (!refused && scope === 'host') refused = sameWorkloadOn([h], v, onHost)
      if (!refused && scope === 'rack') refused = sameWorkloadOn(rackHosts, v, onHost)
      return !refused
    },
  }
}
