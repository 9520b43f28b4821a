/**
 * Arithmetic of the layers. Expected values are worked by hand from the published figures in
 * test/fixtures/nesting/published-overheads.json (sources named there), never from Strata.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Design, Host, Workload } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'
import { hostCapacity } from '../scheduler'
import { overheadsFor } from '../virtualization'
import { innerDemand, innerLayerOf, outerRoom } from './inner-layer'
import { separation } from './isolation'
import { compound, instanceStack } from './stack'

const pub = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../test/fixtures/nesting/published-overheads.json'),
    'utf8',
  ),
) as {
  kubernetesNodeReserve: Record<string, number>
  containerLayer: Record<string, number>
  hardwareAssistedLayer: Record<string, number>
  nestedHypervisorLevel: Record<string, number>
  hostedTypeTwo: Record<string, number>
}
const n = (o: Record<string, number>, k: string): number => o[k] as number

const host = (
  id: string,
  extra: Partial<Host['virtualization']> = {},
): Record<string, unknown> => ({
  id,
  name: id,
  sockets: 2,
  coresPerSocket: 8,
  mipsPerCore: 2000,
  memoryMiB: 65536,
  diskGiB: 1000,
  nicGbps: 10,
  cpuExtensions: 'vt-x',
  powerCurveW: [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200],
  virtualization: { kind: 'hvm', product: 'kvm', ...extra },
})
const workload = (id: string, extra: Partial<Workload>): Record<string, unknown> => ({
  id,
  tenantId: 't1',
  name: id,
  kind: 'vm',
  count: 2,
  vcpus: 4,
  mipsPerVcpu: 2000,
  memoryMiB: 8192,
  diskGiB: 10,
  guestOs: 'linux',
  ...extra,
})
function design(hosts: unknown[], workloads: unknown[]): Design {
  const r = parseDesign({
    schemaVersion: 2,
    meta: { name: 'layers' },
    tenants: [{ id: 't1', name: 'T1', colour: '#112233' }],
    hosts,
    workloads,
  })
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.value
}

describe('a container in a KVM guest on a host', () => {
  const d = design(
    [host('h1')],
    [
      workload('vms', { innerLayer: { kind: 'os', product: 'docker' } }),
      workload('pods', {
        kind: 'container',
        vcpus: 1,
        memoryMiB: 1000,
        nesting: { runsIn: 'vms', affinityScope: 'outer' },
      }),
    ],
  )
  const vm = d.workloads[0] as Workload
  const pod = d.workloads[1] as Workload
  const layer = innerLayerOf(vm, 'container')
  const k8s = pub.kubernetesNodeReserve
  const ctr = pub.containerLayer
  const hvm = pub.hardwareAssistedLayer

  it('leaves the VM its vCPUs and RAM minus the node reserve', () => {
    // 4 vCPU node: 80 m + 1 % of 4000 m = 120 m ([S43]'s own example); 8192 MiB node:
    // 330 + 100 + 5 % of 8192 = 839.6 -> 840 MiB.
    const reserveMilli = n(k8s, 'cpuMilliFixed') + (n(k8s, 'cpuPercentOfNode') / 100) * 4000
    expect(reserveMilli).toBe(120)
    const reserveMiB = Math.ceil(
      n(k8s, 'memoryMiBFixed') +
        n(k8s, 'evictionThresholdMiB') +
        (n(k8s, 'memoryPercentOfNode') / 100) * 8192,
    )
    expect(outerRoom(vm, layer)).toEqual({
      vcpuMilli: 4000 - reserveMilli,
      memoryMiB: 8192 - reserveMiB,
      reservedVcpuMilli: reserveMilli,
      reservedMemoryMiB: reserveMiB,
    })
  })

  it('charges each container the container layer on top, so three 1-vCPU containers fit', () => {
    const d1 = innerDemand(pod, layer)
    expect(d1).toEqual({
      vcpuMilli: 1000 * (1 + n(ctr, 'cpuOverheadPercent') / 100),
      memoryMiB: 1000 + n(ctr, 'memoryPerContainerMiB'),
    })
    const room = outerRoom(vm, layer)
    // 3880 m / 1010 m = 3.84 -> 3; 7352 MiB / 1020 MiB = 7.2 -> 7: CPU binds at 3.
    expect(
      Math.min(
        Math.floor(room.vcpuMilli / d1.vcpuMilli),
        Math.floor(room.memoryMiB / d1.memoryMiB),
      ),
    ).toBe(3)
  })

  it('compounds the CPU overheads of both layers: 1.05 x 1.01 of host CPU per unit of work', () => {
    const stack = instanceStack(
      d,
      { hostOf: new Map([['vms#0', 'h1']]), outerOf: new Map([['pods#0', 'vms#0']]) },
      'pods#0',
    )
    expect(stack?.map((l) => l.layer)).toEqual([
      'hardware',
      'hypervisor',
      'guest-kernel',
      'container-runtime',
    ])
    const cost = compound(stack ?? [])
    const factor =
      (1 + n(hvm, 'cpuOverheadPercent') / 100) * (1 + n(ctr, 'cpuOverheadPercent') / 100)
    expect(cost.cpuFactor).toBeCloseTo(factor, 12)
    expect(cost.cpuFactor).toBeCloseTo(1.0605, 12)
    // Of a 2000 MIPS core, the container gets 2000 / 1.0605 = 1885.90 MIPS of useful work.
    expect(2000 * cost.usefulCpuFraction).toBeCloseTo(1885.9029, 4)
    // The VM's own memory overhead on the host: 14 + 4 x 4 + 0.75 % x 8192 = 91.44 -> 92 MiB.
    const vmOverhead = Math.ceil(
      n(hvm, 'memoryFixedMiB') +
        4 * n(hvm, 'memoryPerVcpuMiB') +
        (n(hvm, 'memoryPercentOfRam') / 100) * 8192,
    )
    expect(stack?.[1]?.memoryOverheadMiB).toBe(vmOverhead)
    expect(stack?.[3]?.memoryOverheadMiB).toBe(n(ctr, 'memoryPerContainerMiB'))
  })
})

describe('a VM inside a VM (nested hardware virtualization)', () => {
  it('adds one hypervisor level: 10 % CPU and half the I/O on top of the L1 guest', () => {
    const d = design(
      [host('h1', { nestedHardwareVirtualization: true })],
      [
        workload('l1', { vcpus: 8, memoryMiB: 16384, innerLayer: { kind: 'hvm', product: 'kvm' } }),
        workload('l2', {
          vcpus: 2,
          memoryMiB: 2048,
          nesting: { runsIn: 'l1', affinityScope: 'outer' },
        }),
      ],
    )
    const lvl = pub.nestedHypervisorLevel
    const hvm = pub.hardwareAssistedLayer
    const layer = innerLayerOf(d.workloads[0] as Workload, 'vm')
    // L2 memory overhead inside L1: 14 + 4 x 2 + 0.75 % x 2048 = 37.36 -> 38 MiB.
    expect(innerDemand(d.workloads[1] as Workload, layer)).toEqual({
      vcpuMilli: 2000 * (1 + n(lvl, 'cpuOverheadPercent') / 100),
      memoryMiB: 2048 + 38,
    })
    const stack = instanceStack(
      d,
      { hostOf: new Map([['l1#0', 'h1']]), outerOf: new Map([['l2#0', 'l1#0']]) },
      'l2#0',
    )
    const cost = compound(stack ?? [])
    expect(cost.cpuFactor).toBeCloseTo(
      (1 + n(hvm, 'cpuOverheadPercent') / 100) * (1 + n(lvl, 'cpuOverheadPercent') / 100),
      12,
    )
    expect(cost.ioThroughputFactor).toBeCloseTo(0.9 * n(lvl, 'ioThroughputFactor'), 12)
    expect(stack?.at(-1)?.layer).toBe('guest-kernel')
  })
})

describe('a type-2 host', () => {
  it("loses its host OS's CPU and memory share, and each guest pays the hosted costs", () => {
    const hosted = { cpuPercent: 12.5, memoryMiB: 4096 }
    const d = design([host('t1', { product: 'virtualbox', hostedOs: hosted }), host('t2')], [])
    const [type2, type1] = d.hosts as [Host, Host]
    const cap2 = hostCapacity(type2, undefined, overheadsFor(type2))
    const cap1 = hostCapacity(type1, undefined, overheadsFor(type1))
    // 16 cores - 12.5 % = 14 cores, x Nova's 4.0 = 56 vCPUs; 65536 - 4096 MiB.
    expect(cap2.vcpuMilli).toBe(56_000)
    expect(cap2.memoryMiB).toBe(61_440)
    // The type-1 host keeps only its hypervisor's 2048 MiB and all 16 cores.
    expect(cap1.vcpuMilli).toBe(64_000)
    expect(cap1.memoryMiB).toBe(63_488)
    const h = pub.hostedTypeTwo
    const o = overheadsFor(type2)
    expect(o.cpuOverheadPercent).toBe(
      n(pub.hardwareAssistedLayer, 'cpuOverheadPercent') + n(h, 'extraCpuOverheadPercent'),
    )
    expect(o.diskThroughputFactor).toBeCloseTo(0.9 * n(h, 'diskThroughputFactor'), 12)
    expect(o.networkThroughputFactor).toBeCloseTo(0.95 * n(h, 'networkThroughputFactor'), 12)
  })
})

describe('isolation follows the weakest boundary', () => {
  const d = design(
    [host('h1'), host('h2')],
    [
      workload('vms', { count: 3, innerLayer: { kind: 'os', product: 'docker' } }),
      workload('pods', {
        kind: 'container',
        vcpus: 1,
        memoryMiB: 512,
        count: 4,
        nesting: { runsIn: 'vms', affinityScope: 'outer' },
      }),
    ],
  )
  const placement = {
    hostOf: new Map([
      ['vms#0', 'h1'],
      ['vms#1', 'h1'],
      ['vms#2', 'h2'],
    ]),
    outerOf: new Map([
      ['pods#0', 'vms#0'],
      ['pods#1', 'vms#0'],
      ['pods#2', 'vms#1'],
      ['pods#3', 'vms#2'],
    ]),
  }
  it('containers in one VM share its kernel', () => {
    expect(separation(d, placement, 'pods#0', 'pods#1')).toEqual({
      boundary: 'shared-kernel',
      sharedMachineId: 'vms#0',
      interferenceCoefficient: 0.15,
    })
  })
  it('containers in two VMs on one host are separated by the hypervisor', () => {
    expect(separation(d, placement, 'pods#0', 'pods#2')).toEqual({
      boundary: 'hypervisor',
      sharedMachineId: 'h1',
      interferenceCoefficient: 0.03,
    })
    expect(separation(d, placement, 'vms#0', 'pods#2').boundary).toBe('hypervisor')
  })
  it('instances on two hosts are separated physically', () => {
    expect(separation(d, placement, 'pods#0', 'pods#3')).toEqual({
      boundary: 'physical',
      interferenceCoefficient: 0,
    })
  })
})
