/**
 * Closed-form checks of the queueing latency curve, the replication write factor and the
 * power model, each against the published arithmetic (NESTED_NETWORK_STORAGE.md §13a, §13c,
 * §14b).
 */
import { describe, expect, it } from 'vitest'
import { queueingLatencyMs, MAX_QUEUEING_UTILIZATION } from './queueing-latency'
import { consumed, isRedundant, writeFactor } from './replication'
import { storagePowerW } from './storage-power'

describe('queueingLatencyMs (M/M/1, R = S / (1 − U))', () => {
  it('gives the worked case: one disk, S = 80 ms, U = 0.8 → R = 400 ms', () => {
    expect(queueingLatencyMs(80, 0.8)).toBeCloseTo(400, 9)
  })

  it('gives R/S = 2 at U = 0.5, 10 at 0.9, and 1 at no load', () => {
    expect(queueingLatencyMs(1, 0.5)).toBeCloseTo(2, 12)
    expect(queueingLatencyMs(1, 0.9)).toBeCloseTo(10, 9)
    expect(queueingLatencyMs(0.5, 0)).toBe(0.5)
  })

  it('caps at U = 0.95 (R = 20 S), overload included', () => {
    expect(MAX_QUEUEING_UTILIZATION).toBe(0.95)
    expect(queueingLatencyMs(2, 0.95)).toBeCloseTo(40, 9)
    expect(queueingLatencyMs(2, 2)).toBeCloseTo(40, 9)
  })
})

describe('replication', () => {
  it('makes a size-3 pool consume 3 IOPS per write and 1 per read', () => {
    expect(writeFactor(3)).toBe(3)
    // 700 reads + 300 writes × 3 = 1,600 IOPS consumed.
    expect(consumed(700, 300, writeFactor(3))).toBe(1_600)
  })

  it('gives erasure-code overheads (k + m) / k: 4+2 → 1.5, 8+3 → 1.375, 2+2 → 2', () => {
    expect(writeFactor(1, { dataChunks: 4, codingChunks: 2 })).toBe(1.5)
    expect(writeFactor(1, { dataChunks: 8, codingChunks: 3 })).toBe(1.375)
    expect(writeFactor(1, { dataChunks: 2, codingChunks: 2 })).toBe(2)
  })

  it('counts a volume as redundant with a second copy or a coding chunk', () => {
    expect(isRedundant(1)).toBe(false)
    expect(isRedundant(2)).toBe(true)
    expect(isRedundant(1, { dataChunks: 4, codingChunks: 2 })).toBe(true)
  })
})

describe('storagePowerW', () => {
  it('is linear between idle and full load, clamped', () => {
    // 2U enclosure of 24 × 10k SAS: 175 W at load; say 120 W idle.
    expect(storagePowerW(120, 175, 0)).toBe(120)
    expect(storagePowerW(120, 175, 0.5)).toBe(147.5)
    expect(storagePowerW(120, 175, 1.7)).toBe(175)
  })
})
