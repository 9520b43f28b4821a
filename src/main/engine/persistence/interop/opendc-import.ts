/**
 * OpenDC topology JSON -> racks and hosts.
 *
 * Reads both forms OpenDC's main branch reads (commit 691036d): the compute topology
 * (`opendc-compute-topology`: `memory.memorySize`, `cpuPowerModel.modelType`) and the SDK model
 * (`opendc-sdk-model`: `memory.size`, `cpuPowerModel.type`), as `{ clusters }`, a scenario's
 * `{ topology: { clusters } }`, an experiment's `{ topologies: [...] }` (the first, warned when
 * there are more), or an older `{ datacenters: [{ clusters }] }`; older hosts
 * with a `cpus` list or `powerModels` list too. Quantities follow OpenDC's unit readers
 * (`opendc-units.ts`: bare numbers are MHz, MiB and W); a bare memory size of 64 TiB or more
 * is read as bytes, with a warning (`BARE_BYTES_FROM_MIB`). Power models of every OpenDC type
 * become 11-point curves (`opendc-power.ts`).
 *
 * Mapping: each cluster copy (`count`) -> a rack; each host copy (`count`) -> a host running
 * KVM with `cpu.count` sockets of `coreCount` cores; 1 MHz of core speed -> 1 MIPS (the
 * convention OpenDC and CloudSim share). Disk and NIC are not in an OpenDC topology: hosts get
 * 0 GiB of disk and a 25 Gbps NIC. GPUs, memory speed, distribution policies, power sources and
 * batteries have no Strata counterpart: each is named in a warning.
 */
import type { Host, Rack } from '../../../../shared/design/schema'
import { emptyDesign } from '../../model/defaults'
import { checkIntegrity } from '../../model/validate'
import { DEFAULT_HOST, IdAllocator, slug } from './host-defaults'
import { isObj, Reader, type Obj } from './opendc-reader'
import { frequencyMHz } from './opendc-units'
import type { ImportResult } from './types'

const HOST_DROPS: Array<[string, string]> = [
  ['gpu', 'Strata hosts have CPUs only'],
  ['gpuPowerModel', 'Strata hosts have CPUs only'],
  ['cpuDistributionPolicy', 'Strata shares a host by its own scheduler'],
  ['cpuDistribution', 'Strata shares a host by its own scheduler'],
]
const CLUSTER_DROPS: Array<[string, string]> = [
  ['powerSource', 'Strata has no power sources or carbon traces'],
  ['battery', 'Strata has no batteries'],
]

function findClusters(json: unknown): { root: Obj; prefix: string } | undefined {
  if (!isObj(json)) return undefined
  if (Array.isArray(json.clusters)) return { root: json, prefix: '' }
  if (isObj(json.topology) && Array.isArray(json.topology.clusters))
    return { root: json.topology, prefix: 'topology.' }
  const first = Array.isArray(json.topologies) ? json.topologies[0] : undefined
  if (isObj(first) && Array.isArray(first.clusters))
    return { root: first, prefix: 'topologies[0].' }
  const dc = Array.isArray(json.datacenters) ? json.datacenters[0] : undefined
  if (isObj(dc) && Array.isArray(dc.clusters)) return { root: dc, prefix: 'datacenters[0].' }
  return undefined
}

/** Reads one host entry into `count` Strata hosts of `rack` (appended to `hosts`). */
function readHost(host: unknown, hp: string, r: Reader): Omit<Host, 'id' | 'name'> | undefined {
  if (!isObj(host)) {
    r.problems.push({ severity: 'error', path: hp, message: 'a host must be an object' })
    return undefined
  }
  if (host.importFrom !== undefined) {
    r.problems.push({
      severity: 'error',
      path: `${hp}.importFrom`,
      message: `hosts imported from another file (${JSON.stringify(host.importFrom)}) are not read; write the host inline`,
    })
    return undefined
  }
  const cpuKey = isObj(host.cpu) ? 'cpu' : Array.isArray(host.cpus) ? 'cpus[0]' : undefined
  const cpu = cpuKey === 'cpus[0]' ? (host.cpus as unknown[])[0] : host.cpu
  if (!isObj(cpu)) {
    r.problems.push({
      severity: 'error',
      path: `${hp}.cpu`,
      message: 'a host needs a "cpu" with coreCount and coreSpeed',
    })
    return undefined
  }
  // OpenDC refuses CPUs without cores (its SDK model: coreCount and count must be > 0).
  const cores =
    cpu.coreCount === undefined
      ? r.count(null, `${hp}.${cpuKey}.coreCount`, 1)
      : r.count(cpu.coreCount, `${hp}.${cpuKey}.coreCount`, 1)
  const speed = r.quantity(frequencyMHz, cpu.coreSpeed, `${hp}.${cpuKey}.coreSpeed`)
  const sockets = r.count(cpu.count, `${hp}.${cpuKey}.count`, 1)
  const memory = isObj(host.memory) ? host.memory : {}
  const memKey = memory.memorySize !== undefined ? 'memorySize' : 'size'
  const memoryMiB = r.memoryMiB(memory[memKey], `${hp}.memory.${memKey}`)
  for (const k of ['memorySpeed', 'speed'])
    if (memory[k] !== undefined)
      r.drop(`memory.${k}`, `${hp}.memory.${k}`, 'Strata has no memory speed')
  for (const [k, why] of HOST_DROPS) if (host[k] !== undefined) r.drop(k, `${hp}.${k}`, why)
  const powerCurveW = r.powerCurve(host, hp)
  return {
    ...DEFAULT_HOST,
    sockets,
    coresPerSocket: cores,
    mipsPerCore: speed && speed > 0 ? speed : 1,
    memoryMiB: Math.round(memoryMiB ?? 0),
    diskGiB: 0,
    powerCurveW,
  }
}

