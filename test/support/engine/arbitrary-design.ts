/**
 * fast-check arbitraries for whole random designs: tenants (some sharing names, some with
 * host names shown, some dedicated), hosts of every virtualization kind in racks and zones,
 * storage, networks and VM / container workloads. Every design parses and passes the
 * validator's error rules, so the scheduler and the simulation can run on it.
 *
 * Ids and most names carry a per-design salt and a kind prefix (`ten-2-qzkfa`), so a test can
 * search serialized payloads for another tenant's strings by plain substring without false
 * hits; a few names come from a small shared pool (`Shared Alpha`) to exercise tenants whose
 * names coincide.
 */
import fc from 'fast-check'
import {
  CURRENT_SCHEMA_VERSION,
  VIRTUALIZATION_PRODUCTS,
  type VirtualizationProduct,
} from '../../../src/shared/design/enums'
import type { Design, DesignInput } from '../../../src/shared/design/schema'
import { parseDesign } from '../../../src/main/engine/model/parse'

/** Names several elements (of different tenants) may share. */
export const SHARED_NAMES = ['Shared Alpha', 'Shared Beta'] as const

export interface ArbitraryDesignOptions {
  maxTenants?: number
  maxHosts?: number
  maxWorkloadsPerTenant?: number
  maxCount?: number
}

const PRODUCTS: VirtualizationProduct[] = ['kvm', 'xen-pv', 'qemu-tcg', 'lxc', 'bare-metal']
const CURVE = [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300]

const salt = fc.stringMatching(/^[a-z]{5}$/)
const nameOr = (own: string): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, fc.constantFrom(...SHARED_NAMES))

const hostSpec = fc.record({
  product: fc.constantFrom(...PRODUCTS),
  cores: fc.integer({ min: 2, max: 32 }),
  memoryGiB: fc.integer({ min: 4, max: 256 }),
  rack: fc.nat(),
  state: fc.constantFrom('up', 'up', 'up', 'maintenance', 'down'),
})
const workloadSpec = fc.record({
  kind: fc.constantFrom('vm', 'vm', 'container'),
  count: fc.nat(),
  vcpus: fc.integer({ min: 1, max: 8 }),
  memoryMiB: fc.integer({ min: 256, max: 32_768 }),
  diskGiB: fc.integer({ min: 0, max: 200 }),
  paravirtAware: fc.boolean(),
  storage: fc.boolean(),
  network: fc.nat(),
  demand: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
})
const tenantSpec = (maxWorkloads: number) =>
  fc.record({
    isolation: fc.constantFrom('shared', 'shared', 'dedicated-hosts', 'dedicated-racks'),
    showHostNames: fc.boolean(),
    networks: fc.integer({ min: 0, max: 2 }),
    quota: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    workloads: fc.array(workloadSpec, { maxLength: maxWorkloads }),
  })

/** Random valid designs (defaults applied). */
export function arbitraryDesign(options: ArbitraryDesignOptions = {}): fc.Arbitrary<Design> {
  const maxCount = options.maxCount ?? 6
  return fc
    .record({
      salt,
      zones: fc.integer({ min: 0, max: 2 }),
      racks: fc.integer({ min: 0, max: 3 }),
      hosts: fc.array(hostSpec, { minLength: 1, maxLength: options.maxHosts ?? 8 }),
      tenants: fc.array(tenantSpec(options.maxWorkloadsPerTenant ?? 3), {
        minLength: 1,
        maxLength: options.maxTenants ?? 4,
      }),
      names: fc.array(nameOr(''), { minLength: 64, maxLength: 64 }),
    })
    .map((spec) => buildDesign(spec, maxCount))
}

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never

type Spec = {
  salt: string
  zones: number
  racks: number
  hosts: Array<ValueOf<typeof hostSpec>>
  tenants: Array<{
    isolation: string
    showHostNames: boolean
    networks: number
    quota: number | undefined
    workloads: Array<ValueOf<typeof workloadSpec>>
  }>
  names: string[]
}

