/**
 * What each layer costs at a placement: for every placed instance the layers under it
 * (./stack.ts) charge their CPU overhead on the instance's vCPUs at full demand and their
 * per-instance memory; reserves (a type-2 host's OS, a hypervisor's own memory, a node's
 * reserve inside a VM) are charged once per machine that holds instances.
 */
import type { PlacedInstance } from '../../../shared/domain/placement'
import type { Design } from '../../../shared/design/schema'
import { LAYER_NAMES, type LayerCost } from '../../../shared/domain/layer-costs'
import { memoryOverheadMiB, overheadsFor } from '../virtualization'
import { innerDemand, innerLayerCosts, innerLayerOf, outerRoom } from './inner-layer'
import { workloadIdOf } from './stack'

type Row = { instances: number; cpu: number; mem: number }

/** Per-layer costs of `placed` (layers with nothing to serve are left out). */
export function layerCosts(design: Design, placed: readonly PlacedInstance[]): LayerCost[] {
  const rows = new Map<LayerCost['layer'], Row>(
    LAYER_NAMES.map((n) => [n, { instances: 0, cpu: 0, mem: 0 }]),
  )
  const add = (layer: LayerCost['layer'], cpu: number, mem: number, n = 1): void => {
    const r = rows.get(layer) as Row
    r.instances += n
    r.cpu += cpu
    r.mem += mem
  }
  const hosts = new Map(design.hosts.map((h) => [h.id, h]))
  const workloads = new Map(design.workloads.map((w) => [w.id, w]))
  const usedHosts = new Set<string>()
  const holders = new Map<string, string>()
  for (const p of placed) {
    const w = workloads.get(p.workloadId)
    if (!w) continue
    if (p.outerInstanceId !== undefined) {
      const outer = workloads.get(workloadIdOf(p.outerInstanceId))
      if (!outer) continue
      holders.set(p.outerInstanceId, w.kind)
      const layer = innerLayerOf(outer, w.kind)
      const c = innerLayerCosts(layer)
      add(
        layer.kind === 'os' ? 'container-runtime' : 'nested-hypervisor',
        (w.vcpus * w.mipsPerVcpu * c.cpuOverheadPercent) / 100,
        innerDemand(w, layer).memoryMiB - Math.ceil(w.memoryMiB),
      )
      continue
    }
    const host = hosts.get(p.hostId)
    if (!host || host.virtualization.kind === 'native') continue
    usedHosts.add(host.id)
    const o = overheadsFor(host)
    add(
      host.virtualization.kind === 'os' ? 'shared-kernel' : 'hypervisor',
      (w.vcpus * w.mipsPerVcpu * o.cpuOverheadPercent) / 100,
      memoryOverheadMiB(o, w.vcpus, w.memoryMiB),
    )
  }
  for (const id of [...usedHosts].sort()) {
    const host = hosts.get(id)
    if (!host) continue
    const hosted = host.virtualization.hostedOs
    const cores = host.sockets * host.coresPerSocket
    if (hosted)
      add('host-os', (cores * host.mipsPerCore * hosted.cpuPercent) / 100, hosted.memoryMiB)
    else {
      const o = overheadsFor(host)
      add(
        host.virtualization.kind === 'os' ? 'shared-kernel' : 'hypervisor',
        o.reservedCores * host.mipsPerCore,
        o.reservedMemoryMiB,
        0,
      )
    }
  }
  for (const [outerId, innerKind] of [...holders].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const outer = workloads.get(workloadIdOf(outerId))
    if (!outer) continue
    const room = outerRoom(outer, innerLayerOf(outer, innerKind as 'vm' | 'container'))
    add('guest-kernel', (room.reservedVcpuMilli / 1000) * outer.mipsPerVcpu, room.reservedMemoryMiB)
  }
  const out: LayerCost[] = []
  for (const [layer, r] of rows)
    if (r.instances > 0 || r.mem > 0 || r.cpu > 0)
      out.push({ layer, instances: r.instances, cpuOverheadMips: r.cpu, memoryMiB: r.mem })
  return out
}
