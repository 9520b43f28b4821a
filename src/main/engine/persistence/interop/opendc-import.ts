/**
 * OpenDC topology JSON -> racks and hosts.
 *
 * OpenDC (atlarge-research/opendc) describes a topology as `{ clusters: [...] }` (some
 * versions wrap it as `{ datacenters: [{ clusters }] }`). A cluster has `name`, `count`
 * (copies) and `hosts`; a host has `name`, `count`, `cpu` (`coreCount`, `coreSpeed` in MHz,
 * `count` = sockets; older files: a `cpus` array), `memory.memorySize` (bytes; older files
 * give MiB, so values under 1 MiB x 1024 are read as MiB) and a power model
 * (`cpuPowerModel`/`powerModel`, older `powerModels[0]`: `modelType`, `idlePower`,
 * `maxPower`, `power`). Quantities may also be strings with units ("2.5 GHz", "16 GiB").
 * Mapping: each cluster copy -> a rack; each host copy -> a host running KVM; 1 MHz of core
 * speed -> 1 MIPS (the convention OpenDC and CloudSim share). Disk and NIC are not in an
 * OpenDC topology: hosts get 0 GiB of disk and a 25 Gbps NIC.
 */
import type { Problem } from '../../../../shared/contract/result'
import type { Host, Rack } from '../../../../shared/design/schema'
import { emptyDesign } from '../../model/defaults'
import { checkIntegrity } from '../../model/validate'
import { DEFAULT_HOST, IdAllocator, slug } from './host-defaults'
import { curveOf, POWER_SHAPES, type PowerShape } from './opendc-power'
import type { ImportResult } from './types'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const UNITS: Record<string, number> = {
  hz: 1e-6,
  khz: 1e-3,
  mhz: 1,
  ghz: 1e3,
  b: 1 / 2 ** 20,
  kb: 1e3 / 2 ** 20,
  mb: 1e6 / 2 ** 20,
  gb: 1e9 / 2 ** 20,
  tb: 1e12 / 2 ** 20,
  kib: 1 / 1024,
  mib: 1,
  gib: 1024,
  tib: 1024 * 1024,
  w: 1,
  kw: 1000,
}

class Reader {
  readonly problems: Problem[] = []
  readonly warnings: Problem[] = []

  /** A quantity in the unit the caller uses (MHz, MiB or W); `scale` converts bare numbers. */
  quantity(v: unknown, path: string, scale: number, required: boolean): number | undefined {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v * scale
    if (typeof v === 'string') {
      const m = /^\s*([0-9.]+(?:e[+-]?\d+)?)\s*([a-zA-Z]+)\s*$/.exec(v)
      const factor = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined
      if (m && factor !== undefined && Number.isFinite(Number(m[1]))) return Number(m[1]) * factor
    }
    if (v !== undefined || required)
      this.problems.push({
        severity: 'error',
        path,
        message: `expected a non-negative number or a quantity with a unit, got ${JSON.stringify(v)?.slice(0, 40) ?? 'nothing'}`,
      })
    return undefined
  }

  count(v: unknown, path: string): number {
    if (v === undefined) return 1
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000) return v
    this.problems.push({
      severity: 'error',
      path,
      message: 'count must be a whole number from 0 to 100000',
    })
    return 0
  }
}

function powerCurve(host: Obj, path: string, r: Reader): number[] {
  const models = Array.isArray(host.powerModels) ? host.powerModels : []
  const key = ['cpuPowerModel', 'CpuPowerModel', 'powerModel'].find((k) => isObj(host[k]))
  const model = key ? (host[key] as Obj) : isObj(models[0]) ? (models[0] as Obj) : undefined
  const at = key ? `${path}.${key}` : `${path}.powerModels[0]`
  if (!model) return curveOf('linear', 200, 400) // OpenDC's default model
  const idle = r.quantity(model.idlePower, `${at}.idlePower`, 1, false) ?? 200
  const max = r.quantity(model.maxPower, `${at}.maxPower`, 1, false) ?? 400
  const type = String(model.modelType ?? 'linear').toLowerCase()
  if (type === 'constant') {
    const w = r.quantity(model.power, `${at}.power`, 1, false) ?? max
    return Array.from({ length: 11 }, () => w)
  }
  if (!(type in POWER_SHAPES))
    r.warnings.push({
      severity: 'warning',
      path: `${at}.modelType`,
      message: `power model "${type}" has no exact Strata curve; imported as linear`,
    })
  return curveOf(type in POWER_SHAPES ? (type as PowerShape) : 'linear', idle, Math.max(idle, max))
}

