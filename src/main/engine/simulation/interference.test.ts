/**
 * Co-location interference weighted by the neighbours' share of the host (review s9u A3: three
 * busy 2-vCPU containers cost each neighbour 45 % on a 32-core host, and would on a 256-core
 * one). Expected values by arithmetic from the inputs and the published defaults
 * (`virtualization/kinds.ts`: hvm 5 % CPU overhead and coefficient 0.03, os 1 % and 0.15).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import {
  design,
  host,
  tenant,
  vm,
  ZERO_OVERHEADS,
} from '../../../../test/general/closed-form-designs'
import { parseDesign } from '../model/parse'
import { INTERFERENCE_CAP, interferenceFraction } from './interference'
import { simulate } from './simulation'

type HostInput = NonNullable<DesignInput['hosts']>[number]
type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

const RATES = { basis: 'allocated' as const, vcpuHour: 0, memoryGiBHour: 0, storageGiBMonth: 0 }

/** A host with the published defaults of its kind (no overrides). */
function defaultHost(i: number, cores: number, kind: 'hvm' | 'os'): HostInput {
  const h = host(i, { cores, mipsPerCore: 2600, idleW: 100, busyW: 300 })
  h.virtualization =
    kind === 'hvm'
      ? { kind: 'hvm', product: 'kvm', hostOs: 'linux' }
      : { kind: 'os', product: 'lxc', hostOs: 'linux' }
  return h
}

/** Busy instances: 2 vCPU × 2,000 MIPS at a constant 100 %. */
function busy(i: number, kind: 'vm' | 'container'): WorkloadInput {
  const w = vm(i, 't', { vcpus: 2, mipsPerVcpu: 2000, memoryMiB: 2048, diskGiB: 0, percent: 100 })
  return { ...w, kind }
}

/** The review's datacenter: 2 kvm hosts of 32 cores, 1 lxc host of `lxcCores`; dvfs, 24 h. */
function reviewCase(lxcCores: number) {
  const input = design(
    'review s9u A3',
    {
      hosts: [defaultHost(0, 32, 'hvm'), defaultHost(1, 32, 'hvm'), defaultHost(2, lxcCores, 'os')],
      tenants: [tenant('t', RATES)],
      workloads: [0, 1, 2, 3]
        .map((i) => busy(i, 'vm'))
        .concat([4, 5, 6, 7].map((i) => busy(i, 'container'))),
      simulation: { interference: true, placement: { preset: 'spread' } },
    },
    { horizonS: 86_400, stepS: 300, switchOffIdleHosts: false, policy: 'dvfs' },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return simulate(parsed.value)
}

/** The fraction of its allocated CPU each instance lost, by its host. */
function lossByHost(r: ReturnType<typeof simulate>): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const i of r.instances) {
    const f = i.interferenceLostMi / (i.allocatedCpuMi + i.interferenceLostMi)
    out.set(i.finalHostId ?? '', [...(out.get(i.finalHostId ?? '') ?? []), f])
  }
  return out
}

describe('interference in the review case (s9u A3)', () => {
  // Usable MIPS: 32 × 2,600 ÷ 1.05 (hvm), 32 × 2,600 ÷ 1.01 (os); each vCPU's 2,000 fits in a
  // core, so every instance gets its 4,000 (no contention).
  const kvmMips = (32 * 2600) / 1.05
  const lxcMips = (32 * 2600) / 1.01
  const vmLoss = 0.03 * (4000 / kvmMips) // one neighbour: 0.03 × 0.0504808 = 0.00151442
  const containerLoss = 0.15 * ((3 * 4000) / lxcMips) // 0.15 × 0.145673 = 0.0218510

  it('costs each container 2.19 % and each VM 0.151 %, 1.17 % overall (was 45 %, 3 %, 24 %)', () => {
    const r = reviewCase(32)
    const byHost = lossByHost(r)
    expect([...byHost.keys()].sort()).toEqual(['h0', 'h1', 'h2'])
    expect(byHost.get('h0')).toHaveLength(2)
    expect(byHost.get('h1')).toHaveLength(2)
    expect(byHost.get('h2')).toHaveLength(4)
    for (const f of byHost.get('h0') ?? []) expect(f).toBeCloseTo(vmLoss, 12)
    for (const f of byHost.get('h1') ?? []) expect(f).toBeCloseTo(vmLoss, 12)
    for (const f of byHost.get('h2') ?? []) expect(f).toBeCloseTo(containerLoss, 12)
    expect(containerLoss).toBeCloseTo((0.15 * 12_000 * 1.01) / 83_200, 15)
    expect(vmLoss).toBeCloseTo((0.03 * 4000 * 1.05) / 83_200, 15)
    // (4 × 4,000 × containerLoss + 4 × 4,000 × vmLoss) ÷ 32,000 = 0.0116827 (was 0.24).
    expect(r.summary.overallSlaViolation).toBeCloseTo((containerLoss + vmLoss) / 2, 9)
    expect(r.summary.overallSlaViolation).toBeCloseTo(0.0116827, 7)
    expect(r.summary.overallSlaViolationContentionOnly).toBeCloseTo(0, 12)
  })

  it('costs the containers 8 × less on a 256-core host', () => {
    const small = lossByHost(reviewCase(32)).get('h2') ?? []
    const large = lossByHost(reviewCase(256)).get('h2') ?? []
    expect(large).toHaveLength(4)
    for (const f of large) expect(f).toBeCloseTo(containerLoss / 8, 12)
    for (let k = 0; k < 4; k++)
      expect((small[k] as number) / (large[k] as number)).toBeCloseTo(8, 9)
  })
})

