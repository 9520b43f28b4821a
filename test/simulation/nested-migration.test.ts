/**
 * A simulated live migration of a VM with its containers (issue 18): two KVM hosts of 8 x
 * 2,000 MIPS; tenant t1's node VM (4 vCPU x 1,900 MIPS, 4 GiB) holds two containers, tenant
 * t2's VM (4 vCPU x 1,900 MIPS, 8 GiB) is a neighbour. Both VMs start on h1 at constant 100 %
 * demand: 2 x 4 x 1,900 x 1.05 = 15,960 of 16,000 MIPS, over the static 80 % threshold, so
 * `thr-mmt-0.8` moves the VM of least memory (t1's, minimum migration time) to h2, once.
 * Expected values by arithmetic: a live migration stops nobody in this model (CloudSim's
 * migration costs performance, not uptime), so the containers have no downtime beyond their
 * VM's (none); they move when it moves; tenants are billed for VMs only, allocated basis:
 * t1 = 4 vCPU x 1 h x 0.05 + 4 GiB x 1 h x 0.01 = 0.24, t2 = 4 x 0.05 + 8 x 0.01 = 0.28.
 */
import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../src/shared/domain/simulation-result'
import { simulate } from '../../src/main/engine/simulation'
import { testDesign, testHost, testWorkload } from '../support/engine/nested-design'

const H = 3600
const MIPS = 1900

function run(withContainers: boolean): SimulationResult {
  return simulate(
    testDesign(
      [testHost('h1', { cores: 8 }), testHost('h2', { cores: 8 })],
      [
        testWorkload('vms', 't1', {
          memoryMiB: 4096,
          mipsPerVcpu: MIPS,
          innerLayer: { kind: 'os', product: 'docker' },
        }),
        ...(withContainers
          ? [
              testWorkload('web', 't1', {
                kind: 'container',
                count: 2,
                vcpus: 1,
                memoryMiB: 1000,
                diskGiB: 1,
                nesting: { runsIn: 'vms' },
              }),
            ]
          : []),
        testWorkload('fill', 't2', { memoryMiB: 8192, mipsPerVcpu: MIPS }),
      ],
      { horizonS: H, stepS: 300, policy: 'thr-mmt-0.8', placement: { preset: 'pack' } },
    ),
  )
}
const byId = (r: SimulationResult, id: string) => r.instances.find((i) => i.instanceId === id)

describe('a live migration of a VM with its containers', () => {
  it('moves the containers with their VM, with no downtime of their own', () => {
    // the premise: both VMs on h1 overload it (15,960 / 16,000 > 80 %)
    expect((2 * 4 * MIPS * 1.05) / (8 * 2000)).toBeGreaterThan(0.8)
    const r = run(true)
    expect(r.migrations.map((m) => [m.instanceId, m.fromHostId, m.toHostId])).toEqual([
      ['vms#0', 'h1', 'h2'],
    ])
    const vm = byId(r, 'vms#0')
    expect(vm).toMatchObject({
      migrations: 1,
      initialHostId: 'h1',
      finalHostId: 'h2',
      downtimeS: 0,
      availabilityPercent: 100,
    })
    for (const id of ['web#0', 'web#1'])
      expect(byId(r, id)).toMatchObject({
        outerInstanceId: 'vms#0',
        status: 'running',
        migrations: 1,
        initialHostId: 'h1',
        finalHostId: 'h2',
        downtimeS: 0,
        availabilityPercent: 100,
      })
    expect(byId(r, 'fill#0')).toMatchObject({ migrations: 0, finalHostId: 'h1', downtimeS: 0 })
  })

  it('keeps per-tenant availability and bills right', () => {
    const r = run(true)
    const t1 = r.tenants.find((t) => t.tenantId === 't1')
    const t2 = r.tenants.find((t) => t.tenantId === 't2')
    expect(t1).toMatchObject({ instances: 3, downtimeS: 0, availabilityPercent: 100 })
    expect(t2).toMatchObject({ instances: 1, downtimeS: 0, availabilityPercent: 100 })
    // billed for the VM, the whole hour, whichever host it ran on
    expect(t1?.vcpuHours).toBeCloseTo(4, 9)
    expect(t1?.bill.total).toBeCloseTo(4 * 0.05 + 4 * 0.01, 9)
    expect(t2?.bill.total).toBeCloseTo(4 * 0.05 + 8 * 0.01, 9)
  })

  it('migrates, bills and spends energy as the same design without the containers', () => {
    const a = run(true)
    const b = run(false)
    expect(a.migrations).toEqual(b.migrations)
    expect(a.tenants.map((t) => t.bill)).toEqual(b.tenants.map((t) => t.bill))
    expect(a.summary.energyKWh).toBe(b.summary.energyKWh)
  })
})
