/**
 * A nested workload's own traffic in a run (review s7c #1): pods of a node pool send from the
 * hosts of the VMs they run in, with their own peers, tenant and profile. Expected values are
 * arithmetic: GB = instances × Gbps × level × seconds ÷ 8.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { checkIntegrity } from '../model/validate'
import { treeDesign } from '../network/tree-design.test-util'
import { simulate } from '../simulation'

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

const H = 3600
const tenants: DesignInput['tenants'] = ['t1', 't2'].map((id) => ({
  id,
  name: id,
  colour: '#112233',
  pricing: { vcpuHour: 0, memoryGiBHour: 0, transferGB: 0.02 },
}))

/** A VM group whose VMs run containers (a node pool), or a container group inside one. */
function vms(id: string, tenantId: string, count: number, extra: Partial<WorkloadInput> = {}) {
  return {
    id,
    tenantId,
    name: id,
    kind: 'vm',
    count,
    vcpus: 6,
    mipsPerVcpu: 1000,
    memoryMiB: 16_384,
    diskGiB: 10,
    guestOs: 'linux',
    innerLayer: { kind: 'os', product: 'docker' },
    ...extra,
  } as WorkloadInput
}
function pods(id: string, tenantId: string, count: number, runsIn: string, extra = {}) {
  return {
    id,
    tenantId,
    name: id,
    kind: 'container',
    count,
    vcpus: 1,
    mipsPerVcpu: 500,
    memoryMiB: 1024,
    diskGiB: 1,
    guestOs: 'linux',
    nesting: { runsIn },
    ...extra,
  } as WorkloadInput
}

function run(workloads: WorkloadInput[], simulation: Record<string, unknown> = {}) {
  const design = treeDesign({
    racks: 3,
    hostsPerRack: 2,
    extra: {
      tenants,
      workloads,
      simulation: { horizonS: H, stepS: 300, policy: 'dvfs', ...simulation } as never,
    },
  })
  return simulate(design)
}

const sentOf = (r: SimulationResult, tenantId: string) =>
  r.network?.tenants.find((t) => t.tenantId === tenantId)
const workloadSent = (r: SimulationResult, id: string) =>
  r.network?.tenants.flatMap((t) => t.workloads).find((w) => w.workloadId === id)

