/**
 * Design -> OpenDC topology JSON (`{ clusters: [...] }`, see `opendc-import.ts`). One cluster
 * per rack (plus one for hosts outside racks), one host entry per host with `count: 1` so
 * names survive; `coreSpeed` in MHz (= MIPS), `memorySize` in bytes, and the power curve as
 * the OpenDC model that reproduces it (linear when none does, with a warning).
 */
import type { Problem } from '../../../../shared/contract/result'
import type { Design, Host } from '../../../../shared/design/schema'
import { shapeOf } from './opendc-power'
import type { ExportResult } from './types'

function hostSpec(h: Host, index: number, warnings: Problem[]): Record<string, unknown> {
  const shape = shapeOf(h.powerCurveW)
  if (!shape)
    warnings.push({
      severity: 'warning',
      path: `hosts[${index}].powerCurveW`,
      message: `${h.name || h.id}: the power curve matches no OpenDC model; exported as linear from idle to max`,
    })
  return {
    name: h.name || h.id,
    count: 1,
    cpu: { count: h.sockets, coreCount: h.coresPerSocket, coreSpeed: h.mipsPerCore },
    memory: { memorySize: Math.round(h.memoryMiB * 2 ** 20) },
    cpuPowerModel: {
      modelType: shape ?? 'linear',
      idlePower: h.powerCurveW[0] ?? 0,
      maxPower: h.powerCurveW[10] ?? 0,
    },
  }
}

/** Exports the design's racks and hosts as an OpenDC topology, pretty-printed. */
export function exportOpenDcTopology(design: Design): ExportResult {
  const warnings: Problem[] = []
  const clusters: Array<Record<string, unknown>> = []
  const indexed = design.hosts.map((h, i) => ({ h, i }))
  for (const rack of design.racks) {
    const members = indexed.filter(({ h }) => h.rackId === rack.id)
    if (members.length > 0)
      clusters.push({
        name: rack.name || rack.id,
        count: 1,
        hosts: members.map(({ h, i }) => hostSpec(h, i, warnings)),
      })
  }
  const loose = indexed.filter(({ h }) => !h.rackId)
  if (loose.length > 0)
    clusters.push({
      name: 'Unracked',
      count: 1,
      hosts: loose.map(({ h, i }) => hostSpec(h, i, warnings)),
    })
  const lost = (['switches', 'links', 'storage', 'tenants', 'workloads'] as const).filter(
    (k) => design[k].length > 0,
  )
  if (lost.length > 0)
    warnings.push({
      severity: 'warning',
      path: '',
      message: `an OpenDC topology holds clusters of hosts only; not exported: ${lost.map((k) => `${design[k].length} ${k}`).join(', ')}; virtualization, disks and NICs are dropped too`,
    })
  return { contents: JSON.stringify({ clusters }, null, 2) + '\n', warnings }
}
