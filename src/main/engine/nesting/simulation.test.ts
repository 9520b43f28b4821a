/**
 * Closed-form runs with a node pool: a VM with two containers on one of two KVM hosts, one
 * hour, constant demand. Expected values are worked by hand from the model's rules (restart
 * after the host kind's start time, 30 s for hvm; a container starts 0.5 s after its VM; a
 * tenant is billed for its VMs; availability = 1 - downtime / (uptime + downtime)).
 */
import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { testDesign, testHost, testWorkload } from '../../../../test/support/engine/nested-design'
import { createScheduler } from '../scheduler'
import { layerSections } from '../reports/layer-sections'
import { simulate } from '../simulation'

const H = 3600
const VM_START_S = 30
const CONTAINER_START_S = 0.5

function run(failures: Record<string, unknown>, nested = true): SimulationResult {
  const workloads = [
    testWorkload('vms', 't1', { innerLayer: { kind: 'os', product: 'docker' } }),
    ...(nested
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
  ]
  const base = testDesign([testHost('h1'), testHost('h2')], workloads)
  const vmHost = createScheduler(base).placeAll().placed[0]?.hostId as string
  const withHost = JSON.parse(JSON.stringify(failures).replaceAll('VM_HOST', vmHost)) as Record<
    string,
    unknown
  >
  return simulate(
    testDesign([testHost('h1'), testHost('h2')], workloads, {
      horizonS: H,
      stepS: 300,
      policy: 'dvfs',
      failures: { mode: 'schedule', schedule: [], ...withHost },
    }),
  )
}
const byId = (r: SimulationResult, id: string) => r.instances.find((i) => i.instanceId === id)

describe('a node pool in a run', () => {
  it("takes the containers down with their VM's host and back after the VM restarts", () => {
    const r = run({ schedule: [{ hostId: 'VM_HOST', atS: 1000, repairS: 500 }] })
    const vm = byId(r, 'vms#0')
    expect(vm?.downtimeS).toBeCloseTo(VM_START_S, 9)
    for (const id of ['web#0', 'web#1']) {
      const c = byId(r, id)
      expect(c?.outerInstanceId).toBe('vms#0')
      expect(c?.downtimeS).toBeCloseTo(VM_START_S + CONTAINER_START_S, 9)
      expect(c?.availabilityPercent).toBeCloseTo(100 * (1 - 30.5 / H), 9)
      // It moved with its VM to the other host.
      expect(c?.finalHostId).toBe(vm?.finalHostId)
      expect(c?.finalHostId).not.toBe(c?.initialHostId)
    }
    const t = r.tenants.find((x) => x.tenantId === 't1')
    expect(t?.instances).toBe(3)
    expect(t?.downtimeS).toBeCloseTo(30 + 2 * 30.5, 9)
    expect(t?.availabilityPercent).toBeCloseTo(100 * (1 - 91 / (3 * H)), 9)
    // The tenant pays for its VM only: 4 vCPU and 8 GiB for the 3570 s it ran.
    const ran = (H - VM_START_S) / 3600
    expect(t?.vcpuHours).toBeCloseTo(4 * ran, 9)
    // Bill lines are rounded, so to 3 places.
    expect(t?.bill.total).toBeCloseTo(4 * ran * 0.05 + 8 * ran * 0.01, 3)
    expect(r.summary.hostFailures).toBe(1)
  })

  it('takes the containers down with an injected VM failure', () => {
    const r = run({ instanceSchedule: [{ instanceId: 'vms#0', atS: 600, repairS: 100 }] })
    expect(byId(r, 'vms#0')?.downtimeS).toBeCloseTo(100 + VM_START_S, 9)
    expect(byId(r, 'web#0')?.downtimeS).toBeCloseTo(100 + VM_START_S + CONTAINER_START_S, 9)
    expect(r.summary.hostFailures).toBe(0)
    expect(r.failures).toHaveLength(1)
    expect(r.failures[0]?.instanceId).toBe('vms#0')
    expect(r.failures[0]?.instances[0]?.restartedAtS).toBeCloseTo(600 + 100 + VM_START_S, 9)
  })

  it('fails one injected container alone', () => {
    const r = run({ instanceSchedule: [{ instanceId: 'web#1', atS: 100, repairS: 50 }] })
    expect(byId(r, 'web#1')?.downtimeS).toBeCloseTo(50 + CONTAINER_START_S, 9)
    expect(byId(r, 'web#0')?.downtimeS).toBe(0)
    expect(byId(r, 'vms#0')?.downtimeS).toBe(0)
  })

  it('reports what each layer costs, and nothing without nesting', () => {
    const r = run({})
    // Hypervisor: 5 % of 4 x 1000 MIPS; 92 MiB VM overhead + KVM's 2048 MiB on the one host used.
    // Guest kernel (node reserve): 120 m of 1000 MIPS vCPUs, 840 MiB. Runtime: 1 % of 2 x 1000 MIPS, 2 x 20 MiB.
    expect(r.layers).toEqual([
      { layer: 'hypervisor', instances: 1, cpuOverheadMips: 200, memoryMiB: 92 + 2048 },
      { layer: 'guest-kernel', instances: 1, cpuOverheadMips: 120, memoryMiB: 840 },
      { layer: 'container-runtime', instances: 2, cpuOverheadMips: 20, memoryMiB: 40 },
    ])
    expect(run({}, false).layers).toBeUndefined()
  })

  it('bills and places the VM exactly as the same design without its containers', () => {
    const a = run({ schedule: [{ hostId: 'VM_HOST', atS: 1000, repairS: 500 }] })
    const b = run({ schedule: [{ hostId: 'VM_HOST', atS: 1000, repairS: 500 }] }, false)
    expect(a.tenants[0]?.bill).toEqual(b.tenants[0]?.bill)
    expect(a.summary.energyKWh).toBe(b.summary.energyKWh)
  })
})

describe('the report of a run with a node pool', () => {
  it('shows the per-layer overhead and the injected failure', () => {
    const r = run({ instanceSchedule: [{ instanceId: 'vms#0', atS: 600, repairS: 100 }] })
    const sections = layerSections(r, new Map([['vms', 'nodes']]))
    expect(sections.map((s) => s.id)).toEqual(['layers', 'instance-failures'])
    const table = sections[0]?.blocks.find((b) => b.kind === 'table')
    expect(table?.kind === 'table' && table.table.rows).toEqual([
      ['hypervisor (per-VM overhead and its own reserve)', 1, 200, 2140],
      ['guest kernel / node agent reserve inside VMs', 1, 120, 840],
      ['container runtime inside VMs', 2, 20, 40],
    ])
    const failures = sections[1]?.blocks[0]
    expect(failures?.kind === 'table' && failures.table.rows[0]?.slice(0, 1)).toEqual(['nodes #1'])
    expect(layerSections(run({}, false), new Map())).toEqual([])
  })
})

describe('an unplaced container', () => {
  it('counts as down for the whole horizon in its tenant availability', () => {
    // One 4-vCPU VM leaves 3880 m: three 1-vCPU containers fit (1010 m each), the fourth not.
    const d = testDesign(
      [testHost('h1')],
      [
        testWorkload('vms', 't1'),
        testWorkload('web', 't1', {
          kind: 'container',
          count: 4,
          vcpus: 1,
          memoryMiB: 1000,
          diskGiB: 1,
          nesting: { runsIn: 'vms' },
        }),
      ],
      { horizonS: H, stepS: 300, policy: 'dvfs' },
    )
    const r = simulate(d)
    expect(byId(r, 'web#3')?.status).toBe('unplaced')
    const t = r.tenants.find((x) => x.tenantId === 't1')
    expect(t?.unplacedInstances).toBe(1)
    // 4 instances up the whole hour, 1 down the whole hour: 1 - H / 5H = 80 %.
    expect(t?.availabilityPercent).toBeCloseTo(80, 9)
    expect(r.summary.meanAvailabilityPercent).toBeCloseTo((4 * 100 + 0) / 5, 9)
  })
})
