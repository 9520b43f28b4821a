import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import { checkDesignRules } from '../model/validate'
import { Fabric, OUTSIDE } from './fabric'
import { FlowTable } from './flows'
import { allocateMaxMin, flowSetOf } from './max-min'
import type { PlacementView } from './network-run'
import {
  addTenantFlows,
  MAX_TENANT_FLOWS,
  maxHostPairFlows,
  TooManyFlowsError,
  trafficIndex,
} from './tenant-flows'
import { treeDesign } from './tree-design.test-util'

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]
/** The traffic fields the tests set (all of them, so the oracle reads no default). */
interface Traffic {
  eastWest: Array<{ peerWorkloadId: string; sendGbps: number }>
  egressGbps: number
  ingressGbps: number
}

const tenants: DesignInput['tenants'] = [
  {
    id: 't1',
    name: 'one',
    colour: '#1f77b4',
    pricing: { basis: 'used', vcpuHour: 0, memoryGiBHour: 0, storageGiBMonth: 0, transferGB: 0 },
  },
]

function workload(id: string, count: number, traffic?: Traffic): WorkloadInput {
  const base = { id, tenantId: 't1', name: id, kind: 'vm' as const, count, vcpus: 1 }
  return { ...base, mipsPerVcpu: 1000, memoryMiB: 1024, diskGiB: 10, guestOs: 'linux', traffic }
}

/** A view of `homes[w]` = the host of each instance of workload w (-1: not placed). */
function viewOf(homes: number[][], hostCount: number): PlacementView {
  const vmWorkload = homes.flatMap((hs, w) => hs.map(() => w))
  const n = vmWorkload.length
  return {
    vmCount: n,
    vmWorkload: Int32Array.from(vmWorkload),
    vmHome: Int32Array.from(homes.flat()),
    vmDown: new Uint8Array(n),
    hostDown: new Uint8Array(hostCount),
    vmInMig: new Uint8Array(n),
  }
}

const EPS = 1e-9

/**
 * The oracle: one flow per instance pair (weight 1, demand sendGbps / peer instances), per
 * instance to and from the outside, each split evenly over its equal-cost paths, shared by
 * the plain max-min function. Returns the load per resource and the rate per workload.
 */
function perInstanceFlows(
  fabric: Fabric,
  endpoints: Int32Array,
  traffic: (Traffic | undefined)[],
  ids: string[],
  homes: number[][],
): { loadGbps: Float64Array; rateGbps: number[] } {
  const paths: number[][] = []
  const demand: number[] = []
  const weight: number[] = []
  const owner: Array<{ workload: number; flowDemand: number }> = []
  const add = (w: number, src: number, dst: number, d: number): void => {
    const route = fabric.route(src, dst) ?? []
    for (const p of route) {
      paths.push([...p])
      demand.push(d / route.length)
      weight.push(1 / route.length)
      owner.push({ workload: w, flowDemand: d })
    }
  }
  homes.forEach((hs, w) => {
    const spec = traffic[w]
    if (!spec) return
    for (const h of hs) {
      if (h < 0) continue
      for (const p of spec.eastWest) {
        const peer = homes[ids.indexOf(p.peerWorkloadId)]?.filter((x) => x >= 0) ?? []
        for (const hb of peer)
          add(w, endpoints[h] as number, endpoints[hb] as number, p.sendGbps / peer.length)
      }
      if (spec.egressGbps > 0) add(w, endpoints[h] as number, OUTSIDE, spec.egressGbps)
      if (spec.ingressGbps > 0) add(w, OUTSIDE, endpoints[h] as number, spec.ingressGbps)
    }
  })
  const a = allocateMaxMin(flowSetOf(paths, demand, weight), fabric.capacityGbps)
  const rateGbps = homes.map(() => 0)
  owner.forEach((o, s) => {
    rateGbps[o.workload] = (rateGbps[o.workload] as number) + (a.rateGbps[s] as number)
  })
  return { loadGbps: a.loadGbps, rateGbps }
}

const sends = fc.constantFrom(0.5, 1, 2, 4)
const scenario = fc
  .record({
    racks: fc.integer({ min: 1, max: 3 }),
    hostsPerRack: fc.integer({ min: 1, max: 3 }),
    aggregations: fc.integer({ min: 1, max: 2 }),
    cores: fc.integer({ min: 1, max: 2 }),
    hostLinkGbps: fc.constantFrom(1, 2, 10),
    torUplinkGbps: fc.constantFrom(1, 3, 40),
    uplinkGbps: fc.constantFrom(1, 5, 100),
    counts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    seed: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      traffic: fc.array(
        fc.option(
          fc.record({
            eastWest: fc.array(fc.record({ peer: fc.nat(s.counts.length - 1), sendGbps: sends }), {
              maxLength: 4,
            }),
            egressGbps: fc.constantFrom(0, 0.5, 1),
            ingressGbps: fc.constantFrom(0, 1),
          }),
        ),
        { minLength: s.counts.length, maxLength: s.counts.length },
      ),
    }),
  )