describe('interferenceFraction', () => {
  const coefficient = fc.double({ min: 0, max: 1, noNaN: true })
  const mips = fc.double({ min: 0, max: 1e6, noNaN: true })

  it('grows with the neighbours’ share, never above the cap, 0 with no neighbours', () => {
    fc.assert(
      fc.property(coefficient, mips, mips, fc.double({ min: 1, max: 1e6 }), (c, a, b, hostMips) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const fLo = interferenceFraction(c, lo, hostMips)
        const fHi = interferenceFraction(c, hi, hostMips)
        expect(fLo).toBeLessThanOrEqual(fHi)
        expect(fHi).toBeLessThanOrEqual(INTERFERENCE_CAP)
        expect(fLo).toBeGreaterThanOrEqual(0)
        expect(interferenceFraction(c, 0, hostMips)).toBe(0)
      }),
      { seed: 10 },
    )
  })

  it('depends on the share alone, not on the host’s size', () => {
    fc.assert(
      fc.property(
        coefficient,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 64 }),
        (c, share, hostMips, k) => {
          const f = interferenceFraction(c, share * hostMips, hostMips)
          expect(interferenceFraction(c, share * hostMips * k, hostMips * k)).toBeCloseTo(f, 12)
          expect(f).toBeCloseTo(Math.min(INTERFERENCE_CAP, c * share), 12)
        },
      ),
      { seed: 10 },
    )
  })
})

/** One host of `cores` × 1,000 MIPS, coefficient `c`, holding instances of `vcpus` at `percents`. */
function oneHost(cores: number, c: number, instances: { vcpus: number; percent: number }[]) {
  const h = host(0, { cores, mipsPerCore: 1000, idleW: 100, busyW: 200 })
  h.virtualization = {
    kind: 'hvm',
    product: 'kvm',
    hostOs: 'linux',
    overrides: { ...ZERO_OVERHEADS, interferenceCoefficient: c },
  }
  const input = design(
    'one host',
    {
      hosts: [h],
      tenants: [tenant('t', RATES)],
      workloads: instances.map((x, i) =>
        vm(i, 't', { mipsPerVcpu: 1000, memoryMiB: 512, diskGiB: 0, ...x }),
      ),
      simulation: { interference: true },
    },
    { horizonS: 3600, stepS: 300, switchOffIdleHosts: false },
  )
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return simulate(parsed.value)
}

describe('interference in a run (property)', () => {
  const instances = fc.array(
    fc.record({ vcpus: fc.integer({ min: 1, max: 4 }), percent: fc.integer({ min: 0, max: 100 }) }),
    { minLength: 1, maxLength: 6 },
  )

  it('each instance loses min(cap, c × Σ others’ MIPS ÷ host MIPS) of its CPU, alike on a host k × larger', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.03, 0.15, 0.4, 1),
        instances,
        fc.integer({ min: 2, max: 4 }),
        (c, xs, k) => {
          // Cores for every vCPU, so there is no contention: each instance gets its demand.
          const cores = xs.reduce((n, x) => n + x.vcpus, 0)
          const usedMips = xs.map((x) => x.vcpus * 10 * x.percent)
          const total = usedMips.reduce((a, b) => a + b, 0)
          const expected = usedMips.map((u) => Math.min(0.5, (c * (total - u)) / (cores * 1000)))
          const small = oneHost(cores, c, xs).instances
          // k × the cores and k × every instance's vCPUs: the same shares of the host.
          const large = oneHost(
            cores * k,
            c,
            xs.map((x) => ({ ...x, vcpus: x.vcpus * k })),
          ).instances
          expect(small).toHaveLength(xs.length)
          small.forEach((inst, i) => {
            const gross = inst.allocatedCpuMi + inst.interferenceLostMi
            expect(gross).toBeCloseTo((usedMips[i] as number) * 3600, 6)
            // An instance that asks for nothing is allocated nothing and loses nothing.
            const f = gross > 0 ? inst.interferenceLostMi / gross : 0
            expect(f).toBeCloseTo(gross > 0 ? (expected[i] as number) : 0, 12)
            const l = large[i] as (typeof large)[number]
            const fl = l.interferenceLostMi / (l.allocatedCpuMi + l.interferenceLostMi || 1)
            expect(fl).toBeCloseTo(f, 12)
            if (xs.length === 1) expect(inst.interferenceLostMi).toBe(0)
          })
        },
      ),
      { numRuns: 40, seed: 10 },
    )
  })
})