/** Imports an OpenDC topology (parsed JSON) as a new design named `name`. */
export function importOpenDcTopology(json: unknown, name = 'Imported from OpenDC'): ImportResult {
  const r = new Reader()
  const root =
    isObj(json) && Array.isArray(json.datacenters) && isObj(json.datacenters[0])
      ? json.datacenters[0]
      : json
  const rootPath = root === json ? '' : 'datacenters[0].'
  if (!isObj(root) || !Array.isArray(root.clusters))
    return {
      ok: false,
      message: 'not an OpenDC topology: a "clusters" list was expected',
      problems: [
        { severity: 'error', path: `${rootPath}clusters`, message: 'missing or not a list' },
      ],
    }
  const ids = new IdAllocator()
  const racks: Rack[] = []
  const hosts: Host[] = []
  root.clusters.forEach((cluster, c) => {
    const cp = `${rootPath}clusters[${c}]`
    if (!isObj(cluster) || !Array.isArray(cluster.hosts))
      return void r.problems.push({
        severity: 'error',
        path: `${cp}.hosts`,
        message: 'a cluster needs a "hosts" list',
      })
    const copies = r.count(cluster.count, `${cp}.count`)
    const clusterName =
      typeof cluster.name === 'string' && cluster.name ? cluster.name : `Cluster ${c + 1}`
    for (let k = 0; k < copies; k++) {
      const rackName = copies > 1 ? `${clusterName}-${k + 1}` : clusterName
      const rack: Rack = {
        id: ids.take(`rack-${slug(rackName)}`),
        name: rackName,
        uplinkOversubscription: 1,
        position: { x: 100 + racks.length * 200, y: 300 },
      }
      racks.push(rack)
      let row = 0
      cluster.hosts.forEach((host, h) => {
        const hp = `${cp}.hosts[${h}]`
        if (!isObj(host))
          return void r.problems.push({
            severity: 'error',
            path: hp,
            message: 'a host must be an object',
          })
        const cpuKey = isObj(host.cpu)
          ? 'cpu'
          : isObj(host.cpuModel)
            ? 'cpuModel'
            : Array.isArray(host.cpus)
              ? 'cpus[0]'
              : undefined
        const cpu =
          cpuKey === 'cpus[0]' ? (host.cpus as unknown[])[0] : cpuKey ? host[cpuKey] : undefined
        if (!isObj(cpu))
          return void r.problems.push({
            severity: 'error',
            path: `${hp}.cpu`,
            message: 'a host needs a "cpu" with coreCount and coreSpeed',
          })
        const cores = r.count(cpu.coreCount, `${hp}.${cpuKey}.coreCount`)
        const speed = r.quantity(cpu.coreSpeed, `${hp}.${cpuKey}.coreSpeed`, 1, true)
        const memory = isObj(host.memory) ? host.memory : {}
        const rawMem = memory.memorySize ?? memory.size
        const bare = typeof rawMem === 'number' && rawMem < 2 ** 30
        if (bare)
          r.warnings.push({
            severity: 'warning',
            path: `${hp}.memory.memorySize`,
            message: `${rawMem} is below 1 GiB in bytes; read as MiB (older OpenDC topologies)`,
          })
        const memoryMiB = r.quantity(
          rawMem,
          `${hp}.memory.memorySize`,
          bare ? 1 : 1 / 2 ** 20,
          true,
        )
        const curve = powerCurve(host, hp, r)
        const n = r.count(host.count, `${hp}.count`)
        const sockets = r.count(cpu.count, `${hp}.${cpuKey}.count`)
        const base = typeof host.name === 'string' && host.name ? host.name : `Host ${h + 1}`
        for (let i = 0; i < n; i++) {
          const hostName = n > 1 ? `${base}-${i + 1}` : base
          hosts.push({
            ...DEFAULT_HOST,
            id: ids.take(slug(copies > 1 ? `${rackName}-${hostName}` : hostName)),
            name: hostName,
            rackId: rack.id,
            sockets,
            coresPerSocket: cores,
            mipsPerCore: speed && speed > 0 ? speed : 1,
            memoryMiB: Math.round(memoryMiB ?? 0),
            diskGiB: 0,
            powerCurveW: curve,
            position: { x: rack.position?.x ?? 0, y: 200 + row++ * 60 },
          })
        }
      })
    }
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
