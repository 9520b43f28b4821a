/**
 * The estimate bills the tenant's declared traffic as the run bills what it carried (review
 * s7u #1). Expected values are arithmetic on the declared rates: GB = count × Gbps × mean level
 * × seconds ÷ 8.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../model/parse'
import type { Design } from '../../../shared/design/schema'
import { projectTenantView } from './index'
import { meanTrafficLevel } from '../network/traffic-profile'

function sample(): Design {
  const raw: unknown = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
  const parsed = parseDesign(raw)
  if (!parsed.ok) throw new Error('sample does not parse')
  return parsed.value
}

function estimate(design: Design, tenantId: string) {
  const result = projectTenantView(design, tenantId)
  if (!result.ok) throw new Error('no view')
  expect(result.view.bill.source).toBe('estimate')
  return result.view.bill
}

describe('the bill estimate’s network line', () => {
  const design = sample()

  it('charges Initech’s declared traffic: 12 × (1.5 + 0.5) Gbps × 50 % × 86,400 s ÷ 8 = 129,600 GB × €0.02', () => {
    const line = estimate(design, 't-initech').lines.find((l) => l.item === 'network-gb')
    expect(line?.quantity).toBeCloseTo(129_600, 3)
    expect(line?.amount).toBeCloseTo(2_592, 4)
  })

  it('charges Acme’s 8 web instances: 8 × (0.5 + 0.3) Gbps × 55 % × 10,800 = 38,016 GB', () => {
    const line = estimate(design, 't-acme').lines.find((l) => l.item === 'network-gb')
    expect(line?.quantity).toBeCloseTo(38_016, 3)
    expect(line?.amount).toBeCloseTo(760.32, 4)
  })

  it('has no network line when the design declares no traffic (as the run has none)', () => {
    const quiet = { ...design, workloads: design.workloads.map(({ traffic: _t, ...w }) => w) }
    const bill = estimate(quiet as Design, 't-initech')
    expect(bill.lines.some((l) => l.item === 'network-gb')).toBe(false)
  })

  it('property: every line equals the hand-computed bill of fully carried constant demand', () => {
    const workloadArb = fc.record({
      count: fc.integer({ min: 1, max: 20 }),
      vcpus: fc.integer({ min: 1, max: 16 }),
      memoryMiB: fc.integer({ min: 256, max: 65_536 }),
      diskGiB: fc.integer({ min: 0, max: 2_000 }),
      cpuPercent: fc.integer({ min: 0, max: 100 }),
      egressGbps: fc.double({ min: 0, max: 5, noNaN: true }),
      eastWestGbps: fc.double({ min: 0, max: 5, noNaN: true }),
      trafficPercent: fc.integer({ min: 0, max: 100 }),
    })
    fc.assert(
      fc.property(
        fc.array(workloadArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 30 }).map((h) => h * 3600),
        fc.constantFrom<'allocated' | 'used'>('allocated', 'used'),
        (specs, horizonS, basis) => {
          const ids = specs.map((_s, i) => `w-t-${i}`)
          const workloads = specs.map((s, i) => ({
            ...(design.workloads.find((w) => w.id === 'w-initech-ci') as Design['workloads'][0]),
            id: ids[i] as string,
            tenantId: 't-initech',
            count: s.count,
            vcpus: s.vcpus,
            memoryMiB: s.memoryMiB,
            diskGiB: s.diskGiB,
            demand: {
              profile: 'constant' as const,
              meanPercent: s.cpuPercent,
              amplitudePercent: 0,
            },
            traffic: {
              eastWest: [
                { peerWorkloadId: ids[(i + 1) % ids.length] as string, sendGbps: s.eastWestGbps },
              ],
              egressGbps: s.egressGbps,
              ingressGbps: 1,
              profile: {
                profile: 'constant' as const,
                meanPercent: s.trafficPercent,
                amplitudePercent: 0,
              },
            },
          }))
          const tenants = design.tenants.map((t) =>
            t.id === 't-initech' ? { ...t, pricing: { ...t.pricing, basis } } : t,
          )
          const d: Design = {
            ...design,
            tenants,
            simulation: { ...design.simulation, horizonS },
            workloads: [
              ...design.workloads.filter((w) => w.tenantId !== 't-initech'),
              ...workloads,
            ],
          }
          const p = tenants.find((t) => t.id === 't-initech')?.pricing
          if (!p) throw new Error('no pricing')
          const h = horizonS / 3600
          let vcpuH = 0
          let usedVcpuH = 0
          let memGiBH = 0
          let diskMonths = 0
          let gb = 0
          for (const s of specs) {
            vcpuH += s.count * s.vcpus * h
            usedVcpuH += s.count * s.vcpus * (s.cpuPercent / 100) * h
            memGiBH += (s.count * s.memoryMiB * h) / 1024
            diskMonths += (s.count * s.diskGiB * horizonS) / (30 * 86_400)
            gb +=
              (s.count * (s.egressGbps + s.eastWestGbps) * (s.trafficPercent / 100) * horizonS) / 8
          }
          const expected: Record<string, number> = {
            'vcpu-hours': (basis === 'used' ? usedVcpuH : vcpuH) * p.vcpuHour,
            'memory-gib-hours': memGiBH * p.memoryGiBHour,
            'storage-gib-months': diskMonths * p.storageGiBMonth,
            'network-gb': gb * (p.transferGB ?? NaN),
          }
          const bill = estimate(d, 't-initech')
          expect(bill.lines.map((l) => l.item).sort()).toEqual(Object.keys(expected).sort())
          for (const l of bill.lines)
            expect(Math.abs(l.amount - (expected[l.item] as number))).toBeLessThan(
              1e-5 + 1e-9 * l.amount,
            )
          const sum = bill.lines.reduce((a, l) => a + l.amount, 0)
          expect(Math.abs(bill.total - sum)).toBeLessThan(1e-5)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('meanTrafficLevel', () => {
  it('weights a trace by time and holds its last value: (100 + 0 + 0) % over 3 h = 1/3', () => {
    const traffic = {
      eastWest: [],
      egressGbps: 1,
      ingressGbps: 0,
      trace: { intervalS: 3600, percent: [100, 0] },
    }
    expect(meanTrafficLevel(traffic, 3 * 3600)).toBeCloseTo(1 / 3, 12)
  })
})
