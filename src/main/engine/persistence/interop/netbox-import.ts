/**
 * NetBox device CSV -> racks, hosts and switches.
 *
 * Accepts both NetBox's table export (headers such as `Name`, `Role`, `Type`, `Position (U)`)
 * and its bulk-import columns (`name`, `role`/`device_role`, `device_type`, `position`, ...);
 * `netbox-columns.ts` maps the spellings. Mapping:
 * - `location` (else `site`) -> zone, named `site / location`;
 * - `rack` -> rack in that zone; `position` (rack unit, decimal) orders the rack's devices on
 *   the canvas, highest unit on top (U40 above U1);
 * - `role` (`classifyRole`): compute roles -> host; network roles -> switch (spine/core/router =
 *   core tier, aggregation/distribution = aggregation, else access); storage roles (storage,
 *   SAN, NAS, filer) -> a storage system; every other role (console server, KVM switch, access
 *   point, PDU, patch panel, firewall, ...) is skipped with a warning naming the device;
 * - `status`: active/staged -> up; offline/failed/decommissioning -> down;
 *   planned/inventory -> maintenance;
 * - `platform` -> virtualization product by keyword (ESXi, Hyper-V, Xen, KVM/Proxmox/Linux,
 *   Docker/Kubernetes, LXC, FreeBSD, bare metal); default KVM;
 * - NetBox does not export hardware capacity, so hosts get `DEFAULT_HOST`'s specs unless
 *   these custom-field columns are present: `cf_sockets`, `cf_cores_per_socket`,
 *   `cf_mips_per_core`, `cf_memory_mib` (or `cf_memory_gib`), `cf_disk_gib`, `cf_nic_gbps`,
 *   `cf_power_curve_w` (11 watts separated by `;`), `cf_hypervisor` (a Strata product
 *   name), `cf_cpu_extensions` (vt-x, amd-v or none); for switches `cf_ports`, `cf_port_gbps`;
 *   for storage `cf_capacity_gib`, `cf_iops`, `cf_throughput_mbps`, `cf_replication`,
 *   `cf_storage_classes` (names separated by `;`).
 * `manufacturer`, `device_type`, `tenant`, `serial`, `asset_tag`, `face` and other columns
 * are not part of a Strata design and are ignored.
 */
import type { Problem } from '../../../../shared/domain/problem'
import {
  CPU_EXTENSIONS,
  VIRTUALIZATION_PRODUCTS,
  type VirtualizationProduct,
} from '../../../../shared/design/enums'
import type { Host, Rack, Storage, Switch, Zone } from '../../../../shared/design/schema'
import { emptyDesign } from '../../model/defaults'
import { checkIntegrity } from '../../model/validate'
import { DEFAULT_HOST, DEFAULT_SWITCH, IdAllocator, slug, virtualizationFor } from './host-defaults'
import { classifyRole, headerKey } from './netbox-columns'
import { readCsv } from './netbox-csv'
import type { ImportResult } from './types'

/** A storage system's specs when the CSV gives none (a mid-range all-flash SAN). */
const DEFAULT_STORAGE: Omit<Storage, 'id' | 'name' | 'kind'> = {
  capacityGiB: 102_400,
  iops: 200_000,
  throughputMBps: 8000,
  replication: 2,
  classes: ['standard'],
}

const PLATFORMS: Array<[RegExp, VirtualizationProduct]> = [
  [/esxi|vmware|vsphere/i, 'esxi'],
  [/hyper-?v|windows/i, 'hyper-v'],
  [/xen.?pv/i, 'xen-pv'],
  [/xen/i, 'xen-hvm'],
  [/docker|kubernetes|k8s|container/i, 'docker'],
  [/lxc|lxd/i, 'lxc'],
  [/freebsd/i, 'freebsd-jails'],
  [/bare|metal|^none$/i, 'bare-metal'],
  [/proxmox|kvm|openstack|libvirt|linux|ubuntu|debian|rhel|red hat|centos|rocky/i, 'kvm'],
]

function product(platform: string, custom: string): VirtualizationProduct {
  for (const name of [custom.trim(), platform.trim()])
    if (Object.hasOwn(VIRTUALIZATION_PRODUCTS, name)) return name as VirtualizationProduct
  return PLATFORMS.find(([re]) => re.test(platform))?.[1] ?? 'kvm'
}

