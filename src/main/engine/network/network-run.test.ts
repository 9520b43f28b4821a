import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { designSchema, type DesignInput } from '../../../shared/design/schema'
import { simulate } from '../simulation'
import { migrationDurationS, NetworkRun } from './network-run'
import { treeDesign } from './tree-design.test-util'

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

/** A workload of `count` instances, each too big to share a 256 GiB host with another. */
function workload(id: string, count: number, traffic?: WorkloadInput['traffic']): WorkloadInput {
  return {
    id,
    tenantId: 't1',
    name: id,
    kind: 'vm',
    count,
    vcpus: 1,
    mipsPerVcpu: 1000,
    memoryMiB: 200_000,
    diskGiB: 10,
    guestOs: 'linux',
    traffic,
  }
}

const tenants: DesignInput['tenants'] = [
  {
    id: 't1',
    name: 'one',
    colour: '#1f77b4',
    pricing: {
      basis: 'allocated',
      vcpuHour: 0,
      memoryGiBHour: 0,
      storageGiBMonth: 0,
      transferGB: 0.01,
    },
  },
]

describe('network run: migrations compete with tenant traffic', () => {
  const BITS_4GIB = 4 * 2 ** 30 * 8

  /** Instance 0 (workload a, host 0) sends 6 Gbps × its trace to instance 1 (b, host 1). */
  function setup(trace?: { intervalS: number; percent: number[] }, capMiBps?: number) {
    const design = treeDesign({
      racks: 1,
      hostsPerRack: 2,
      aggregations: 0,
      extra: {
        tenants,
        workloads: [
          workload('a', 1, { eastWest: [{ peerWorkloadId: 'b', sendGbps: 6 }], trace }),
          workload('b', 1),
        ],
      },
    })
    if (capMiBps !== undefined)
      design.fabric = { ...design.fabric, migrationRateCapMiBps: capMiBps } as typeof design.fabric
    const run = new NetworkRun(design, 0)
    // Instance 0 migrates from host 0 to host 1 (over the same 10 Gbps host link as its flow).
    const view = {
      vmCount: 2,
      vmWorkload: Int32Array.of(0, 1),
      vmHome: Int32Array.of(0, 1),
      vmDown: new Uint8Array(2),
      hostDown: new Uint8Array(2),
      vmInMig: Uint8Array.of(1, 0),
    }
    const start = [{ vm: 0, fromHost: 0, toHost: 1, memoryMiB: 4096 }]
    return { run, view, start }
  }

  it('4 GiB on a 10 Gbps path with one 6 Gbps tenant flow gets 5 Gbps and takes 4·2^30·8/5e9 s', () => {
    const { run, view, start } = setup()
    const [rate] = run.advance(0, view, start).startGbps
    expect(rate).toBe(5)
    expect(migrationDurationS(4096, rate as number)).toBeCloseTo(BITS_4GIB / 5e9, 12)
    expect(migrationDurationS(4096, 5)).toBeCloseTo(6.87, 2)
    // Nothing changes at the next instant: same share, same end, nothing re-timed.
    expect(run.advance(2, view).retimed).toEqual([])
  })

  it('the competing flow ends at 2 s: 2 s at 5 Gbps, the rest at 10 Gbps', () => {
    const { run, view, start } = setup({ intervalS: 2, percent: [100, 0] })
    expect(run.advance(0, view, start).startGbps).toEqual([5])
    const { retimed } = run.advance(2, view)
    expect(retimed).toHaveLength(1)
    expect(retimed[0]?.vm).toBe(0)
    expect(retimed[0]?.rateGbps).toBe(10)
    expect(retimed[0]?.endS).toBeCloseTo(2 + (BITS_4GIB - 5e9 * 2) / 10e9, 9)
  })

  it('a competing flow starting at 2 s slows the migration to its max-min share', () => {
    const { run, view, start } = setup({ intervalS: 2, percent: [0, 100] })
    expect(run.advance(0, view, start).startGbps).toEqual([10])
    const { retimed } = run.advance(2, view)
    expect(retimed[0]?.rateGbps).toBe(5)
    expect(retimed[0]?.endS).toBeCloseTo(2 + (BITS_4GIB - 10e9 * 2) / 5e9, 9)
  })

  it('a 128 MiB/s cap (QEMU default, §12d): 4,096 MiB take 32 s, rate = min(share, cap)', () => {
    const { run, view, start } = setup({ intervalS: 1, percent: [0] }, 128)
    const [alone] = run.advance(0, view, start).startGbps
    expect(alone).toBeCloseTo((128 * 2 ** 20 * 8) / 1e9, 12)
    expect(migrationDurationS(4096, alone as number)).toBeCloseTo(32, 9)
    // Beside the 6 Gbps flow the share (5 Gbps) is above the cap: the cap still rules.
    const beside = setup(undefined, 128)
    expect(beside.run.advance(0, beside.view, beside.start).startGbps[0]).toBeCloseTo(
      (128 * 2 ** 20 * 8) / 1e9,
      12,
    )
  })

  it('a migration called off (no longer migrating) leaves the fabric', () => {
    const { run, view, start } = setup({ intervalS: 2, percent: [100, 0] })
    run.advance(0, view, start)
    expect(run.advance(2, { ...view, vmInMig: new Uint8Array(2) }).retimed).toEqual([])
  })
})

