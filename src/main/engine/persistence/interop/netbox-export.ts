/**
 * Design -> NetBox device CSV in NetBox's bulk-import columns, so that NetBox can load it and
 * Strata can read it back (`netbox-import.ts` documents the mapping). Hardware specs travel in
 * `cf_*` custom-field columns; rack units are assigned top-down from U42 in canvas order.
 */
import type { Problem } from '../../../../shared/contract/result'
import type { Design, Host, Switch } from '../../../../shared/design/schema'
import { formatCsv } from './csv'
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
] as const

const STATUS: Record<Host['state'], string> = {
  up: 'active',
  down: 'offline',
  maintenance: 'planned',
}

type Device = { kind: 'host'; item: Host } | { kind: 'switch'; item: Switch }

/** Exports the design's hosts and switches as a NetBox device CSV. */
export function exportNetboxCsv(design: Design): ExportResult {
  const zoneOf = new Map(design.zones.map((z) => [z.id, z.name]))
  const rackOf = new Map(design.racks.map((r) => [r.id, r]))
  const devices: Device[] = [
    ...design.switches.map((item) => ({ kind: 'switch' as const, item })),
    ...design.hosts.map((item) => ({ kind: 'host' as const, item })),
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
    list.forEach((d, j) => {
      const rack = rackId ? rackOf.get(rackId) : undefined
      const zone = rack?.zoneId ? (zoneOf.get(rack.zoneId) ?? '') : ''
      const [site = '', location = ''] = zone ? zone.split(' / ') : ['Strata']
      const cells: Partial<Record<(typeof NETBOX_COLUMNS)[number], string>> = {
        name: d.item.name || d.item.id,
        manufacturer: 'Generic',
        site,
        location,
        rack: rack?.name ?? '',
        position: rack ? String(42 - 2 * j) : '',
        face: rack ? 'front' : '',
      }
      if (d.kind === 'host') {
        const h = d.item
        Object.assign(cells, {
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
        })
      } else {
        const s = d.item
        Object.assign(cells, {
          role: `${s.tier} switch`,
          device_type: `${s.ports}-port ${s.portGbps} Gbps switch`,
          status: 'active',
          cf_ports: String(s.ports),
          cf_port_gbps: String(s.portGbps),
        })
      }
      rows.push(NETBOX_COLUMNS.map((c) => cells[c] ?? ''))
    })
  }
  const warnings: Problem[] = []
  const lost = (['storage', 'links', 'tenants', 'networks', 'workloads', 'traces'] as const).filter(
    (k) => design[k].length > 0,
  )
  if (lost.length > 0)
    warnings.push({
      severity: 'warning',
      path: '',
      message: `a NetBox device list holds hosts, switches and racks only; not exported: ${lost.map((k) => `${design[k].length} ${k}`).join(', ')}`,
    })
  return { contents: formatCsv(NETBOX_COLUMNS, rows), warnings }
}
