/**
 * One storage system shared by tenants: QoS shares at twice the capacity, replicated writes
 * consuming factor × IOPS, and the latency of the utilization reached, worked by hand.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shareSystem, type StorageSystemSpec, type TenantIo } from './system-share'

const system: StorageSystemSpec = {
  iopsCapacity: 10_000,
  throughputCapacityMBps: 1_000,
  writeFactor: 1,
  serviceMs: 0.5,
  policy: 'qos',
}

function reads(iops: number, qos?: TenantIo['qos']): TenantIo {
  return { readIops: iops, writeIops: 0, readMBps: 0, writeMBps: 0, ...(qos ? { qos } : {}) }
}

describe('shareSystem', () => {
  it('gives two tenants over a system at twice its IOPS their QoS shares', () => {
    // 20,000 IOPS asked of 10,000: minimums 6,000 and 2,000 first, the 2,000 left split evenly.
    const out = shareSystem(system, [
      reads(12_000, { minIops: 6_000 }),
      reads(8_000, { minIops: 2_000 }),
    ])
    expect(Array.from(out.servedIops)).toEqual([7_000, 3_000])
    expect(out.iopsUtilization).toBe(1)
    expect(out.offeredUtilization).toBe(2)
    // Overloaded: the curve's cap, 20 × S.
    expect(out.latencyMs).toBeCloseTo(10, 9)
  })

  it('makes replicated writes consume factor × IOPS', () => {
    const size3 = { ...system, writeFactor: 3 }
    const out = shareSystem(size3, [
      { readIops: 0, writeIops: 1_000, readMBps: 0, writeMBps: 40, qos: {} },
    ])
    // 1,000 writes × 3 = 3,000 of 10,000 IOPS; 40 MB/s × 3 = 120 of 1,000 MB/s.
    expect(out.iopsUtilization).toBeCloseTo(0.3, 12)
    expect(out.throughputUtilization).toBeCloseTo(0.12, 12)
    expect(out.servedIops[0]).toBeCloseTo(1_000, 9)
    // R = 0.5 / (1 − 0.3).
    expect(out.latencyMs).toBeCloseTo(0.5 / 0.7, 12)
  })

  it('holds a QoS minimum in front-end IOPS whatever the write factor', () => {
    // Size 3: tenant A writes 3,000 (9,000 consumed), minimum 2,000 front-end = 6,000 consumed.
    const out = shareSystem({ ...system, writeFactor: 3 }, [
      { readIops: 0, writeIops: 3_000, readMBps: 0, writeMBps: 0, qos: { minIops: 2_000 } },
      reads(8_000),
    ])
    // 6,000 reserved, 4,000 left; residuals A 3,000 and B 8,000 both exceed the fair level of
    // 2,000, so each gets 2,000 more: A consumes 8,000 (8,000 / 3 front-end writes), B 2,000.
    expect(out.servedIops[0]).toBeCloseTo(8_000 / 3, 9)
    expect(out.servedIops[1]).toBeCloseTo(2_000, 9)
  })

  it('draws idle + (load − idle) × utilization', () => {
    const out = shareSystem({ ...system, idleW: 100, loadW: 200 }, [reads(2_500)])
    expect(out.powerW).toBe(125)
  })

  it('serves nothing when failed (zero capacity)', () => {
    const out = shareSystem({ ...system, iopsCapacity: 0, throughputCapacityMBps: 0 }, [reads(100)])
    expect(out.servedIops[0]).toBe(0)
  })

  it('never serves above demand or above capacity (property)', () => {
    const io = fc.record({
      readIops: fc.double({ min: 0, max: 2e4, noNaN: true }),
      writeIops: fc.double({ min: 0, max: 2e4, noNaN: true }),
      readMBps: fc.double({ min: 0, max: 500, noNaN: true }),
      writeMBps: fc.double({ min: 0, max: 500, noNaN: true }),
      qos: fc.option(
        fc.record({
          minIops: fc.option(fc.double({ min: 0, max: 5e3, noNaN: true }), { nil: undefined }),
          maxIops: fc.option(fc.double({ min: 0, max: 2e4, noNaN: true }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    fc.assert(
      fc.property(fc.array(io, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (ts, f) => {
        const out = shareSystem({ ...system, writeFactor: f }, ts)
        let used = 0
        ts.forEach((t, i) => {
          const x = out.servedIops[i] as number
          expect(x).toBeLessThanOrEqual((t.readIops + t.writeIops) * (1 + 1e-9) + 1e-9)
          const front = t.readIops + t.writeIops
          used += front > 0 ? (x * (t.readIops + f * t.writeIops)) / front : 0
        })
        expect(used).toBeLessThanOrEqual(system.iopsCapacity * (1 + 1e-9))
        expect(out.iopsUtilization).toBeLessThanOrEqual(1)
      }),
    )
  })
})
