/**
 * Design -> NetBox device CSV in NetBox's bulk-import columns (`name`, `role`, `manufacturer`,
 * `device_type`, `site`, `location`, `rack`, `position`, `face`, `status`, `platform`), so that
 * NetBox's import can load it (once the named site, racks, roles, manufacturer, device types
 * and `cf_*` custom fields exist there) and Strata can read it back (`netbox-import.ts`
 * documents the mapping). Hardware specs travel in `cf_*` custom-field columns.
 *
 * Rack units: a rack's devices, top to bottom on the canvas, get units from the top down,
 * 2U apart while they fit in 42U, else 1U apart; units above 42 need a taller NetBox rack
 * (warned). Names are written exactly: NetBox stores what it is given, so a name that a
 * spreadsheet would run as a formula (`=1+1`) is kept and named in a warning rather than
 * changed (a `'` prefix would become part of the device's name in NetBox).
 */
import type { Problem } from '../../../../shared/domain/problem'
import type { Design, Host, Storage, Switch } from '../../../../shared/design/schema'
import { looksLikeFormula } from './netbox-columns'
import { writeCsv } from './netbox-csv'
import type { ExportResult } from './types'

export const NETBOX_COLUMNS = [
  'name',
  'role',
  'manufacturer',
  'device_type',
  'site',
  'location',
  'rack',
  'position',
  'face',
  'status',
  'platform',
  'cf_sockets',
  'cf_cores_per_socket',
  'cf_mips_per_core',
  'cf_memory_mib',
  'cf_disk_gib',
  'cf_nic_gbps',
  'cf_power_curve_w',
  'cf_hypervisor',
  'cf_cpu_extensions',
  'cf_ports',
  'cf_port_gbps',
  'cf_capacity_gib',
  'cf_iops',
  'cf_throughput_mbps',
  'cf_replication',
  'cf_storage_classes',
] as const
type Column = (typeof NETBOX_COLUMNS)[number]

const STATUS: Record<Host['state'], string> = {
  up: 'active',
  down: 'offline',
  maintenance: 'planned',
}

type Device = (
  | { kind: 'host'; item: Host }
  | { kind: 'switch'; item: Switch }
  | { kind: 'storage'; item: Storage }
) & { path: string }

function cellsOf(d: Device): Partial<Record<Column, string>> {
  if (d.kind === 'host') {
    const h = d.item
    return {
      role: 'server',
      device_type: `${h.sockets}x${h.coresPerSocket} cores, ${Math.round(h.memoryMiB / 1024)} GiB`,
      status: STATUS[h.state],
      platform: h.virtualization.product,
      cf_sockets: String(h.sockets),
      cf_cores_per_socket: String(h.coresPerSocket),
      cf_mips_per_core: String(h.mipsPerCore),
      cf_memory_mib: String(h.memoryMiB),
      cf_disk_gib: String(h.diskGiB),
      cf_nic_gbps: String(h.nicGbps),
      cf_power_curve_w: h.powerCurveW.join(';'),
      cf_hypervisor: h.virtualization.product,
      cf_cpu_extensions: h.cpuExtensions,
    }
  }
  if (d.kind === 'switch') {
    const s = d.item
    return {
      role: `${s.tier} switch`,
      device_type: `${s.ports}-port ${s.portGbps} Gbps switch`,
      status: 'active',
      cf_ports: String(s.ports),
      cf_port_gbps: String(s.portGbps),
    }
  }
  const st = d.item
  return {
    role: `${st.kind} storage`,
    device_type: `${st.kind.toUpperCase()} ${Math.round(st.capacityGiB / 1024)} TiB`,
    status: 'active',
    cf_capacity_gib: String(st.capacityGiB),
    cf_iops: String(st.iops),
    cf_throughput_mbps: String(st.throughputMBps),
    cf_replication: String(st.replication),
    cf_storage_classes: st.classes.join(';'),
  }
}

/** Exports the design's hosts, switches and storage systems as a NetBox device CSV. */
export function exportNetboxCsv(design: Design): ExportResult {
  const warnings: Problem[] = []
  const zoneOf = new Map(design.zones.map((z) => [z.id, z.name]))
  const rackOf = new Map(design.racks.map((r) => [r.id, r]))
  const local = design.storage.filter((s) => s.kind === 'local' || s.hostId)
  const devices: Device[] = [
    ...design.switches.map((item, i) => ({
      kind: 'switch' as const,
      item,
      path: `switches[${i}]`,
    })),
    ...design.storage.flatMap((item, i) =>
      local.includes(item) ? [] : [{ kind: 'storage' as const, item, path: `storage[${i}]` }],
    ),
    ...design.hosts.map((item, i) => ({ kind: 'host' as const, item, path: `hosts[${i}]` })),
  ]
  const byRack = new Map<string, Device[]>()
  for (const d of devices) {
    const key = d.item.rackId ?? ''
    byRack.set(key, [...(byRack.get(key) ?? []), d])
  }
  const rows: string[][] = []
  for (const rackId of [...design.racks.map((r) => r.id), '']) {
    const list = (byRack.get(rackId) ?? []).slice()
    list.sort((a, b) => (a.item.position?.y ?? 0) - (b.item.position?.y ?? 0))
    const rack = rackId ? rackOf.get(rackId) : undefined
    const step = list.length <= 21 ? 2 : 1
    if (rack && list.length > 42)
      warnings.push({
        severity: 'warning',
        path: `racks[${design.racks.indexOf(rack)}]`,
        message: `rack "${rack.name}" holds ${list.length} devices, more than a 42U NetBox rack; it needs a rack of ${list.length}U in NetBox`,
      })
    list.forEach((d, j) => {
      const zone = rack?.zoneId ? (zoneOf.get(rack.zoneId) ?? '') : ''
      const [site = '', location = ''] = zone ? zone.split(' / ') : ['Strata']
      const name = d.item.name || d.item.id
      if (looksLikeFormula(name))
        warnings.push({
          severity: 'warning',
          path: `${d.path}.name`,
          message: `"${name}" starts like a spreadsheet formula; written exactly (NetBox keeps names as given), so do not open this file in a spreadsheet before importing it`,
        })
      const cells: Partial<Record<Column, string>> = {
        name,
        manufacturer: 'Generic',
        site,
        location,
        rack: rack?.name ?? '',
        position: rack ? String(1 + step * (list.length - 1 - j)) : '',
        face: rack ? 'front' : '',
        ...cellsOf(d),
      }
      rows.push(NETBOX_COLUMNS.map((c) => cells[c] ?? ''))
    })
  }
  const lost = (['links', 'tenants', 'networks', 'workloads', 'traces'] as const).filter(
    (k) => design[k].length > 0,
  )
  if (local.length > 0) lost.push('storage' as never)
  if (lost.length > 0)
    warnings.push({
      severity: 'warning',
      path: '',
      message: `a NetBox device list holds hosts, switches, storage systems and racks only; not exported: ${lost
        .map((k) =>
          k === ('storage' as never) ? `${local.length} local storage` : `${design[k].length} ${k}`,
        )
        .join(', ')}`,
    })
  return { contents: writeCsv(NETBOX_COLUMNS, rows), warnings }
}