describe('tenant flows: aggregation', () => {
  it('gives every link the load, and every workload the rate, of one flow per instance pair', () => {
    fc.assert(
      fc.property(scenario, ({ s, traffic }) => {
        const ids = s.counts.map((_, i) => `w${i}`)
        const specs: (Traffic | undefined)[] = traffic.map((t) =>
          t
            ? {
                eastWest: t.eastWest.map((e) => ({
                  peerWorkloadId: ids[e.peer] as string,
                  sendGbps: e.sendGbps,
                })),
                egressGbps: t.egressGbps,
                ingressGbps: t.ingressGbps,
              }
            : undefined,
        )
        const design = treeDesign({
          ...s,
          extra: {
            tenants,
            workloads: s.counts.map((c, i) => workload(ids[i] as string, c, specs[i])),
          },
        })
        const hostCount = design.hosts.length
        let k = 0
        // Instances on random hosts (a few not placed), so hosts hold several of one workload.
        const homes = s.counts.map((c) =>
          Array.from({ length: c }, () => ((s.seed[k++ % 64] as number) % (hostCount + 1)) - 1),
        )
        const fabric = new Fabric(design)
        const endpoints = Int32Array.from(design.hosts, (h) => fabric.endpoint(h.id) ?? -1)
        const flows = new FlowTable(fabric)
        addTenantFlows(flows, trafficIndex(design, endpoints), viewOf(homes, hostCount))
        flows.allocate()
        const oracle = perInstanceFlows(fabric, endpoints, specs, ids, homes)
        oracle.loadGbps.forEach((l, e) => expect(flows.loadGbps[e] as number).toBeCloseTo(l, 9))
        const rate = homes.map(() => 0)
        for (let f = 0; f < flows.count; f++)
          rate[flows.workload[f] as number] =
            (rate[flows.workload[f] as number] as number) + (flows.rateGbps[f] as number)
        oracle.rateGbps.forEach((r, w) =>
          expect(Math.abs((rate[w] as number) - r)).toBeLessThan(EPS * (1 + r)),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('merges the host pairs of a peer named twice: hosts × peer hosts flows, not twice that', () => {
    const design = treeDesign({
      racks: 2,
      hostsPerRack: 3,
      extra: {
        tenants,
        workloads: [
          workload('a', 3, {
            eastWest: [
              { peerWorkloadId: 'b', sendGbps: 1 },
              { peerWorkloadId: 'b', sendGbps: 1 },
            ],
            egressGbps: 0,
            ingressGbps: 0,
          }),
          workload('b', 2),
        ],
      },
    })
    const fabric = new Fabric(design)
    const endpoints = Int32Array.from(design.hosts, (h) => fabric.endpoint(h.id) ?? -1)
    const flows = new FlowTable(fabric)
    // a on hosts 0, 1, 2; b on hosts 3 and 4: 3 × 2 host pairs.
    addTenantFlows(
      flows,
      trafficIndex(design, endpoints),
      viewOf(
        [
          [0, 1, 2],
          [3, 4],
        ],
        6,
      ),
    )
    expect(flows.count).toBe(6)
    // Each pair carries both entries: 2 × 1 Gbps / 2 peer instances per instance pair.
    expect(flows.demandGbps).toEqual([1, 1, 1, 1, 1, 1])
  })
})

describe('tenant flows: limits', () => {
  const design = treeDesign({
    racks: 2,
    hostsPerRack: 4,
    extra: {
      tenants,
      workloads: [
        workload('small', 2, {
          eastWest: [{ peerWorkloadId: 'big', sendGbps: 1 }],
          egressGbps: 0,
          ingressGbps: 0,
        }),
        workload('big', 4, {
          eastWest: [{ peerWorkloadId: 'other', sendGbps: 1 }],
          egressGbps: 1,
          ingressGbps: 0,
        }),
        workload('other', 4),
      ],
    },
  })
  const fabric = new Fabric(design)
  const endpoints = Int32Array.from(design.hosts, (h) => fabric.endpoint(h.id) ?? -1)
  // small on hosts 0-1, big on 2-5, other on 4-7.
  const view = viewOf(
    [
      [0, 1],
      [2, 3, 4, 5],
      [4, 5, 6, 7],
    ],
    8,
  )

  it('refuses a placement over the limit, naming the workload that makes the most flows', () => {
    const flows = new FlowTable(fabric)
    // small: 2 × 4 = 8 host pairs; big: 4 × 4 + 4 egress = 20; in all 28.
    const run = (): void => addTenantFlows(flows, trafficIndex(design, endpoints), view, 27)
    expect(run).toThrow(TooManyFlowsError)
    expect(run).toThrow(
      /more than 27 flows .*\(28 host-pair flows before aggregation\); workload "big" makes the most: 20/,
    )
    const ok = new FlowTable(fabric)
    addTenantFlows(ok, trafficIndex(design, endpoints), view, 28)
    expect(ok.count).toBe(28)
  })

  it('bounds flows by counts and hosts, and validation names a workload over the warning', () => {
    expect(maxHostPairFlows(design)).toEqual([
      { workload: 0, flows: 2 * 4 },
      { workload: 1, flows: 4 * 4 + 4 },
    ])
    // 400 hosts; 400 instances × a peer of 300, per entry: 120,000 ≥ 100,000 (warning); with
    // 20 entries 2,400,000 > 2,000,000, the run limit (a second warning).
    const big = treeDesign({
      racks: 20,
      hostsPerRack: 20,
      extra: {
        tenants,
        workloads: [
          workload('w-big', 400, {
            eastWest: Array.from({ length: 20 }, () => ({
              peerWorkloadId: 'w-peer',
              sendGbps: 0.1,
            })),
            egressGbps: 0,
            ingressGbps: 0,
          }),
          workload('w-peer', 300),
        ],
      },
    })
    const warnings = checkDesignRules(big).filter((p) => p.severity === 'warning')
    const flowsWarning = warnings.filter((p) => p.message.includes('host-pair flows'))
    expect(flowsWarning.map((p) => p.path)).toEqual(['workloads[0].traffic.eastWest', 'workloads'])
    expect(flowsWarning[0]?.message).toContain('"w-big"\'s traffic can make up to 2,400,000')
    expect(flowsWarning[1]?.message).toContain(
      `more than ${MAX_TENANT_FLOWS.toLocaleString('en-US')}`,
    )
  })
})