describe("a nested workload's own traffic", () => {
  it('is sent by every tenant as Σ count × Gbps × level × horizon ÷ 8, nesting in any position', () => {
    const spec = fc.record({
      // per tenant: node pools (VM count, pod count) and plain VM groups
      pools: fc.array(
        fc.record({
          tenant: fc.constantFrom('t1', 't2'),
          vmCount: fc.integer({ min: 1, max: 2 }),
          podCount: fc.integer({ min: 1, max: 4 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      plain: fc.array(
        fc.record({ tenant: fc.constantFrom('t1', 't2'), count: fc.integer({ min: 1, max: 2 }) }),
        { maxLength: 2 },
      ),
      // per workload: east-west Gbps to a peer of its tenant (index), egress Gbps, level
      traffic: fc.array(
        fc.record({
          peer: fc.nat(),
          sendGbps: fc.constantFrom(0, 0.01, 0.02, 0.05),
          egressGbps: fc.constantFrom(0, 0.01, 0.03),
          meanPercent: fc.constantFrom(20, 50, 100),
        }),
        { minLength: 8, maxLength: 8 },
      ),
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    })
    fc.assert(
      fc.property(spec, ({ pools, plain, traffic, order }) => {
        const list: WorkloadInput[] = []
        pools.forEach((p, i) => {
          list.push(vms(`vm${i}`, p.tenant, p.vmCount))
          list.push(pods(`pod${i}`, p.tenant, p.podCount, `vm${i}`))
        })
        plain.forEach((p, i) => list.push(vms(`plain${i}`, p.tenant, p.count)))
        // traffic to a peer of the same tenant (itself when alone)
        list.forEach((w, i) => {
          const t = traffic[i] as (typeof traffic)[number]
          const mates = list.filter((x) => x.tenantId === w.tenantId)
          const peer = mates[t.peer % mates.length] as WorkloadInput
          w.traffic = {
            eastWest: [{ peerWorkloadId: peer.id, sendGbps: t.sendGbps }],
            egressGbps: t.egressGbps,
            profile: { profile: 'constant', meanPercent: t.meanPercent },
          } as WorkloadInput['traffic']
        })
        // any order: a stable sort by a random key
        const keyed = list.map((w, i) => ({ w, k: order[i] ?? 0, i }))
        keyed.sort((a, b) => a.k - b.k || a.i - b.i)
        const r = run(keyed.map((x) => x.w))
        expect(r.summary.unplacedInstances).toBe(0)
        for (const l of r.network?.links ?? []) expect(l.peakUtilization).toBeLessThan(1)
        for (const tenantId of ['t1', 't2']) {
          let expected = 0
          list.forEach((w, i) => {
            if (w.tenantId !== tenantId) return
            const t = traffic[i] as (typeof traffic)[number]
            expected += (w.count * (t.sendGbps + t.egressGbps) * (t.meanPercent / 100) * H) / 8
          })
          const got = sentOf(r, tenantId)
          expect(got?.gbSent ?? 0).toBeCloseTo(expected, 5)
          expect(got?.demandNotServedGB ?? 0).toBeCloseTo(0, 5)
        }
      }),
      { numRuns: 25 },
    )
  })

  it('crosses no link when its VMs and its peer share one host', () => {
    // One VM with two pods; each pod sends 1 Gbps to the VM group (its own VM, same host).
    const r = run([
      pods('pods', 't1', 2, 'vm', {
        traffic: { eastWest: [{ peerWorkloadId: 'vm', sendGbps: 1 }] },
      }),
      vms('vm', 't1', 1),
    ])
    expect(sentOf(r, 't1')?.gbSent).toBeCloseTo((2 * 1 * H) / 8, 6)
    for (const l of r.network?.links ?? []) expect(l.peakUtilization).toBe(0)
  })

  it("stops while its own injected failure and its layer's start time last", () => {
    // pods#0 fails at 600 s for 900 s and starts 0.5 s after (a container in a VM): down over
    // [600, 1500.5], network instants of their own (review s10u A2: the steps around them).
    const r = run(
      [
        vms('vm', 't1', 1),
        pods('pods', 't1', 2, 'vm', { traffic: { eastWest: [], egressGbps: 1 } }),
      ],
      {
        failures: {
          mode: 'schedule',
          schedule: [],
          instanceSchedule: [{ instanceId: 'pods#0', atS: 600, repairS: 900 }],
        },
      },
    )
    expect(workloadSent(r, 'pods')?.gbSent).toBeCloseTo((2 * H - 900.5) / 8, 6)
  })
})

describe('pods in a VM in a VM', () => {
  it('wait for every layer to start again after their top VM restarts elsewhere', () => {
    // Host failure at 1,005 s: the top VM restarts on another host 30 s later (hvm), the VM in
    // it 30 s after that (nested hvm), its pods 0.5 s after that: at 1,035 s, 1,065 s and
    // 1,065.5 s; each is a network instant (review s10u A2), so the top VM is down 30 s, the
    // inner VM 60 s and the pods 60.5 s. Each instance sends 1 Gbps out.
    const out = { eastWest: [], egressGbps: 1 }
    const workloads = [
      vms('pods-in', 't1', 1, {
        kind: 'container',
        vcpus: 1,
        memoryMiB: 1024,
        diskGiB: 1,
        innerLayer: undefined,
        nesting: { runsIn: 'l2' },
        count: 2,
        traffic: out,
      } as never),
      vms('l1', 't1', 1, {
        vcpus: 12,
        memoryMiB: 65_536,
        innerLayer: { kind: 'hvm', product: 'kvm' },
        traffic: out,
      } as never),
      vms('l2', 't1', 1, { nesting: { runsIn: 'l1' }, traffic: out } as never),
    ]
    const design = (failAt?: string) => {
      const d = treeDesign({
        racks: 1,
        hostsPerRack: 2,
        extra: {
          tenants,
          workloads,
          simulation: {
            horizonS: H,
            stepS: 10,
            policy: 'dvfs',
            failures: {
              mode: 'schedule',
              schedule: failAt ? [{ hostId: failAt, atS: 1005, repairS: 500 }] : [],
            },
          } as never,
        },
      })
      for (const h of d.hosts) h.virtualization.nestedHardwareVirtualization = true
      return d
    }
    const before = simulate(design())
    const host = before.instances.find((i) => i.instanceId === 'l1#0')?.initialHostId
    expect(before.instances.every((i) => i.status !== 'unplaced')).toBe(true)
    const r = simulate(design(host))
    expect(r.instances.find((i) => i.instanceId === 'l1#0')?.finalHostId).not.toBe(host)
    expect(workloadSent(r, 'l1')?.gbSent).toBeCloseTo((H - 30) / 8, 6)
    expect(workloadSent(r, 'l2')?.gbSent).toBeCloseTo((H - 60) / 8, 6)
    expect(workloadSent(r, 'pods-in')?.gbSent).toBeCloseTo((2 * (H - 60.5)) / 8, 6)
  })
})

describe('the generated 200-host design of review s7c', () => {
  // `strata generate --hosts 200` (seed 1, 24 h): w-000051 is 64 containers of tenant-0001 in
  // its 25 VMs of w-000001; each instance of both sends 0.05 + 0.05 Gbps east-west and 0.01
  // egress at a diurnal level whose mean over the day is 50 %, so 0.11 × 0.5 × 86,400 ÷ 8 =
  // 594 GB a day. The scheduler finds room for 25 of the 64 pods (4,096 MiB each in the VMs'
  // memory left after the node reserve); the 39 refused ones never run and send nothing.
  const design = checkIntegrity(
    JSON.parse(
      readFileSync(
        join(__dirname, '../../../../test/fixtures/nesting/gen200-node-pool.strata.json'),
        'utf8',
      ),
    ),
  ).design
  it("bills tenant 1 for its VMs' and its placed pods' traffic", () => {
    if (!design) throw new Error('the fixture does not open')
    const r = simulate(design, { hostSeries: false })
    const placed = (id: string) =>
      r.instances.filter((i) => i.workloadId === id && i.status !== 'unplaced').length
    expect(placed('w-000001')).toBe(25)
    expect(placed('w-000051')).toBe(25)
    expect(workloadSent(r, 'w-000001')?.gbSent).toBeCloseTo(25 * 594, 3)
    expect(workloadSent(r, 'w-000051')?.gbSent).toBeCloseTo(25 * 594, 3)
    expect(sentOf(r, 'tenant-0001')?.gbSent).toBeCloseTo(14_850 + 14_850, 3)
    const line = r.tenants
      .find((t) => t.tenantId === 'tenant-0001')
      ?.bill.lines.find((l) => l.item === 'network-gb')
    expect(line?.amount).toBeCloseTo(29_700 * 0.02, 6)
    // tenant 4's w-000004 sends to its pods w-000054, which now run: nothing is lost
    expect(sentOf(r, 'tenant-0004')?.gbSent).toBeCloseTo(32 * 594 + 50 * 594, 3)
    expect(r.network?.tenants.every((t) => t.demandNotServedGB === 0)).toBe(true)
  }, 120_000)
})