describe('network in a simulation (closed forms, H = 3600 s)', () => {
  function run(options: {
    traffic: WorkloadInput['traffic']
    senders?: number
    fabric?: DesignInput['fabric']
    failureMode?: 'none' | 'schedule'
    power?: { idleW: number; loadW: number }
  }) {
    const design = treeDesign({
      racks: 1,
      hostsPerRack: 3,
      aggregations: 1,
      uplinkGbps: 10,
      extra: {
        tenants,
        workloads: [workload('a', options.senders ?? 2, options.traffic), workload('b', 1)],
        simulation: {
          horizonS: 3600,
          stepS: 300,
          policy: 'dvfs',
          failures: { mode: options.failureMode ?? 'none', schedule: [] },
        },
      },
    })
    if (options.fabric)
      design.fabric = { ...design.fabric, ...options.fabric } as typeof design.fabric
    if (options.power) for (const s of design.switches) s.power = options.power
    return simulate(design, { hostSeries: false })
  }

  it('two 8 Gbps senders into one 10 Gbps host link: 10 served, 6 not (GB = Gbps · 3600 / 8), billed per GB', () => {
    const r = run({
      traffic: { eastWest: [{ peerWorkloadId: 'b', sendGbps: 8 }], egressGbps: 0, ingressGbps: 0 },
    })
    const t = r.network?.tenants[0]
    expect(t?.gbSent).toBeCloseTo((10 * 3600) / 8, 6)
    expect(t?.demandNotServedGB).toBeCloseTo((6 * 3600) / 8, 6)
    expect(t?.notServedFraction).toBeCloseTo(6 / 16, 6)
    const bLink = r.network?.links.find(
      (l) => l.id === `l-${r.instances.find((i) => i.workloadId === 'b')?.finalHostId}`,
    )
    expect(bLink?.peakUtilization).toBe(1)
    expect(bLink?.meanUtilization).toBeCloseTo(1, 9)
    const line = r.tenants[0]?.bill.lines.find((l) => l.item === 'network-gb')
    expect(line?.quantity).toBeCloseTo(4500, 6)
    expect(line?.amount).toBeCloseTo(45, 4)
    // The cost series carries the network line as it accrues (review s6u #1): 10 Gbps × t / 8
    // GB at 0.01 per GB, so 22.5 at 1800 s and 45 at the horizon (CPU, memory, disk cost 0).
    const cost = r.series.tenants[0]?.cumulativeCost ?? []
    expect(cost[r.series.timesS.indexOf(1800)]).toBeCloseTo((10 * 1800 * 0.01) / 8, 6)
    expect(cost.at(-1)).toBeCloseTo((10 * 3600 * 0.01) / 8, 6)
  })

  it('north-south: two 8 Gbps egress flows through a 10 Gbps external uplink share it', () => {
    const r = run({ traffic: { eastWest: [], egressGbps: 8, ingressGbps: 0 } })
    expect(r.network?.tenants[0]?.gbSent).toBeCloseTo((10 * 3600) / 8, 6)
    expect(r.network?.links.find((l) => l.id === 'up')?.peakUtilization).toBe(1)
  })

  it('ingress is delivered to the tenant but not billed as sent: two 8 Gbps in-flows share a 10 Gbps uplink', () => {
    const r = run({ traffic: { eastWest: [], egressGbps: 0, ingressGbps: 8 } })
    const t = r.network?.tenants[0]
    expect(t?.gbSent).toBe(0)
    expect(t?.gbReceived).toBeCloseTo((10 * 3600) / 8, 6)
    expect(t?.demandNotServedGB).toBeCloseTo((6 * 3600) / 8, 6)
    expect(t?.notServedFraction).toBeCloseTo(6 / 16, 6)
    const line = r.tenants[0]?.bill.lines.find((l) => l.item === 'network-gb')
    expect(line?.quantity).toBe(0)
    expect(line?.amount).toBe(0)
  })

  it("a failed link cuts its host off; the lost traffic counts against the sender's tenant", () => {
    const probe = run({
      traffic: { eastWest: [{ peerWorkloadId: 'b', sendGbps: 8 }], egressGbps: 0, ingressGbps: 0 },
    })
    const bHost = probe.instances.find((i) => i.workloadId === 'b')?.finalHostId as string
    const r = run({
      traffic: { eastWest: [{ peerWorkloadId: 'b', sendGbps: 8 }], egressGbps: 0, ingressGbps: 0 },
      failureMode: 'schedule',
      fabric: {
        failureSchedule: [{ elementId: `l-${bHost}`, atS: 1800, repairS: 7200 }],
        externalUplinks: [],
      },
    })
    const t = r.network?.tenants[0]
    expect(t?.gbSent).toBeCloseTo((10 * 1800) / 8, 6)
    expect(t?.demandNotServedGB).toBeCloseTo((6 * 1800 + 16 * 1800) / 8, 6)
    expect(r.network?.fabricFailures).toEqual([{ elementId: `l-${bHost}`, atS: 1800 }])
  })

  it('switch energy with no traffic = idle power × t', () => {
    const r = run({
      traffic: { eastWest: [], egressGbps: 0, ingressGbps: 0 },
      power: { idleW: 100, loadW: 50 },
    })
    // No traffic: every switch draws its idle power for the whole hour; 3 switches (tor, agg, core).
    expect(r.network?.switchEnergyKWh).toBeCloseTo((3 * 100 * 3600) / 3.6e6, 9)
  })

  it('switch energy under a constant load: P = idle + load × mean utilization of its links', () => {
    const r = run({
      traffic: { eastWest: [], egressGbps: 8, ingressGbps: 0 },
      power: { idleW: 100, loadW: 50 },
    })
    // Each sender gets 5 Gbps of the 10 Gbps uplink. ToR: two host links at 5/(2·10), one idle,
    // its 40 Gbps uplink at 10/(2·40); aggregation and core: their 40 Gbps links at 10/(2·40).
    const tor = 100 + 50 * ((0.25 + 0.25 + 0 + 0.125) / 4)
    const agg = 100 + 50 * ((0.125 + 0.125) / 2)
    const core = 100 + 50 * 0.125
    expect(r.network?.switchEnergyKWh).toBeCloseTo(((tor + agg + core) * 3600) / 3.6e6, 5)
  })

  it('switch energy joins the run energy as its own line: P × t in energyKWh and in the power series', () => {
    const traffic = { eastWest: [], egressGbps: 8, ingressGbps: 0 }
    const powered = run({ traffic, power: { idleW: 100, loadW: 50 } })
    const unpowered = run({ traffic })
    // The same constant load as above: P = Σ idle + load × mean utilization, for 3,600 s.
    const switchesW =
      100 + 50 * ((0.25 + 0.25 + 0 + 0.125) / 4) + (100 + 50 * 0.125) + (100 + 50 * 0.125)
    const switchesKWh = (switchesW * 3600) / 3.6e6
    const b = powered.summary.energyBreakdownKWh
    expect(b?.switches).toBeCloseTo(switchesKWh, 9)
    expect(b?.hosts).toBeCloseTo(unpowered.summary.energyKWh, 12)
    expect(powered.summary.energyKWh).toBeCloseTo(unpowered.summary.energyKWh + switchesKWh, 9)
    expect(powered.summary.energyKWh).toBeCloseTo((b?.hosts ?? 0) + (b?.switches ?? 0), 12)
    // Every sample of the total power carries the switches' constant draw.
    const extra = powered.series.totalPowerW.map(
      (w, i) => w - (unpowered.series.totalPowerW[i] ?? 0),
    )
    for (const w of extra) expect(w).toBeCloseTo(switchesW, 9)
    // Without switch power the breakdown stays absent (hosts only).
    expect(unpowered.summary.energyBreakdownKWh).toBeUndefined()
  })

  it('no workload declares traffic: no network section', () => {
    const design = treeDesign({
      racks: 1,
      hostsPerRack: 2,
      extra: { tenants, workloads: [workload('a', 1)] },
    })
    expect(simulate(design).network).toBeUndefined()
  })
})

