/**
 * The nested scheduler: containers land in their tenant's VMs within the room those VMs leave,
 * nested VMs need a host with nested hardware virtualization (and say so), and evacuating a
 * host takes the inner instances along with their VMs. Property tests run over random pools.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design, Workload } from '../../../shared/design/schema'
import { createScheduler } from '../scheduler'
import { innerDemand, innerLayerOf, outerRoom } from './inner-layer'
import { testDesign, testHost, testWorkload } from '../../../../test/support/engine/nested-design'
import { workloadIdOf } from './stack'

const pods = (id: string, tenant: string, runsIn: string, extra: Record<string, unknown> = {}) =>
  testWorkload(id, tenant, {
    kind: 'container',
    vcpus: 1,
    memoryMiB: 1000,
    diskGiB: 1,
    nesting: { runsIn },
    ...extra,
  })

describe('node pools', () => {
  it('places containers into their VMs, within the room after the node reserve', () => {
    // Two 4-vCPU VMs; each leaves 3880 m: three 1010 m containers per VM, so 6 of 7 fit.
    const d = testDesign(
      [testHost('h1'), testHost('h2')],
      [testWorkload('vms', 't1', { count: 2 }), pods('web', 't1', 'vms', { count: 7 })],
    )
    const s = createScheduler(d)
    const r = s.placeAll()
    const inner = r.placed.filter((p) => p.workloadId === 'web')
    expect(inner).toHaveLength(6)
    const vmHost = new Map(
      r.placed.filter((p) => p.workloadId === 'vms').map((p) => [p.instanceId, p.hostId]),
    )
    for (const p of inner) {
      expect(p.outerInstanceId).toMatch(/^vms#[01]$/)
      expect(p.hostId).toBe(vmHost.get(p.outerInstanceId as string))
    }
    const refused = r.unplaced.find((u) => u.instanceId === 'web#6')
    expect(refused?.summary).toBe(
      "none of 2 VMs of vms can take it: 2 VMs: insufficient vCPU left in the VM after its guest's reserve",
    )
    const e = s.explain('web#0')
    expect(e?.outerInstanceId).toMatch(/^vms#/)
    expect(e?.summary).toMatch(/^placed in vms#[01] on h[12]; \d of 2 VMs of vms could take it/)
    const tenantView = s.explain('web#0', { tenantId: 't1' })
    expect(tenantView?.hostId).toBeUndefined()
    expect(tenantView?.summary).toBe(`placed in ${e?.outerInstanceId}`)
    expect(s.explain('web#0', { tenantId: 't2' })).toBeUndefined()
  })

  it("never puts a tenant's containers into another tenant's VMs", () => {
    const d = testDesign(
      [testHost('h1')],
      [testWorkload('vms', 't1'), pods('intruder', 't2', 'vms')],
    )
    const r = createScheduler(d).placeAll()
    expect(r.placed.map((p) => p.instanceId)).toEqual(['vms#0'])
    expect(r.unplaced[0]?.summary).toBe('not placed: the outer VMs belong to another tenant')
  })

  it('refuses nested VMs on hosts without nested hardware virtualization, saying why', () => {
    const d = testDesign(
      [testHost('plain')],
      [
        testWorkload('l1', 't1', { innerLayer: { kind: 'hvm', product: 'kvm' } }),
        testWorkload('l2', 't1', { vcpus: 1, memoryMiB: 1024, nesting: { runsIn: 'l1' } }),
      ],
    )
    const s = createScheduler(d)
    const r = s.placeAll()
    expect(r.placed).toEqual([])
    expect(s.explain('l1#0')?.summary).toBe(
      'none of 1 host can take it: 1 host: no nested hardware virtualization (VT-x/AMD-V for guests)',
    )
    expect(r.unplaced.find((u) => u.instanceId === 'l2#0')?.summary).toBe(
      'none of 1 VM of l1 can take it: 1 VM: VM not running',
    )
    // With support on the host, both levels are placed.
    const ok = testDesign(
      [testHost('nested', { nested: true })],
      [
        testWorkload('l1', 't1', { innerLayer: { kind: 'hvm', product: 'kvm' } }),
        testWorkload('l2', 't1', { vcpus: 1, memoryMiB: 1024, nesting: { runsIn: 'l1' } }),
      ],
    )
    expect(
      createScheduler(ok)
        .placeAll()
        .placed.map((p) => [p.instanceId, p.hostId, p.outerInstanceId]),
    ).toEqual([
      ['l1#0', 'nested', undefined],
      ['l2#0', 'nested', 'l1#0'],
    ])
  })

  it('refuses a nested VM inside a VM whose host does not expose VT-x, naming it', () => {
    // The outer group declares no inner layer, so it may land on a plain host; its guests
    // then see no VT-x/AMD-V.
    const d = testDesign(
      [testHost('plain')],
      [
        testWorkload('l1', 't1'),
        testWorkload('l2', 't1', { vcpus: 1, memoryMiB: 1024, nesting: { runsIn: 'l1' } }),
      ],
    )
    const s = createScheduler(d)
    s.placeAll()
    expect(s.explain('l2#0')?.summary).toBe(
      'none of 1 VM of l1 can take it: 1 VM: no nested hardware virtualization (VT-x/AMD-V for guests)',
    )
  })

  it('spreads an anti-affinity group over physical hosts when asked', () => {
    const d = testDesign(
      [testHost('h1'), testHost('h2')],
      [
        testWorkload('vms', 't1', { count: 4, affinity: { policy: 'affinity', scope: 'host' } }),
        pods('db', 't1', 'vms', {
          count: 2,
          affinity: { policy: 'anti-affinity', scope: 'host' },
          nesting: { runsIn: 'vms', affinityScope: 'host' },
        }),
      ],
    )
    const r = createScheduler(d).placeAll()
    // All four VMs share one host (affinity), so the second database container has no other host.
    expect(r.placed.filter((p) => p.workloadId === 'db')).toHaveLength(1)
    expect(r.unplaced[0]?.summary).toMatch(/already runs on the physical host under this VM/)
  })
})

/** Random designs: hosts, two tenants' VM pools with containers, some asking for another tenant's pool. */
const designArb = fc
  .record({
    hosts: fc.array(
      fc.record({
        cores: fc.integer({ min: 2, max: 16 }),
        memGiB: fc.integer({ min: 8, max: 64 }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    pools: fc.array(
      fc.record({
        tenant: fc.constantFrom('t1', 't2'),
        count: fc.integer({ min: 1, max: 4 }),
        vcpus: fc.integer({ min: 1, max: 8 }),
        memGiB: fc.integer({ min: 1, max: 16 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    inner: fc.array(
      fc.record({
        tenant: fc.constantFrom('t1', 't2'),
        pool: fc.nat(),
        count: fc.integer({ min: 1, max: 8 }),
        vcpus: fc.integer({ min: 1, max: 3 }),
        memMiB: fc.integer({ min: 64, max: 4096 }),
        anti: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ hosts, pools, inner }) =>
    testDesign(
      hosts.map((h, i) => testHost(`h${i}`, { cores: h.cores, memoryMiB: h.memGiB * 1024 })),
      [
        ...pools.map((p, i) =>
          testWorkload(`pool${i}`, p.tenant, {
            count: p.count,
            vcpus: p.vcpus,
            memoryMiB: p.memGiB * 1024,
          }),
        ),
        ...inner.map((c, i) =>
          testWorkload(`c${i}`, c.tenant, {
            kind: 'container',
            count: c.count,
            vcpus: c.vcpus,
            memoryMiB: c.memMiB,
            diskGiB: 1,
            nesting: { runsIn: `pool${c.pool % pools.length}` },
            affinity: { policy: c.anti ? 'anti-affinity' : 'none', scope: 'host' },
          }),
        ),
      ],
    ),
  )

/** Throws unless every inner instance fits its outer one, stays in its tenant and keeps anti-affinity. */
function checkNested(
  d: Design,
  placed: ReadonlyArray<{ instanceId: string; hostId: string; outerInstanceId?: string }>,
): void {
  const w = new Map(d.workloads.map((x) => [x.id, x]))
  const use = new Map<string, { cpu: number; mem: number }>()
  const groups = new Set<string>()
  const hostOf = new Map(placed.map((p) => [p.instanceId, p.hostId]))
  for (const p of placed) {
    if (p.outerInstanceId === undefined) continue
    const inner = w.get(workloadIdOf(p.instanceId)) as Workload
    const outer = w.get(workloadIdOf(p.outerInstanceId)) as Workload
    expect(outer.tenantId).toBe(inner.tenantId)
    expect(p.hostId).toBe(hostOf.get(p.outerInstanceId))
    const dem = innerDemand(inner, innerLayerOf(outer, inner.kind))
    const u = use.get(p.outerInstanceId) ?? { cpu: 0, mem: 0 }
    u.cpu += dem.vcpuMilli
    u.mem += dem.memoryMiB
    use.set(p.outerInstanceId, u)
    const room = outerRoom(outer, innerLayerOf(outer, inner.kind))
    expect(u.cpu).toBeLessThanOrEqual(room.vcpuMilli)
    expect(u.mem).toBeLessThanOrEqual(room.memoryMiB)
    if (inner.affinity.policy === 'anti-affinity') {
      const key = `${inner.id}@${p.outerInstanceId}`
      expect(groups.has(key)).toBe(false)
      groups.add(key)
    }
  }
}

describe('nested placement properties', () => {
  it('inner instances never exceed their outer one and never cross tenants', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        const r = createScheduler(d).placeAll()
        checkNested(d, r.placed)
        expect(r.placed.length + r.unplaced.length).toBe(r.instanceCount)
      }),
      { numRuns: 150 },
    )
  })

  it('evacuating a host moves outer instances with their inner ones', () => {
    fc.assert(
      fc.property(designArb, fc.nat(), (d, pick) => {
        const s = createScheduler(d)
        const before = s.placeAll()
        const host = d.hosts[pick % d.hosts.length]?.id as string
        const outerBefore = new Map(before.placed.map((p) => [p.instanceId, p.outerInstanceId]))
        const plan = s.evacuate(host)
        const after = s.result()
        checkNested(d, after.placed)
        const now = new Map(after.placed.map((p) => [p.instanceId, p]))
        for (const p of after.placed) expect(p.hostId).not.toBe(host)
        for (const m of plan.moves) {
          const p = now.get(m.instanceId)
          expect(p?.hostId).toBe(m.toHostId)
          // An inner instance stays in the same VM, which moved.
          expect(p?.outerInstanceId).toBe(outerBefore.get(m.instanceId))
        }
        for (const st of plan.stranded) expect(now.has(st.instanceId)).toBe(false)
        // Every instance that was on the host either moved or was stranded.
        const was = before.placed.filter((p) => p.hostId === host).map((p) => p.instanceId)
        expect(
          [
            ...plan.moves.map((m) => m.instanceId),
            ...plan.stranded.map((x) => x.instanceId),
          ].sort(),
        ).toEqual(was.sort())
      }),
      { numRuns: 100 },
    )
  })
})
