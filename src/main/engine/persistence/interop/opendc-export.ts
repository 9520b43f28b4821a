/**
 * Design -> OpenDC topology JSON (`{ clusters: [...] }`, see `opendc-import.ts`).
 *
 * One cluster per rack (plus one for hosts outside racks), one host entry per host with
 * `count: 1` so names survive. Every quantity is written with its unit, so no OpenDC version
 * guesses: `coreSpeed` `"2600 MHz"` (1 MIPS = 1 MHz), memory `"262144 MiB"`, power `"112 W"`
 * (OpenDC's unit readers accept these spellings; a bare memory number would be read as MiB
 * by OpenDC today but as bytes by older versions). The power curve becomes the OpenDC model
 * that reproduces it within half a watt at every 10 % (constant, linear, sqrt, square, cubic),
 * else linear from idle to max with a warning.
 *
 * `schema: 'topology'` (default) writes the fields of OpenDC's compute topology reader
 * (`memory.memorySize`, `cpuPowerModel.modelType`, used by its experiment runner);
 * `schema: 'sdk'` writes those of its SDK model (`memory.size`, `cpuPowerModel.type`).
 */
import type { Problem } from '../../../../shared/domain/problem'
import type { Design, Host } from '../../../../shared/design/schema'
import { shapeOf } from './opendc-power'
import type { ExportResult } from './types'

/** Which of OpenDC's two topology readers the export is written for. */
export type OpenDcSchema = 'topology' | 'sdk'

/** A number without float noise, for unit strings. */
const fmt = (x: number): string => String(Math.round(x * 1e6) / 1e6)

function powerModel(h: Host, index: number, schema: OpenDcSchema, warnings: Problem[]) {
  const typeKey = schema === 'sdk' ? 'type' : 'modelType'
  const curve = h.powerCurveW
  const idle = curve[0] ?? 0
  const max = curve[10] ?? 0
  if (curve.every((w) => w === idle) && idle > 0)
    return {
      [typeKey]: 'constant',
      power: `${fmt(idle)} W`,
      idlePower: `${fmt(idle)} W`,
      maxPower: `${fmt(idle)} W`,
    }
  const shape = shapeOf(curve)
  if (!shape)
    warnings.push({
      severity: 'warning',
      path: `hosts[${index}].powerCurveW`,
      message: `${h.name || h.id}: the power curve matches no OpenDC model; exported as linear from ${idle} W to ${max} W`,
    })
  return { [typeKey]: shape ?? 'linear', idlePower: `${fmt(idle)} W`, maxPower: `${fmt(max)} W` }
}

function hostSpec(h: Host, index: number, schema: OpenDcSchema, warnings: Problem[]) {
  return {
    name: h.name || h.id,
    count: 1,
    cpu: { count: h.sockets, coreCount: h.coresPerSocket, coreSpeed: `${fmt(h.mipsPerCore)} MHz` },
    memory: { [schema === 'sdk' ? 'size' : 'memorySize']: `${fmt(h.memoryMiB)} MiB` },
    cpuPowerModel: powerModel(h, index, schema, warnings),
  }
}

/** Exports the design's racks and hosts as an OpenDC topology, pretty-printed. */
export function exportOpenDcTopology(
  design: Design,
  options: { schema?: OpenDcSchema } = {},
): ExportResult {
  const schema = options.schema ?? 'topology'
  const warnings: Problem[] = []
  const clusters: Array<Record<string, unknown>> = []
  const indexed = design.hosts.map((h, i) => ({ h, i }))
  const spec = ({ h, i }: { h: Host; i: number }) => hostSpec(h, i, schema, warnings)
  for (const rack of design.racks) {
    const members = indexed.filter(({ h }) => h.rackId === rack.id)
    if (members.length > 0)
      clusters.push({ name: rack.name || rack.id, count: 1, hosts: members.map(spec) })
  }
  const loose = indexed.filter(({ h }) => !h.rackId)
  if (loose.length > 0) clusters.push({ name: 'Unracked', count: 1, hosts: loose.map(spec) })
  const lost = (
    ['zones', 'switches', 'links', 'storage', 'tenants', 'networks', 'workloads', 'traces'] as const
  ).filter((k) => design[k].length > 0)
  if (lost.length > 0)
    warnings.push({
      severity: 'warning',
      path: '',
      message: `an OpenDC topology holds clusters of hosts only; not exported: ${lost.map((k) => `${design[k].length} ${k}`).join(', ')}`,
    })
  if (design.hosts.length > 0)
    warnings.push({
      severity: 'warning',
      path: 'hosts',
      message:
        'OpenDC hosts have no disk, NIC, virtualization, CPU extensions, state, allocation ratios or failure rates; those host fields are not exported',
    })
  return { contents: JSON.stringify({ clusters }, null, 2) + '\n', warnings }
}
