/**
 * Conservation laws of the general model on random designs (fast-check), checked by an oracle
 * that imports nothing from the engine (`oracle.ts`): instance-side CPU equals host-side CPU;
 * energy equals Σ_hosts ∫P dt under the documented rule; availability equals
 * 1 − downtime / (uptime + downtime) from first placement; no result field is NaN, infinite or
 * null.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { simulate } from '../../src/main/engine/simulation'
import { arbitraryDesign } from '../support/engine/arbitrary-design'
import type { Design, DesignInput } from '../../src/shared/design/schema'
import { design, host, tenant, vm } from './closed-form-designs'
import { availabilityPercent, energyJ, hostSideMi, nonFinite } from './oracle'

function parse(input: DesignInput): Design {
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

const hostArb = fc.record({
  cores: fc.integer({ min: 1, max: 8 }),
  mipsPerCore: fc.constantFrom(1000, 2000, 2500),
  idleW: fc.integer({ min: 0, max: 200 }),
  spanW: fc.integer({ min: 0, max: 300 }),
  state: fc.constantFrom('up', 'up', 'up', 'maintenance', 'down'),
  interference: fc.constantFrom(0, 0, 0.05, 0.2),
})
const vmArb = fc.record({
  vcpus: fc.integer({ min: 1, max: 4 }),
  mipsPerVcpu: fc.constantFrom(500, 1000),
  percent: fc.integer({ min: 0, max: 100 }),
  profile: fc.constantFrom('constant', 'diurnal', 'bursty', 'trace'),
  trace: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }),
  tenant: fc.constantFrom('t0', 't1'),
})
const runArb = fc.record({
  hosts: fc.array(hostArb, { minLength: 1, maxLength: 5 }),
  vms: fc.array(vmArb, { maxLength: 10 }),
  stepS: fc.constantFrom(60, 300),
  steps: fc.integer({ min: 1, max: 30 }),
  partialS: fc.integer({ min: 0, max: 59 }),
  switchOff: fc.boolean(),
  policy: fc.constantFrom('npa', 'dvfs'),
  interference: fc.boolean(),
})

type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never

function build(run: Run): DesignInput {
  const hosts = run.hosts.map((h, i) => {
    const base = host(i, {
      cores: h.cores,
      mipsPerCore: h.mipsPerCore,
      idleW: h.idleW,
      busyW: h.idleW + h.spanW,
      state: h.state as 'up',
    })
    const v = base.virtualization as { overrides: Record<string, number> }
    v.overrides.interferenceCoefficient = h.interference
    return base
  })
  const rates = { vcpuHour: 1, memoryGiBHour: 0.01, storageGiBMonth: 0.1 }
  const workloads = run.vms.map((w, i) => {
    const base = vm(i, w.tenant, {
      vcpus: w.vcpus,
      mipsPerVcpu: w.mipsPerVcpu,
      memoryMiB: 512,
      diskGiB: 10,
      percent: w.percent,
    })
    if (w.profile === 'trace') return { ...base, traceId: `tr${i}` }
    return {
      ...base,
      demand: {
        profile: w.profile as 'constant',
        meanPercent: w.percent,
        amplitudePercent: 30,
      },
    }
  })
  const traces = run.vms.flatMap((w, i) =>
    w.profile === 'trace'
      ? [{ id: `tr${i}`, name: `tr${i}`, intervalS: run.stepS, cpuPercent: w.trace }]
      : [],
  )
  const input = design(
    'random',
    {
      hosts,
      tenants: [
        tenant('t0', { basis: 'allocated', ...rates }),
        tenant('t1', { basis: 'used', ...rates }),
      ],
      workloads,
      traces,
    },
    {
      horizonS: run.steps * run.stepS + run.partialS,
      stepS: run.stepS,
      switchOffIdleHosts: run.switchOff,
      policy: run.policy,
    },
  )
  input.simulation = { ...input.simulation, interference: run.interference }
  return input
}

describe('general model conservation (independent oracle)', () => {
  it('instance-side CPU = host-side CPU, energy = Σ∫P dt, nothing NaN', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const input = build(run)
        const r = simulate(parse(input))
        expect(nonFinite(r)).toEqual([])
        const hosts = run.hosts.map((h) => ({
          powerCurveW: Array.from({ length: 11 }, (_, k) => h.idleW + (h.spanW * k) / 10),
          state: h.state,
          capacityMips: h.cores * h.mipsPerCore,
        }))
        const t = r.series.timesS
        expect(t[0]).toBe(0)
        expect(t.at(-1)).toBe(input.simulation?.horizonS)
        const instanceMi = r.instances.reduce(
          (s, i) => s + i.allocatedCpuMi + i.interferenceLostMi,
          0,
        )
        const hostMi = hostSideMi(hosts, r.series.hosts, t)
        expect(Math.abs(instanceMi - hostMi)).toBeLessThanOrEqual(1e-9 * Math.max(1, hostMi))
        const joules = energyJ(hosts, r.series.hosts, t, run.switchOff, run.policy === 'npa')
        const got = r.summary.energyKWh * 3.6e6
        expect(Math.abs(got - joules)).toBeLessThanOrEqual(1e-9 * Math.max(1, joules))
      }),
      { numRuns: 150, seed: 10 },
    )
  })

  it('availability = 1 − downtime / (uptime + downtime) from first placement', () => {
    fc.assert(
      fc.property(
        runArb,
        fc.array(
          fc.record({ host: fc.nat(), atS: fc.nat(), repairS: fc.integer({ min: 1, max: 4000 }) }),
          {
            maxLength: 4,
          },
        ),
        (run, fails) => {
          const input = build(run)
          const H = input.simulation?.horizonS as number
          const d = parse(input)
          d.simulation.failures = {
            mode: 'schedule',
            schedule: fails.map((f) => ({
              hostId: `h${f.host % run.hosts.length}`,
              atS: f.atS % H,
              repairS: f.repairS,
            })),
          }
          const r = simulate(d)
          expect(nonFinite(r)).toEqual([])
          for (const inst of r.instances) {
            if (inst.status === 'unplaced') continue
            let down = 0
            for (const f of r.failures)
              for (const x of f.instances)
                if (x.instanceId === inst.instanceId) down += (x.restartedAtS ?? H) - f.atS
            expect(inst.downtimeS).toBeCloseTo(down, 9)
            expect(inst.availabilityPercent).toBeCloseTo(availabilityPercent(down, H), 9)
          }
          for (const t of r.tenants) {
            const mine = r.instances.filter(
              (i) => i.tenantId === t.tenantId && i.status !== 'unplaced',
            )
            const down = mine.reduce((s, i) => s + i.downtimeS, 0)
            // Uptime + downtime = H: allocated vCPU-hours are the vCPUs over the uptime.
            const vcpus = new Map(run.vms.map((w, i) => [`w${i}#0`, w.vcpus]))
            const upVcpuS = mine.reduce(
              (s, i) => s + (vcpus.get(i.instanceId) ?? 0) * (H - i.downtimeS),
              0,
            )
            expect(t.vcpuHours).toBeCloseTo(upVcpuS / 3600, 9)
            // An unplaced instance counts as down for the whole horizon.
            const unplaced = r.instances.filter(
              (i) => i.tenantId === t.tenantId && i.status === 'unplaced',
            ).length
            expect(t.unplacedInstances).toBe(unplaced)
            const all = mine.length + unplaced
            if (all > 0)
              expect(t.availabilityPercent).toBeCloseTo(
                availabilityPercent(down + unplaced * H, all * H),
                9,
              )
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    )
  })

  it('no NaN, Infinity or null in any result over random designs and policies', () => {
    const policies = ['npa', 'dvfs', 'thr-mmt-0.8', 'mad-mmt-2.5', 'lr-mmt-1.2']
    fc.assert(
      fc.property(
        arbitraryDesign({ maxHosts: 5, maxCount: 3 }),
        fc.constantFrom(...policies),
        fc.boolean(),
        (d, policy, compat) => {
          const r = simulate({
            ...d,
            simulation: { ...d.simulation, policy, cloudsimCompat: compat, horizonS: 1800 },
          })
          expect(nonFinite(r)).toEqual([])
        },
      ),
      { numRuns: 60, seed: 12 },
    )
  })
})
