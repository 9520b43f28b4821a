/**
 * NetBox device CSV: header spellings and device roles.
 *
 * Headers come in two families. NetBox's device table export writes column titles
 * (`Name`, `Status`, `Site`, `Location`, `Rack`, `Position (U)` or `Position`, `Role` or
 * `Device Role`, `Type` or `Device type`, `Platform`, `Serial number`, `Rack face`, ...);
 * its bulk import reads field names (`name`, `role` (`device_role` before 4.0), `device_type`,
 * `site`, `location`, `rack`, `position`, `face`, `status`, `platform`, `cf_<custom field>`).
 * Both map to one key per field: lower case, runs of other characters as `_`, then the
 * aliases below.
 */
import type { Switch } from '../../../../shared/design/schema'

const ALIASES: Record<string, string> = {
  device_role: 'role',
  type: 'device_type',
  serial_number: 'serial',
  position_u: 'position',
  rack_position: 'position',
  rack_face: 'face',
}

/** The field a header names (`Position (U)` -> `position`, `Device type` -> `device_type`). */
export function headerKey(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return ALIASES[key] ?? key
}

/** What Strata makes of a device with a given NetBox role. */
export type RoleClass =
  | { kind: 'host' }
  | { kind: 'switch'; tier: Switch['tier'] }
  | { kind: 'storage' }
  | { kind: 'skip'; why: string }

/** Roles that are infrastructure around the compute, never hosts or switches. */
const OTHER =
  /console|terminal.?server|\bkvm.?switch|access.?point|\bwap\b|wireless|wi-?fi|\bpdu\b|\bpower\b|\bups\b|patch|cable|firewall|load.?balancer|camera|phone|sensor|blank/i
const STORAGE = /storage|\bsan\b|\bnas\b|filer|disk.?array|object.?store/i
const SERVER = /server|compute|hypervisor|host|node|worker|blade|kvm|virtuali[sz]ation/i
const NETWORK =
  /switch|router|leaf|spine|core|aggregation|distribution|\btor\b|top.of.rack|access|network|fabric/i

/** Classifies a NetBox role by name: compute host, switch (with tier), storage, or other. */
export function classifyRole(role: string): RoleClass {
  if (OTHER.test(role)) return { kind: 'skip', why: 'neither a compute host, a switch nor storage' }
  if (STORAGE.test(role)) return { kind: 'storage' }
  if (SERVER.test(role)) return { kind: 'host' }
  if (NETWORK.test(role))
    return {
      kind: 'switch',
      tier: /spine|core|router/i.test(role)
        ? 'core'
        : /aggregation|distribution/i.test(role)
          ? 'aggregation'
          : 'access',
    }
  return {
    kind: 'skip',
    why: role ? 'neither a compute host, a switch nor storage' : 'it has no role',
  }
}

/** True for a cell a spreadsheet would run as a formula (OWASP's CSV injection prefixes). */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell)
}