describe('network in a simulation: migrations re-timed at every instant', () => {
  it('the sample at a 5 s step: the record of every re-timed migration ends where the flow model last put it', () => {
    const text = readFileSync(
      resolve(__dirname, '../../../../resources/samples/two-hall.strata.json'),
      'utf8',
    )
    const design = designSchema.parse(JSON.parse(text))
    design.simulation = { ...design.simulation, stepS: 5, horizonS: 3600, policy: 'thr-mmt-0.8' }
    const lastEnd = new Map<number, number>()
    const advance = NetworkRun.prototype.advance
    const spy = vi.spyOn(NetworkRun.prototype, 'advance')
    spy.mockImplementation(function (this: NetworkRun, tS, view, starting) {
      const out = advance.call(this, tS, view, starting)
      for (const t of out.retimed) lastEnd.set(t.vm, t.endS)
      return out
    })
    const r = simulate(design, { hostSeries: false })
    spy.mockRestore()
    expect(r.summary.migrations).toBeGreaterThan(0)
    expect(lastEnd.size).toBeGreaterThan(0)
    for (const [vm, endS] of lastEnd) {
      const id = r.instances[vm]?.instanceId
      const records = r.migrations.filter((m) => m.instanceId === id && m.startS < endS)
      const m = records.at(-1)
      expect(m?.endS).toBe(endS)
      expect(m?.endS).toBeGreaterThan(m?.startS ?? Infinity)
    }
  })
})