const STATUS: Record<string, Host['state']> = {
  active: 'up',
  staged: 'up',
  offline: 'down',
  failed: 'down',
  decommissioning: 'down',
  planned: 'maintenance',
  inventory: 'maintenance',
}

/** Imports a NetBox device CSV as a new design named `name`. */
export function importNetboxCsv(text: string, name = 'Imported from NetBox'): ImportResult {
  const parsed = readCsv(text)
  if (!parsed.ok)
    return {
      ok: false,
      message: parsed.tooLarge
        ? `too large to import: ${parsed.message}`
        : `not a CSV file: ${parsed.message}`,
      problems: [
        {
          severity: 'error',
          path: parsed.line < 2 ? 'header' : `rows[${parsed.line - 2}]`,
          message: `line ${parsed.line}: ${parsed.message}`,
        },
      ],
    }
  const header = parsed.table.header.map(headerKey)
  const col = (key: string): number => header.indexOf(key)
  if (col('name') < 0 || col('role') < 0)
    return {
      ok: false,
      message: 'not a NetBox device export: it needs "name" and "role" (or "device role") columns',
      problems: [
        {
          severity: 'error',
          path: 'header',
          message: `columns found: ${parsed.table.header.join(', ')}`,
        },
      ],
    }

  const warnings: Problem[] = []
  const ids = new IdAllocator()
  const zones = new Map<string, Zone>()
  const racks = new Map<string, Rack & { units: Array<{ u: number; row: number; id: string }> }>()
  const hosts: Host[] = []
  const switches: Switch[] = []
  const storage: Storage[] = []
  const num = (row: string[], key: string, index: number, fallback: number): number => {
    const cell = row[col(key)]?.trim() ?? ''
    if (col(key) < 0 || cell === '') return fallback
    const v = Number(cell)
    if (Number.isFinite(v) && v >= 0) return v
    warnings.push({
      severity: 'warning',
      path: `rows[${index}].${key}`,
      message: `line ${parsed.table.lines[index]}: "${cell}" is not a number; using ${fallback}`,
    })
    return fallback
  }

  parsed.table.rows.forEach((row, index) => {
    const get = (key: string): string => (col(key) >= 0 ? (row[col(key)] ?? '').trim() : '')
    const deviceName = get('name') || `device-${index + 1}`
    const role = get('role')
    const cls = classifyRole(role)
    if (cls.kind === 'skip') {
      warnings.push({
        severity: 'warning',
        path: `rows[${index}].role`,
        message: `"${deviceName}" (line ${parsed.table.lines[index]}) has role "${role}", ${cls.why}; skipped`,
      })
      return
    }
    let rackId: string | undefined
    const zoneName = [get('site'), get('location')].filter(Boolean).join(' / ')
    let zoneId: string | undefined
    if (zoneName) {
      const zoneKey = zoneName.toLowerCase()
      if (!zones.has(zoneKey))
        zones.set(zoneKey, {
          id: ids.take(`zone-${slug(get('location') || get('site'))}`),
          name: zoneName,
        })
      zoneId = zones.get(zoneKey)?.id
    }
    const rackName = get('rack')
    if (rackName) {
      const key = `${zoneName}\u0000${rackName}`.toLowerCase()
      let rack = racks.get(key)
      if (!rack) {
        rack = {
          id: ids.take(`rack-${slug(rackName)}`),
          name: rackName,
          uplinkOversubscription: 1,
          units: [],
        }
        if (zoneId) rack.zoneId = zoneId
        racks.set(key, rack)
      }
      rackId = rack.id
    }
    const id = ids.take(slug(deviceName))
    const u = num(row, 'position', index, 0)
    if (rackId)
      racks.get(`${zoneName}\u0000${rackName}`.toLowerCase())?.units.push({ u, row: index, id })
    if (cls.kind === 'storage') {
      const classes = get('cf_storage_classes')
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
      const st: Storage = {
        id,
        name: deviceName,
        kind: /\bnas\b|filer|file/i.test(role) ? 'nas' : /object/i.test(role) ? 'object' : 'san',
        capacityGiB: num(row, 'cf_capacity_gib', index, DEFAULT_STORAGE.capacityGiB),
        iops: num(row, 'cf_iops', index, DEFAULT_STORAGE.iops),
        throughputMBps: num(row, 'cf_throughput_mbps', index, DEFAULT_STORAGE.throughputMBps),
        replication: Math.min(
          16,
          Math.max(1, Math.round(num(row, 'cf_replication', index, DEFAULT_STORAGE.replication))),
        ),
        classes: classes.length > 0 ? classes : [...DEFAULT_STORAGE.classes],
      }
      if (rackId) st.rackId = rackId
      storage.push(st)
      return
    }
    if (cls.kind === 'switch') {
      const tier = cls.tier
      const sw: Switch = {
        id,
        name: deviceName,
        tier,
        ports: Math.round(num(row, 'cf_ports', index, DEFAULT_SWITCH.ports)),
        portGbps:
          num(row, 'cf_port_gbps', index, tier === 'access' ? DEFAULT_SWITCH.portGbps : 100) ||
          DEFAULT_SWITCH.portGbps,
      }
      if (rackId) sw.rackId = rackId
      switches.push(sw)
      return
    }
    const status = get('status').toLowerCase()
    if (status && !(status in STATUS))
      warnings.push({
        severity: 'warning',
        path: `rows[${index}].status`,
        message: `unknown status "${get('status')}"; the host is taken as up`,
      })
    const curve = get('cf_power_curve_w').split(';').map(Number)
    const host: Host = {
      ...DEFAULT_HOST,
      id,
      name: deviceName,
      sockets: Math.round(num(row, 'cf_sockets', index, DEFAULT_HOST.sockets)),
      coresPerSocket: Math.round(
        num(row, 'cf_cores_per_socket', index, DEFAULT_HOST.coresPerSocket),
      ),
      mipsPerCore:
        num(row, 'cf_mips_per_core', index, DEFAULT_HOST.mipsPerCore) || DEFAULT_HOST.mipsPerCore,
      memoryMiB:
        col('cf_memory_mib') >= 0
          ? num(row, 'cf_memory_mib', index, DEFAULT_HOST.memoryMiB)
          : num(row, 'cf_memory_gib', index, DEFAULT_HOST.memoryMiB / 1024) * 1024,
      diskGiB: num(row, 'cf_disk_gib', index, DEFAULT_HOST.diskGiB),
      nicGbps: num(row, 'cf_nic_gbps', index, DEFAULT_HOST.nicGbps) || DEFAULT_HOST.nicGbps,
      powerCurveW:
        curve.length === 11 && curve.every((w) => Number.isFinite(w) && w >= 0)
          ? curve
          : [...DEFAULT_HOST.powerCurveW],
      state: STATUS[status] ?? 'up',
      cpuExtensions: (CPU_EXTENSIONS as readonly string[]).includes(get('cf_cpu_extensions'))
        ? (get('cf_cpu_extensions') as Host['cpuExtensions'])
        : DEFAULT_HOST.cpuExtensions,
      virtualization: virtualizationFor(product(get('platform'), get('cf_hypervisor'))),
    }
    if (rackId) host.rackId = rackId
    hosts.push(host)
  })

  layout([...switches, ...storage, ...hosts], [...racks.values()])
  const design = {
    ...emptyDesign(name),
    zones: [...zones.values()],
    racks: [...racks.values()].map(({ units: _units, ...rack }) => rack),
    hosts,
    switches,
    storage,
  }
  const checked = checkIntegrity(design)
  if (!checked.design)
    return {
      ok: false,
      message: 'the imported inventory is not a valid design',
      problems: checked.problems,
    }
  const counts: Record<string, number> = {
    zone: zones.size,
    rack: racks.size,
    host: hosts.length,
    switch: switches.length,
  }
  if (storage.length > 0) counts.storage = storage.length
  return { ok: true, design: checked.design, warnings, counts }
}

/** Racks side by side, each rack's devices top-down by rack unit (highest on top); unracked last. */
function layout(
  devices: Array<Host | Switch | Storage>,
  racks: Array<Rack & { units: Array<{ u: number; row: number; id: string }> }>,
): void {
  const at = new Map<string, { x: number; y: number }>()
  racks.forEach((rack, k) => {
    rack.position = { x: 100 + k * 200, y: 300 }
    const order = [...rack.units].sort((a, b) => b.u - a.u || a.row - b.row)
    order.forEach((d, j) => at.set(d.id, { x: 100 + k * 200, y: 200 + j * 60 }))
  })
  let loose = 0
  for (const device of devices) {
    device.position = at.get(device.id) ?? { x: 100 + racks.length * 200, y: 200 + loose++ * 60 }
  }
}
