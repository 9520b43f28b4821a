/**
 * NetBox device CSV -> racks, hosts and switches.
 *
 * Accepts both NetBox's table export (headers such as `Name`, `Device Role`, `Type`) and its
 * bulk-import columns (`name`, `role`/`device_role`, `device_type`, ...). Headers are matched
 * case-insensitively with spaces and dashes read as underscores. Mapping:
 * - `location` (else `site`) -> zone, named `site / location`;
 * - `rack` -> rack in that zone; `position` (rack unit) orders hosts top-down on the canvas;
 * - `role`: server-like roles (server, compute, hypervisor, host, node, worker) -> host;
 *   network roles (switch, router, leaf, spine, core, aggregation, distribution, tor,
 *   access) -> switch (spine/core/router = core tier, aggregation/distribution =
 *   aggregation, else access); any other role (PDU, patch panel, ...) is skipped with a warning;
 * - `status`: active/staged -> up; offline/failed/decommissioning -> down;
 *   planned/inventory -> maintenance;
 * - `platform` -> virtualization product by keyword (ESXi, Hyper-V, Xen, KVM/Proxmox/Linux,
 *   Docker/Kubernetes, LXC, FreeBSD, bare metal); default KVM;
 * - NetBox does not export hardware capacity, so hosts get `DEFAULT_HOST`'s specs unless
 *   these custom-field columns are present: `cf_sockets`, `cf_cores_per_socket`,
 *   `cf_mips_per_core`, `cf_memory_mib` (or `cf_memory_gib`), `cf_disk_gib`, `cf_nic_gbps`,
 *   `cf_power_curve_w` (11 watts separated by `;`), `cf_hypervisor` (a Strata product
 *   name), `cf_cpu_extensions` (vt-x, amd-v or none), and for switches `cf_ports`, `cf_port_gbps`.
 * `manufacturer`, `device_type`, `tenant`, `serial`, `asset_tag`, `face` and other columns
 * are not part of a Strata design and are ignored.
 */
import type { Problem } from '../../../../shared/contract/result'
import {
  CPU_EXTENSIONS,
  VIRTUALIZATION_PRODUCTS,
  type VirtualizationProduct,
} from '../../../../shared/design/enums'
import type { Host, Rack, Switch, Zone } from '../../../../shared/design/schema'
import { emptyDesign } from '../../model/defaults'
import { checkIntegrity } from '../../model/validate'
import { parseCsv } from './csv'
import { DEFAULT_HOST, DEFAULT_SWITCH, IdAllocator, slug, virtualizationFor } from './host-defaults'
import type { ImportResult } from './types'

const ALIASES: Record<string, string> = {
  device_role: 'role',
  type: 'device_type',
  serial_number: 'serial',
}
const norm = (h: string): string => {
  const key = h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return ALIASES[key] ?? key
}

const SERVER = /server|compute|hypervisor|host|node|worker/i
const NETWORK = /switch|router|leaf|spine|core|aggregation|distribution|\btor\b|access|network/i

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
  const parsed = parseCsv(text)
  if (!parsed.ok)
    return {
      ok: false,
      message: `not a CSV file: ${parsed.message}`,
      problems: [
        {
          severity: 'error',
          path: `rows[${parsed.line - 2}]`,
          message: `line ${parsed.line}: ${parsed.message}`,
        },
      ],
    }
  const header = parsed.table.header.map(norm)
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
  const num = (row: string[], key: string, index: number, fallback: number): number => {
    const cell = row[col(key)]?.trim() ?? ''
    if (col(key) < 0 || cell === '') return fallback
    const v = Number(cell)
    if (Number.isFinite(v) && v >= 0) return v
    warnings.push({
      severity: 'warning',
      path: `rows[${index}].${key}`,
      message: `"${cell}" is not a number; using ${fallback}`,
    })
    return fallback
  }

  parsed.table.rows.forEach((row, index) => {
    const get = (key: string): string => (col(key) >= 0 ? (row[col(key)] ?? '').trim() : '')
    const deviceName = get('name') || `device-${index + 1}`
    const role = get('role')
    const isServer = SERVER.test(role)
    const isSwitch = !isServer && NETWORK.test(role)
    if (!isServer && !isSwitch) {
      warnings.push({
        severity: 'warning',
        path: `rows[${index}].role`,
        message: `"${deviceName}" has role "${role}", neither a server nor a network device; skipped`,
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
    if (isSwitch) {
      const tier: Switch['tier'] = /spine|core|router/i.test(role)
        ? 'core'
        : /aggregation|distribution/i.test(role)
          ? 'aggregation'
          : 'access'
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
          : DEFAULT_HOST.powerCurveW,
      state: STATUS[status] ?? 'up',
      cpuExtensions: (CPU_EXTENSIONS as readonly string[]).includes(get('cf_cpu_extensions'))
        ? (get('cf_cpu_extensions') as Host['cpuExtensions'])
        : DEFAULT_HOST.cpuExtensions,
      virtualization: virtualizationFor(product(get('platform'), get('cf_hypervisor'))),
    }
    if (rackId) host.rackId = rackId
    hosts.push(host)
  })

  layout(hosts, switches, [...racks.values()])
  const design = {
    ...emptyDesign(name),
    zones: [...zones.values()],
    racks: [...racks.values()].map(({ units: _units, ...rack }) => rack),
    hosts,
    switches,
  }
  const checked = checkIntegrity(design)
  if (!checked.design)
    return {
      ok: false,
      message: 'the imported inventory is not a valid design',
      problems: checked.problems,
    }
  const counts = { zone: zones.size, rack: racks.size, host: hosts.length, switch: switches.length }
  return { ok: true, design: checked.design, warnings, counts }
}

/** Racks side by side, each rack's devices top-down by rack unit; unracked ones last. */
function layout(
  hosts: Host[],
  switches: Switch[],
  racks: Array<Rack & { units: Array<{ u: number; row: number; id: string }> }>,
): void {
  const at = new Map<string, { x: number; y: number }>()
  racks.forEach((rack, k) => {
    rack.position = { x: 100 + k * 200, y: 300 }
    const order = [...rack.units].sort((a, b) => b.u - a.u || a.row - b.row)
    order.forEach((d, j) => at.set(d.id, { x: 100 + k * 200, y: 200 + j * 60 }))
  })
  let loose = 0
  for (const device of [...switches, ...hosts]) {
    device.position = at.get(device.id) ?? { x: 100 + racks.length * 200, y: 200 + loose++ * 60 }
  }
}
