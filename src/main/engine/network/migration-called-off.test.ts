/**
 * A live migration called off partway (its host, instance or storage failed between instants)
 * is charged up to that moment, not to its planned end or the next instant (num9's leftover of
 * review s9u A1). Expected values by arithmetic: bits = rate × seconds copied, GB = bits / 8e9
 * (the result rounds GB to 6 decimals, seconds to 3).
 */
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import { NetworkRun, type PlacementView } from './network-run'
import { treeDesign } from './tree-design.test-util'

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

const tenants: DesignInput['tenants'] = [
  {
    id: 't1',
    name: 'one',
    colour: '#1f77b4',
    pricing: { basis: 'allocated', vcpuHour: 0, memoryGiBHour: 0, storageGiBMonth: 0 },
  },
]

function workload(id: string, traffic?: WorkloadInput['traffic']): WorkloadInput {
  return {
    ...{ id, tenantId: 't1', name: id, kind: 'vm', count: 1, vcpus: 1, mipsPerVcpu: 1000 },
    ...{ memoryMiB: 4096, diskGiB: 10, guestOs: 'linux', traffic },
  }
}

/** 2 hosts on one ToR (10 Gbps links), instance i on host i; instance 0 may send to 1. */
function twoHosts(sendGbps?: number) {
  const design = treeDesign({
    racks: 1,
    hostsPerRack: 2,
    aggregations: 0,
    extra: {
      tenants,
      workloads: [
        workload('w0', sendGbps ? { eastWest: [{ peerWorkloadId: 'w1', sendGbps }] } : undefined),
        workload('w1'),
      ],
    },
  })
  const view: PlacementView = {
    vmCount: 2,
    vmWorkload: Int32Array.from([0, 1]),
    vmHome: Int32Array.from([0, 1]),
    vmDown: new Uint8Array(2),
    hostDown: new Uint8Array(2),
    vmInMig: Uint8Array.from([1, 0]),
  }
  return { run: new NetworkRun(design, 0), view }
}

const START = [{ vm: 0, fromHost: 0, toHost: 1, memoryMiB: 4096 }]
/** 4,096 MiB at 10 Gbps: 34,359,738,368 bits, 3.4359738368 s. */
const FULL_COPY_S = (4096 * 2 ** 20 * 8) / 10e9

describe('a live migration called off partway', () => {
  it('alone at 10 Gbps, called off after 1 s: 1.25 GB and 1 s of a busy link', () => {
    const { run, view } = twoHosts()
    expect(run.advance(0, view, START).startGbps).toEqual([10])
    view.vmInMig[0] = 0
    run.callOff(1, view)
    run.advance(300, view)
    const net = run.finish(600)
    expect(net.migrationGB).toBeCloseTo((10 * 1) / 8, 6)
    const link = net.links.find((l) => l.id === 'l-h0-0')
    expect(link?.saturatedS).toBeCloseTo(1, 6)
    expect(link?.meanUtilization).toBeCloseTo(1 / 600, 6)
  })

  it('beside a 6 Gbps flow, called off after 2 s: the flow gets its 6 Gbps back at 2 s', () => {
    const { run, view } = twoHosts(6)
    expect(run.advance(0, view, START).startGbps).toEqual([5])
    view.vmInMig[0] = 0
    run.callOff(2, view)
    const net = run.finish(300)
    expect(net.migrationGB).toBeCloseTo((5 * 2) / 8, 6)
    expect(net.tenants[0]?.gbSent).toBeCloseTo((5 * 2 + 6 * 298) / 8, 6)
    expect(net.tenants[0]?.demandNotServedGB).toBeCloseTo((1 * 2) / 8, 6)
  })

  it('after its copy ended, or while still migrating, changes nothing', () => {
    const ended = twoHosts()
    ended.run.advance(0, ended.view, START)
    ended.view.vmInMig[0] = 0
    ended.run.callOff(10, ended.view)
    expect(ended.run.finish(300).migrationGB).toBeCloseTo((4096 * 2 ** 20) / 1e9, 6)
    const going = twoHosts()
    going.run.advance(0, going.view, START)
    going.run.callOff(1, going.view)
    const net = going.run.finish(300)
    expect(net.migrationGB).toBeCloseTo((4096 * 2 ** 20) / 1e9, 6)
    expect(net.links.find((l) => l.id === 'l-h0-0')?.saturatedS).toBeCloseTo(FULL_COPY_S, 3)
  })
})
