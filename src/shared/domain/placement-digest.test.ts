/**
 * The placement digest (issue 19) against the whole result it compacts. Oracles: a hand-worked
 * round-robin placement, and for random results plain counting over `placed` (one object per
 * instance) that shares no code with the digest's columns.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { PlacedInstance, PlacementResult, UnplacedInstance } from './placement'
import {
  DIGEST_UNPLACED_LISTED,
  digestCountsByHost,
  digestInstances,
  digestInstancesOn,
  digestPlacedByTenant,
  placementDigest,
} from './placement-digest'

const result = (placed: PlacedInstance[], unplaced: UnplacedInstance[] = []): PlacementResult => ({
  preset: 'spread',
  weights: { spread: 1 },
  seed: 7,
  order: 'stable',
  hostCount: 3,
  instanceCount: placed.length + unplaced.length,
  placed,
  unplaced,
  hostUsage: [],
})

describe('placementDigest', () => {
  it('counts a round-robin placement per host and tenant (worked by hand)', () => {
    // w-a (tenant A, 5 instances) and w-b (tenant B, 4 instances) dealt round robin over
    // h1, h2, h3: instance k of the 9 goes to host k mod 3
    const hosts = ['h1', 'h2', 'h3']
    const placed: PlacedInstance[] = []
    let k = 0
    for (const [w, t, n] of [
      ['w-a', 'A', 5],
      ['w-b', 'B', 4],
    ] as const)
      for (let i = 0; i < n; i++)
        placed.push({
          instanceId: `${w}#${i}`,
          workloadId: w,
          tenantId: t,
          hostId: hosts[k++ % 3]!,
        })
    const d = placementDigest(result(placed))
    // A: k = 0..4 -> h1, h2, h3, h1, h2; B: k = 5..8 -> h3, h1, h2, h3
    expect(
      Object.fromEntries([...digestCountsByHost(d)].map(([h, m]) => [h, Object.fromEntries(m)])),
    ).toEqual({
      h1: { A: 2, B: 1 },
      h2: { A: 2, B: 1 },
      h3: { A: 1, B: 2 },
    })
    expect(Object.fromEntries(digestPlacedByTenant(d))).toEqual({ A: 5, B: 4 })
    expect(digestInstancesOn(d, 'h3').map((i) => i.instanceId)).toEqual(['w-a#2', 'w-b#0', 'w-b#3'])
    expect(d.placedCount).toBe(9)
    expect(d.groups.map((g) => g.hosts)).toEqual([
      [0, 1, 2, 0, 1],
      [2, 0, 1, 2],
    ])
  })

  it('says which outer instance holds each nested instance (a node pool, by hand)', () => {
    // VMs vm#0 on h1 and vm#1 on h2; pods pod#0, pod#2 in vm#1, pod#1 unplaced, pod#3 in vm#0
    const vm = (i: number, hostId: string): PlacedInstance => ({
      instanceId: `vm#${i}`,
      workloadId: 'vm',
      tenantId: 'A',
      hostId,
    })
    const pod = (i: number, outer: number, hostId: string): PlacedInstance => ({
      instanceId: `pod#${i}`,
      workloadId: 'pod',
      tenantId: 'A',
      hostId,
      outerInstanceId: `vm#${outer}`,
    })
    const unplacedPod = { instanceId: 'pod#1', workloadId: 'pod', tenantId: 'A', reasons: [] }
    const d = placementDigest(
      result(
        [vm(0, 'h1'), vm(1, 'h2'), pod(0, 1, 'h2'), pod(2, 1, 'h2'), pod(3, 0, 'h1')],
        [{ ...unplacedPod, summary: 'no room' }],
      ),
    )
    expect(d.groups[0]).toEqual({ workloadId: 'vm', tenantId: 'A', hosts: [0, 1] })
    expect(d.groups[1]).toEqual({
      workloadId: 'pod',
      tenantId: 'A',
      hosts: [1, -1, 1, 0],
      outerWorkloadId: 'vm',
      outers: [1, -1, 1, 0],
    })
    expect([...digestInstances(d)].map((i) => [i.instanceId, i.outerInstanceId])).toEqual([
      ['vm#0', undefined],
      ['vm#1', undefined],
      ['pod#0', 'vm#1'],
      ['pod#2', 'vm#1'],
      ['pod#3', 'vm#0'],
    ])
    expect(digestInstancesOn(d, 'h1').map((i) => i.outerInstanceId)).toEqual([undefined, 'vm#0'])
    // a group nested in two workloads is a broken result
    const odd = { ...pod(1, 0, 'h1'), outerInstanceId: 'other#0' }
    expect(() => placementDigest(result([vm(0, 'h1'), pod(0, 0, 'h1'), odd]))).toThrow(
      'instance "pod#1" runs in "other#0", not in "vm"',
    )
  })

  it('refuses an instance id that is not its workload id and ordinal, naming it', () => {
    const bad = { instanceId: 'w-a-3', workloadId: 'w-a', tenantId: 'A', hostId: 'h1' }
    expect(() => placementDigest(result([bad]))).toThrow('instance id "w-a-3" is not "w-a#<n>"')
  })

  /** Random results: groups of instances, each placed on one of a few hosts or unplaced. */
  const results = fc
    .record({
      groups: fc.array(
        fc.record({
          tenant: fc.constantFrom('A', 'B', 'C'),
          // -1: unplaced; else a host number
          hosts: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 40 }),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ groups }) => {
      const placed: PlacedInstance[] = []
      const unplaced: UnplacedInstance[] = []
      groups.forEach((g, w) =>
        g.hosts.forEach((h, i) => {
          const base = { instanceId: `w-${w}#${i}`, workloadId: `w-${w}`, tenantId: g.tenant }
          if (h < 0) unplaced.push({ ...base, reasons: [], summary: `no room for w-${w}` })
          else placed.push({ ...base, hostId: `host ${h}` })
        }),
      )
      return result(placed, unplaced)
    })

  it('keeps every placed instance where the result puts it, in the result order', () => {
    fc.assert(
      fc.property(results, (r) => {
        const d = placementDigest(r)
        expect([...digestInstances(d)]).toEqual(
          r.placed.map(({ instanceId, workloadId, tenantId, hostId }) => ({
            instanceId,
            workloadId,
            tenantId,
            hostId,
          })),
        )
        for (let h = 0; h <= 6; h++)
          expect(digestInstancesOn(d, `host ${h}`).map((i) => i.instanceId)).toEqual(
            r.placed.filter((p) => p.hostId === `host ${h}`).map((p) => p.instanceId),
          )
      }),
    )
  })

  it('counts per host and tenant what plain counting of the placed instances gives', () => {
    fc.assert(
      fc.property(results, (r) => {
        const d = placementDigest(r)
        const expected = new Map<string, Map<string, number>>()
        for (const p of r.placed) {
          const m = expected.get(p.hostId) ?? new Map<string, number>()
          m.set(p.tenantId, (m.get(p.tenantId) ?? 0) + 1)
          expected.set(p.hostId, m)
        }
        const counts = digestCountsByHost(d)
        expect(new Map([...counts].map(([h, m]) => [h, new Map([...m].sort())]))).toEqual(
          new Map([...expected].map(([h, m]) => [h, new Map([...m].sort())])),
        )
        // every placement is counted once
        let total = 0
        for (const m of counts.values()) for (const n of m.values()) total += n
        expect(total).toBe(r.placed.length)
        expect(d.placedCount).toBe(r.placed.length)
      }),
    )
  })

  it('counts unplaced instances per group and lists the first of them', () => {
    fc.assert(
      fc.property(results, (r) => {
        const d = placementDigest(r)
        expect(d.unplacedCount).toBe(r.unplaced.length)
        expect(d.unplacedGroups.reduce((n, g) => n + g.count, 0)).toBe(r.unplaced.length)
        for (const g of d.unplacedGroups) {
          expect(g.count).toBe(r.unplaced.filter((u) => u.workloadId === g.workloadId).length)
          expect(g.summary).toBe(`no room for ${g.workloadId}`)
        }
        expect(d.unplacedListed).toEqual(r.unplaced.slice(0, DIGEST_UNPLACED_LISTED))
      }),
    )
  })
})