/** Imports an OpenDC topology (parsed JSON) as a new design named `name`. */
export function importOpenDcTopology(json: unknown, name = 'Imported from OpenDC'): ImportResult {
  const r = new Reader()
  const found = findClusters(json)
  if (!found)
    return {
      ok: false,
      message: 'not an OpenDC topology: a "clusters" list was expected',
      problems: [{ severity: 'error', path: 'clusters', message: 'missing or not a list' }],
    }
  const { root, prefix } = found
  const topologies = isObj(json) && Array.isArray(json.topologies) ? json.topologies.length : 0
  if (topologies > 1)
    r.warnings.push({
      severity: 'warning',
      path: 'topologies',
      message: `the experiment lists ${topologies} topologies; imported the first (import each on its own to compare them)`,
    })
  const ids = new IdAllocator()
  // host names as unique as ids: two host entries of one cluster may share a name
  const names = new IdAllocator()
  const racks: Rack[] = []
  const hosts: Host[] = []
  ;(root.clusters as unknown[]).forEach((cluster, c) => {
    const cp = `${prefix}clusters[${c}]`
    if (!isObj(cluster) || !Array.isArray(cluster.hosts))
      return void r.problems.push({
        severity: 'error',
        path: `${cp}.hosts`,
        message: 'a cluster needs a "hosts" list',
      })
    for (const [k, why] of CLUSTER_DROPS) if (cluster[k] !== undefined) r.drop(k, `${cp}.${k}`, why)
    const copies = r.count(cluster.count, `${cp}.count`)
    const specs = cluster.hosts.map((host, h) => ({
      spec: readHost(host, `${cp}.hosts[${h}]`, r),
      n: isObj(host) ? r.count(host.count, `${cp}.hosts[${h}].count`) : 0,
      base: isObj(host) && typeof host.name === 'string' && host.name ? host.name : `Host ${h + 1}`,
    }))
    const clusterName =
      typeof cluster.name === 'string' && cluster.name ? cluster.name : `Cluster ${c + 1}`
    for (let k = 0; k < copies; k++) {
      const rackName = copies > 1 ? `${clusterName}-${k + 1}` : clusterName
      const x = 100 + racks.length * 200
      const rack: Rack = {
        id: ids.take(`rack-${slug(rackName)}`),
        name: rackName,
        uplinkOversubscription: 1,
        position: { x, y: 300 },
      }
      racks.push(rack)
      let row = 0
      for (const { spec, n, base } of specs) {
        if (!spec) continue
        for (let i = 0; i < n; i++) {
          // a cluster of `count` copies repeats its hosts' names in each copy: prefix the
          // copy's rack name so every host keeps a name of its own (review s11u #9)
          const inCopy = n > 1 ? `${base}-${i + 1}` : base
          const hostName = names.take(copies > 1 ? `${rackName}-${inCopy}` : inCopy)
          hosts.push({
            ...spec,
            powerCurveW: [...spec.powerCurveW],
            id: ids.take(slug(hostName)),
            name: hostName,
            rackId: rack.id,
            position: { x, y: 200 + row++ * 60 },
          })
        }
      }
    }
  })
  r.flushDropped()
  // OpenDC's topologies have no disks; Strata's hosts get 0 GiB, which refuses every instance
  // that needs disk: say so rather than leave the user to find it in placement (s11u #10)
  if (hosts.length > 0)
    r.warnings.push({
      severity: 'warning',
      path: `${prefix}clusters`,
      message: `OpenDC topologies describe no disks: the ${hosts.length} imported host(s) have 0 GiB of disk, so instances that need disk cannot be placed until the hosts are given a disk size (diskGiB)`,
    })
  if (r.problems.length > 0)
    return {
      ok: false,
      message: `the OpenDC topology has ${r.problems.length} problem(s)`,
      problems: r.problems,
    }
  const checked = checkIntegrity({ ...emptyDesign(name), racks, hosts })
  if (!checked.design)
    return {
      ok: false,
      message: 'the imported topology is not a valid design',
      problems: checked.problems,
    }
  return {
    ok: true,
    design: checked.design,
    warnings: r.warnings,
    counts: { rack: racks.length, host: hosts.length },
  }
}
