/**
 * The cost series agrees with the bill after failures (issue 10): both charge the same way —
 * vCPUs and memory while an instance runs (used basis: CPU received, memory in use), storage
 * while it is placed, down time included — so the series' last point is the bill's total.
 * Expected values from arithmetic.
 *
 * One host of 4 × 1000 MIPS fails at 650 s (between two steps) and is repaired 1000 s later;
 * its two instances are down from 650 s to 1650 s, so each runs 7200 − 1000 = 6200 s of 7200 s.
 * - `a` (allocated basis; 1 per vCPU-h, 0.5 per GiB-h, 3 per GiB-month): 2 vCPUs, 4 GiB, 30 GiB
 *   disk: 2 × 6200 / 3600 + 0.5 × 4 × 6200 / 3600 + 3 × 30 × 7200 / 2,592,000.
 * - `b` (used basis; 2 per vCPU-h, 1 per GiB-h, 3 per GiB-month): 1 vCPU of 1000 MIPS at 25 %,
 *   2 GiB of which 50 % in use (memory trace), 10 GiB disk:
 *   2 × 0.25 × 6200 / 3600 + 1 × 1 × 6200 / 3600 + 3 × 10 × 7200 / 2,592,000.
 * - `a` also provisions 500 IOPS at 0.065 per IOPS-month (review s6u #1: the series left it out),
 *   billed as provisioned like storage, down time included: 0.065 × 500 × 7200 / 2,592,000.
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { simulate } from '../../src/main/engine/simulation'
import type { Design } from '../../src/shared/design/schema'
import { design, host, MONTH_S, tenant, vm } from './closed-form-designs'

const H = 7200
const FAIL_S = 650
const REPAIR_S = 1000
const UP_S = H - REPAIR_S

function withFailure(): Design {
  const input = design(
    'cost after a failure',
    {
      hosts: [host(0, { cores: 4, mipsPerCore: 1000, idleW: 100, busyW: 200 })],
      tenants: [
        {
          ...tenant('a', {
            basis: 'allocated',
            vcpuHour: 1,
            memoryGiBHour: 0.5,
            storageGiBMonth: 3,
          }),
          pricing: {
            basis: 'allocated',
            currency: 'USD',
            vcpuHour: 1,
            memoryGiBHour: 0.5,
            storageGiBMonth: 3,
            provisionedIopsMonth: 0.065,
          },
        },
        tenant('b', { basis: 'used', vcpuHour: 2, memoryGiBHour: 1, storageGiBMonth: 3 }),
      ],
      workloads: [
        {
          ...vm(0, 'a', { vcpus: 2, mipsPerVcpu: 1000, memoryMiB: 4096, diskGiB: 30, percent: 50 }),
          iops: 500,
        },
        {
          ...vm(1, 'b', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 2048, diskGiB: 10, percent: 0 }),
          traceId: 'm',
        },
      ],
      traces: [{ id: 'm', name: 'm', intervalS: 7200, cpuPercent: [25], memoryPercent: [50] }],
      simulation: {
        failures: {
          mode: 'schedule',
          schedule: [{ hostId: 'h0', atS: FAIL_S, repairS: REPAIR_S }],
        },
      },
    },
    { horizonS: H, stepS: 300, switchOffIdleHosts: true },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

const IOPS_RATE_PER_S = (0.065 * 500) / MONTH_S
const expectedA =
  (2 * UP_S) / 3600 + (0.5 * 4 * UP_S) / 3600 + (3 * 30 * H) / MONTH_S + IOPS_RATE_PER_S * H
const expectedB = (2 * 0.25 * UP_S) / 3600 + (1 * 1 * UP_S) / 3600 + (3 * 10 * H) / MONTH_S

describe('the cost series after a host failure', () => {
  const r = simulate(withFailure())

  it('ends at the bill’s total, and both equal the arithmetic', () => {
    for (const [id, expected] of [
      ['a', expectedA],
      ['b', expectedB],
    ] as const) {
      const usage = r.tenants.find((t) => t.tenantId === id)
      const cost = r.series.tenants.find((t) => t.tenantId === id)?.cumulativeCost ?? []
      expect(usage?.downtimeS).toBe(REPAIR_S)
      // The bill keeps 6 decimals per line (four lines: within 2e-6 of the exact sum).
      expect(Math.abs((usage?.bill.total ?? NaN) - expected)).toBeLessThanOrEqual(2e-6)
      expect(cost.at(-1)).toBeCloseTo(expected, 9)
    }
  })

  it('charges storage and provisioned IOPS, and only those, while the instances are down', () => {
    const times = r.series.timesS
    const cost = r.series.tenants.find((t) => t.tenantId === 'a')?.cumulativeCost ?? []
    const at = (tS: number) => cost[times.indexOf(tS)] as number
    // 900 s to 1500 s lies inside the outage: 600 s of 30 GiB at 3 per GiB-month.
    expect(at(1500) - at(900)).toBeCloseTo((3 * 30 * 600) / MONTH_S + IOPS_RATE_PER_S * 600, 12)
    // 600 s to 900 s: 50 s running before the failure at 650 s, then 250 s down.
    const running = 2 / 3600 + (0.5 * 4) / 3600
    expect(at(900) - at(600)).toBeCloseTo(
      running * 50 + (3 * 30 * 300) / MONTH_S + IOPS_RATE_PER_S * 300,
      12,
    )
  })
})
