/**
 * The provider's stack view of a host: capacities and overheads by hand arithmetic from the
 * published defaults (KVM: 5 % CPU, 14 MiB + 4 MiB/vCPU + 0.75 % of RAM, 2,048 MiB reserve
 * [S1][S10][S12]; GKE node reserve 80 m + 1 %, 330 MiB + 5 % + 100 MiB [S43]; containers
 * 1 % CPU and 20 MiB [S1][S31]), and boundaries that agree with `separation` pair by pair.
 */
import { describe, expect, it } from 'vitest'
import { createScheduler } from '../scheduler'
import { testDesign, testHost, testWorkload } from '../../../../test/support/engine/nested-design'
import { separation } from './isolation'
import { hostStackView, nestedPlacementOf } from './stack-view'

const pool = () =>
  testDesign(
    [testHost('h1', { cores: 64, memoryMiB: 65536 })],
    [
      testWorkload('vms', 't1', { count: 2 }),
      testWorkload('pods', 't1', {
        kind: 'container',
        count: 4,
        vcpus: 1,
        memoryMiB: 1000,
        diskGiB: 1,
        nesting: { runsIn: 'vms' },
      }),
      testWorkload('other', 't2'),
    ],
  )

describe('host stack view', () => {
  it('draws hardware, a type-1 hypervisor, VMs with their guest kernel, runtime and containers', () => {
    const d = pool()
    const placed = createScheduler(d).placeAll().placed
    const view = hostStackView(d, placed, 'h1')
    const col = view?.columns[0]
    expect(col?.base.map((l) => l.layer)).toEqual(['hardware', 'hypervisor'])
    expect(col?.base[0]?.capacity).toEqual({ vcpus: 64, mipsPerCore: 2000, memoryMiB: 65536 })
    // 65,536 - 2,048 MiB hypervisor reserve
    expect(col?.base[1]?.capacity).toEqual({ vcpus: 64, mipsPerCore: 2000, memoryMiB: 63488 })
    expect(col?.base[1]).toMatchObject({ hypervisorType: 'type-1', product: 'kvm' })
    expect(col?.base[1]?.overhead).toEqual({
      cpuPercent: 5,
      memoryPerInstanceMiB: 14,
      reservedMemoryMiB: 2048,
      reservedVcpus: 0,
      ioThroughputFactor: 0.9,
    })
    expect(col?.base[1]?.source).toContain('[S10]')
    expect(col?.boundary).toMatchObject({ kind: 'hypervisor', interferenceCoefficient: 0.03 })
    expect(col?.machines.map((m) => m.instanceId)).toEqual(['vms#0', 'vms#1', 'other#0'])
    const vm = col?.machines[0]
    // 14 + 4 x 4 + 0.75 % x 8,192 = 91.44 -> 92 MiB charged by KVM beyond the VM's RAM
    expect(vm?.overheadMemoryMiB).toBe(92)
    expect(vm?.layers.map((l) => l.layer)).toEqual(['guest-kernel', 'container-runtime'])
    const runtime = vm?.layers[1]
    // 4,000 m - (80 + 1 % x 4,000) = 3,880 m; 8,192 - ceil(430 + 5 % x 8,192 = 839.6) = 7,352 MiB
    expect(runtime?.capacity).toEqual({ vcpus: 3.88, memoryMiB: 7352 })
    expect(runtime?.overhead).toEqual({
      cpuPercent: 1,
      memoryPerInstanceMiB: 20,
      reservedMemoryMiB: 840,
      reservedVcpus: 0.12,
      ioThroughputFactor: 1,
    })
    expect(runtime?.source).toContain('[S43]')
    expect(vm?.innerBoundary).toMatchObject({
      kind: 'shared-kernel',
      interferenceCoefficient: 0.15,
    })
    const kids = col?.machines.flatMap((m) => m.children) ?? []
    expect(kids).toHaveLength(4)
    for (const k of kids) expect(k.overheadMemoryMiB).toBe(20)
    expect(col?.machines[2]).toMatchObject({ tenantId: 't2', tenantName: 'T2', children: [] })
  })

  it('gives a type-2 host its host OS layer and loses the host OS share', () => {
    const host = testHost('h2', { cores: 64, memoryMiB: 65536, product: 'virtualbox' })
    const d = testDesign(
      [
        {
          ...host,
          virtualization: {
            kind: 'hvm',
            product: 'virtualbox',
            hostedOs: { cpuPercent: 12.5, memoryMiB: 4096 },
          },
        },
      ],
      [],
    )
    const col = hostStackView(d, [], 'h2')?.columns[0]
    expect(col?.base.map((l) => l.layer)).toEqual(['hardware', 'host-os', 'hypervisor'])
    // 64 x (1 - 12.5 %) = 56 vCPU; 65,536 - 4,096 = 61,440 MiB
    expect(col?.base[1]?.capacity).toEqual({ vcpus: 56, mipsPerCore: 2000, memoryMiB: 61440 })
    expect(col?.base[1]?.overhead).toMatchObject({ reservedVcpus: 8, reservedMemoryMiB: 4096 })
    expect(col?.base[2]).toMatchObject({ hypervisorType: 'type-2', title: 'Hypervisor (type-2)' })
    // 5 % + 5 points hosted; disk 1 - (100 - 90 x 0.7) / 100 = 0.63
    expect(col?.base[2]?.overhead.cpuPercent).toBe(10)
    expect(col?.base[2]?.overhead.ioThroughputFactor).toBeCloseTo(0.63, 12)
    expect(col?.machines).toEqual([])
  })

  it('names the boundary that `separation` finds between any two neighbours', () => {
    const d = pool()
    const placed = createScheduler(d).placeAll().placed
    const col = hostStackView(d, placed, 'h1')?.columns[0]
    const p = nestedPlacementOf(placed)
    const top = col?.machines ?? []
    for (const a of top)
      for (const b of top)
        if (a !== b)
          expect(separation(d, p, a.instanceId, b.instanceId).boundary).toBe(col?.boundary.kind)
    for (const vm of top)
      for (const a of vm.children)
        for (const b of vm.children)
          if (a !== b)
            expect(separation(d, p, a.instanceId, b.instanceId).boundary).toBe(
              vm.innerBoundary?.kind,
            )
  })

  it('shows a shared kernel for a container host, and nothing for an unknown host', () => {
    const d = testDesign(
      [testHost('c1', { kind: 'os' })],
      [testWorkload('ct', 't1', { kind: 'container', count: 2, vcpus: 1, memoryMiB: 512 })],
    )
    const placed = createScheduler(d).placeAll().placed
    const col = hostStackView(d, placed, 'c1')?.columns[0]
    expect(col?.base[1]).toMatchObject({ layer: 'shared-kernel', hypervisorType: 'none' })
    expect(col?.boundary).toMatchObject({ kind: 'shared-kernel', interferenceCoefficient: 0.15 })
    expect(col?.machines.map((m) => [m.kind, m.layers.length, m.overheadMemoryMiB])).toEqual([
      ['container', 0, 20],
      ['container', 0, 20],
    ])
    expect(hostStackView(d, placed, 'nope')).toBeUndefined()
  })
})