function buildDesign(spec: Spec, maxCount: number): Design {
  const s = spec.salt
  let nameIndex = 0
  const name = (own: string): string => spec.names[nameIndex++ % spec.names.length] || own
  const zones = Array.from({ length: spec.zones }, (_v, i) => ({
    id: `zon-${i}-${s}`,
    name: `ZonName${i}${s}`,
  }))
  const racks = Array.from({ length: spec.racks }, (_v, i) => ({
    id: `rak-${i}-${s}`,
    name: `RakName${i}${s}`,
    ...(zones.length > 0 ? { zoneId: zones[i % zones.length]?.id } : {}),
  }))
  const hosts = spec.hosts.map((h, i) => {
    const kind = VIRTUALIZATION_PRODUCTS[h.product]
    return {
      id: `hst-${i}-${s}`,
      name: `HstName${i}${s}`,
      ...(racks.length > 0 ? { rackId: racks[h.rack % racks.length]?.id } : {}),
      sockets: 1,
      coresPerSocket: h.cores,
      mipsPerCore: 2000,
      memoryMiB: h.memoryGiB * 1024,
      diskGiB: 2000,
      nicGbps: 10,
      cpuExtensions: 'vt-x',
      powerCurveW: CURVE,
      state: h.state,
      virtualization: { kind, product: h.product, hostOs: 'linux' },
    }
  })
  const storage = [
    {
      id: `sto-0-${s}`,
      name: `StoName0${s}`,
      kind: 'san',
      capacityGiB: 100_000,
      iops: 1_000_000,
      throughputMBps: 10_000,
      replication: 1,
      classes: [`cls${s}`],
    },
  ]
  const hasContainerHost = hosts.some((h) => h.virtualization.kind === 'os')
  const tenants: unknown[] = []
  const networks: unknown[] = []
  const workloads: unknown[] = []
  spec.tenants.forEach((t, ti) => {
    const tenantId = `ten-${ti}-${s}`
    tenants.push({
      id: tenantId,
      name: name(`TenName${ti}${s}`),
      colour: `#${((ti * 0x3a5f7b) & 0xffffff).toString(16).padStart(6, '0')}`,
      isolation: t.isolation,
      showHostNames: t.showHostNames,
      quotas: t.quota === undefined ? {} : { instances: t.quota },
      pricing: { basis: ti % 2 === 0 ? 'allocated' : 'used', vcpuHour: 0.02, memoryGiBHour: 0.003 },
    })
    const own: string[] = []
    for (let ni = 0; ni < t.networks; ni++) {
      const id = `net-${ti}-${ni}-${s}`
      own.push(id)
      networks.push({
        id,
        tenantId,
        name: name(`NetName${ti}x${ni}${s}`),
        kind: 'vxlan',
        segmentId: 1000 + networks.length + 1,
        cidr: '10.0.0.0/16',
      })
    }
    t.workloads.forEach((w, wi) => {
      const kind = w.kind === 'container' && hasContainerHost ? 'container' : 'vm'
      workloads.push({
        id: `wkl-${ti}-${wi}-${s}`,
        tenantId,
        name: name(`WklName${ti}x${wi}${s}`),
        kind,
        count: w.count % (maxCount + 1),
        vcpus: w.vcpus,
        mipsPerVcpu: 1000,
        memoryMiB: w.memoryMiB,
        diskGiB: w.diskGiB,
        guestOs: 'linux',
        paravirtAware: w.paravirtAware,
        ...(w.storage ? { storageClass: `cls${s}` } : {}),
        ...(own.length > 0 ? { networkId: own[w.network % own.length] } : {}),
        ...(w.demand === undefined
          ? {}
          : { demand: { profile: 'diurnal', meanPercent: w.demand, amplitudePercent: 10 } }),
      })
    })
  })
  const input = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name: `Design${s}` },
    zones,
    racks,
    hosts,
    storage,
    tenants,
    networks,
    workloads,
    simulation: { horizonS: 3600, stepS: 300, policy: 'dvfs' },
  } as unknown as DesignInput
  const parsed = parseDesign(input)
  if (!parsed.ok)
    throw new Error(
      `arbitraryDesign built an invalid design: ${JSON.stringify(parsed.problems[0])}`,
    )
  return parsed.value
}
