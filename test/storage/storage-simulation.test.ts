/**
 * The storage model inside a run, against figures worked by hand from the designs' inputs
 * (issue 17): QoS shares at twice a system's IOPS, replicated writes, latency at the reached
 * utilization, storage energy P × t, a storage failure counted against availability, the
 * provisioned-IOPS bill line, and no `storage` section when the design does not use it.
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { simulate } from '../../src/main/engine/simulation'
import type { SimulationResult } from '../../src/shared/contract/calls/simulation'
import type { DesignInput } from '../../src/shared/design/schema'
import { host, MONTH_S, tenant } from '../general/closed-form-designs'
import { ioVm, RATES, san, storageDesign } from './storage-designs'

function run(input: DesignInput): SimulationResult {
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return simulate(parsed.value, { hostSeries: false })
}

const constant = { profile: 'constant', meanPercent: 100 } as const

function twoTenants(sharing: 'qos' | 'proportional'): DesignInput {
  return storageDesign({
    storage: [san('s0', 10_000, { sharing })],
    tenants: [
      { ...tenant('a', RATES), storageQos: { minIops: 6_000 } },
      { ...tenant('b', RATES), storageQos: { minIops: 2_000 } },
    ],
    workloads: [
      ioVm(0, 'a', { peakIops: 12_000, readPercent: 100, profile: constant }),
      ioVm(1, 'b', { peakIops: 8_000, readPercent: 100, profile: constant }),
    ],
  })
}

describe('storage in a run', () => {
  it('gives two tenants over a system at twice its IOPS their QoS shares all run long', () => {
    const r = run(twoTenants('qos'))
    const [a, b] = r.storage?.tenants ?? []
    // Minimums 6,000 and 2,000; the 2,000 IOPS left split evenly: 7,000 and 3,000.
    expect(a?.meanServedIops).toBeCloseTo(7_000, 6)
    expect(a?.meanNotServedIops).toBeCloseTo(5_000, 6)
    expect(b?.meanServedIops).toBeCloseTo(3_000, 6)
    expect(b?.meanNotServedIops).toBeCloseTo(5_000, 6)
    expect(a?.servedOperations).toBeCloseTo(7_000 * 3600, 3)
    const s0 = r.storage?.systems[0]
    expect(s0?.meanIopsUtilization).toBeCloseTo(1, 9)
    expect(s0?.saturatedS).toBe(3600)
    // Overloaded: R = S / (1 − 0.95) = 20 × 0.5 ms.
    expect(s0?.meanLatencyMs).toBeCloseTo(10, 9)
    // a consumed 7,000 of every 10,000: it saturates the system.
    expect(s0?.topTenantId).toBe('a')
    expect(s0?.tenants.map((t) => t.consumedShare)).toEqual(
      [0.7, 0.3].map((x) => expect.closeTo(x, 9)),
    )
    // One series point per result point; a saturates it at every point.
    expect(s0?.series.latencyMs.length).toBe(r.series.timesS.length)
    expect(new Set(s0?.series.saturatedBy)).toEqual(new Set(['a']))
  })

  it('shares in proportion to demand when the system says so', () => {
    const r = run(twoTenants('proportional'))
    expect(r.storage?.tenants.map((t) => t.meanServedIops)).toEqual([
      expect.closeTo(6_000, 6),
      expect.closeTo(4_000, 6),
    ])
  })

  it('makes replicated writes consume factor × IOPS, with the latency and power of that load', () => {
    const r = run(
      storageDesign({
        storage: [san('s0', 10_000, { replication: 3, idlePowerW: 100, loadPowerW: 200 })],
        workloads: [ioVm(0, 'a', { peakIops: 1_000, readPercent: 0, profile: constant })],
      }),
    )
    const s0 = r.storage?.systems[0]
    // 1,000 writes × 3 = 3,000 of 10,000 IOPS.
    expect(s0?.peakIopsUtilization).toBeCloseTo(0.3, 12)
    expect(s0?.meanIopsUtilization).toBeCloseTo(0.3, 12)
    expect(s0?.meanLatencyMs).toBeCloseTo(0.5 / 0.7, 12)
    // P = 100 + 100 × 0.3 = 130 W for 3,600 s = 0.13 kWh, its own line of the breakdown.
    expect(s0?.energyKWh).toBeCloseTo(0.13, 12)
    expect(r.storage?.energyKWh).toBeCloseTo(0.13, 12)
    expect(r.summary.energyBreakdownKWh?.storage).toBeCloseTo(0.13, 12)
    const hosts = r.summary.energyBreakdownKWh?.hosts ?? Number.NaN
    expect(r.summary.energyKWh).toBeCloseTo(hosts + 0.13, 12)
  })

  it('draws idle power × horizon from an idle system with power (P × t)', () => {
    const r = run(
      storageDesign(
        {
          storage: [san('s0', 10_000, { idlePowerW: 150, loadPowerW: 175 })],
          workloads: [ioVm(0, 'a', undefined)],
        },
        7200,
      ),
    )
    // 150 W × 7,200 s = 0.3 kWh.
    expect(r.storage?.energyKWh).toBeCloseTo(0.3, 12)
  })

  it('takes an unreplicated volume’s instance down for the outage and restarts it', () => {
    const input = storageDesign({
      storage: [san('s0', 10_000, { failureSchedule: [{ atS: 600, repairS: 1_200 }] })],
      workloads: [ioVm(0, 'a', { peakIops: 1_000, profile: constant })],
      failures: { mode: 'schedule' },
    })
    input.hosts = [host(0, { cores: 16, mipsPerCore: 1000, idleW: 100, busyW: 200 }, 30)]
    const r = run(input)
    // Down from 600 s to the repair at 1,800 s plus the 30 s start: 1,230 s of 3,600.
    const inst = r.instances[0]
    expect(inst?.downtimeS).toBeCloseTo(1_230, 9)
    expect(inst?.availabilityPercent).toBeCloseTo(100 * (1 - 1_230 / 3_600), 9)
    expect(r.tenants[0]?.availabilityPercent).toBeCloseTo(100 * (1 - 1_230 / 3_600), 9)
    expect(inst?.status).toBe('running')
    expect(r.storage?.failures).toEqual([
      { storageId: 's0', atS: 600, repairedAtS: 1_800, instanceIds: ['w0#0'] },
    ])
    expect(r.storage?.systems[0]?.downtimeS).toBe(1_200)
    // I/O is served while the instance runs: 3,600 − 1,230 s; it asks nothing while down.
    expect(r.storage?.tenants[0]?.servedOperations).toBeCloseTo(1_000 * (3_600 - 1_230), 3)
  })

  it('holds back the restart of a host failure’s instance until its volume is back', () => {
    const input = storageDesign({
      storage: [san('s0', 10_000, { failureSchedule: [{ atS: 310, repairS: 1_000 }] })],
      workloads: [ioVm(0, 'a', { peakIops: 1_000, profile: constant })],
      failures: { mode: 'schedule' },
    })
    input.hosts = [host(0, { cores: 16, mipsPerCore: 1000, idleW: 100, busyW: 200 }, 30)]
    input.simulation = {
      ...input.simulation,
      failures: { mode: 'schedule', schedule: [{ hostId: 'h0', atS: 300, repairS: 20 }] },
    }
    const r = run(input)
    // Host down at 300; restart due at 330 but the volume is gone from 310 to 1,310; restart
    // at 1,310 + 30 s: down 1,040 s.
    expect(r.instances[0]?.downtimeS).toBeCloseTo(1_040, 9)
    expect(r.storage?.failures[0]?.instanceIds).toEqual([])
  })

  it('keeps a replicated volume’s instance up; its I/O is not served during the outage', () => {
    const input = storageDesign({
      storage: [
        san('s0', 10_000, { replication: 2, failureSchedule: [{ atS: 600, repairS: 1_200 }] }),
      ],
      workloads: [ioVm(0, 'a', { peakIops: 1_000, profile: constant })],
      failures: { mode: 'schedule' },
    })
    const r = run(input)
    expect(r.instances[0]?.downtimeS).toBe(0)
    expect(r.storage?.failures[0]?.instanceIds).toEqual([])
    expect(r.storage?.tenants[0]?.notServedOperations).toBeCloseTo(1_000 * 1_200, 3)
  })

  it('bills provisioned IOPS × months at the tenant’s price', () => {
    const r = run(
      storageDesign({
        storage: [san('s0', 10_000)],
        tenants: [{ ...tenant('a', RATES), pricing: { ...RATES, provisionedIopsMonth: 0.065 } }],
        workloads: [ioVm(0, 'a', { peakIops: 500, profile: constant }, { iops: 3_000 })],
      }),
    )
    const months = (3_000 * 3_600) / MONTH_S
    const line = r.tenants[0]?.bill.lines.find((l) => l.item === 'provisioned-iops-months')
    expect(line?.quantity).toBeCloseTo(months, 6)
    expect(line?.amount).toBeCloseTo(months * 0.065, 4)
    expect(r.storage?.tenants[0]?.provisionedIops).toBe(3_000)
  })

  it('adds no storage section when no workload declares storage demand, or in CloudSim mode', () => {
    const plain = storageDesign({
      storage: [san('s0', 10_000)],
      workloads: [ioVm(0, 'a', undefined)],
    })
    const r = run(plain)
    expect(r.storage).toBeUndefined()
    expect(r.summary.energyBreakdownKWh).toBeUndefined()
    expect(r.tenants[0]?.bill.lines.map((l) => l.item)).not.toContain('provisioned-iops-months')
    const compat = twoTenants('qos')
    compat.simulation = { ...compat.simulation, cloudsimCompat: true }
    expect(run(compat).storage).toBeUndefined()
  })
})
