/**
 * The storage model's design fields (schema version 2, all optional): they parse, a design
 * without them parses as before, and the rules name the path of each problem.
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { checkDesignRules } from '../../src/main/engine/model/validate'
import { tenant } from '../general/closed-form-designs'
import { ioVm, RATES, san, storageDesign } from './storage-designs'

describe('storage fields of the design', () => {
  it('parses storage demand, system model fields, QoS and the provisioned-IOPS price', () => {
    const input = storageDesign({
      storage: [
        san('s0', 10_000, {
          sharing: 'qos',
          serviceTimeMs: 0.5,
          idlePowerW: 120,
          loadPowerW: 175,
          mtbfHours: 5000,
          mttrHours: 4,
          failureSchedule: [{ atS: 600, repairS: 1200 }],
        }),
      ],
      tenants: [
        {
          ...tenant('a', RATES),
          storageQos: { minIops: 1000, maxIops: 5000, shares: 2000 },
          pricing: { ...RATES, provisionedIopsMonth: 0.065 },
        },
      ],
      workloads: [ioVm(0, 'a', { peakIops: 800, readPercent: 60 })],
    })
    const parsed = parseDesign(input)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const w = parsed.value.workloads[0]
    expect(w?.storageDemand).toEqual({ peakIops: 800, peakThroughputMBps: 0, readPercent: 60 })
    expect(parsed.value.tenants[0]?.pricing.provisionedIopsMonth).toBe(0.065)
    expect(parsed.value.storage[0]?.failureSchedule).toEqual([{ atS: 600, repairS: 1200 }])
  })

  it('refuses a bad read share with its JSON path', () => {
    const input = storageDesign({
      storage: [san('s0', 10_000)],
      workloads: [ioVm(0, 'a', { peakIops: 800, readPercent: 130 })],
    })
    const parsed = parseDesign(input)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.map((p) => p.path)).toContain('workloads[0].storageDemand.readPercent')
  })

  it('warns about demand with no storage class and load power below idle', () => {
    const input = storageDesign({
      storage: [san('s0', 10_000, { idlePowerW: 200, loadPowerW: 100 })],
      workloads: [ioVm(0, 'a', { peakIops: 800 }, { storageClass: undefined })],
    })
    const parsed = parseDesign(input)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const problems = checkDesignRules(parsed.value)
    expect(problems.map((p) => [p.severity, p.path])).toEqual(
      expect.arrayContaining([
        ['warning', 'storage[0].loadPowerW'],
        ['warning', 'workloads[0].storageDemand'],
      ]),
    )
  })
})
