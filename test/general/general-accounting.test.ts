/**
 * The general (non-CloudSim) model's accounting over the whole horizon [0, H] against answers
 * written from arithmetic (issue 10): linear power curves at constant loads, horizons that are
 * and are not multiples of the step, idle-but-occupied hosts, switched-off empty hosts, bills
 * on both bases; and a load that changes level mid-horizon, which pins the integration rule
 * (the load is held over each step: E = Σ P(u_k) Δt_k).
 */
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../../src/main/engine/model/parse'
import { simulate } from '../../src/main/engine/simulation'
import type { Design, DesignInput } from '../../src/shared/design/schema'
import {
  design,
  host,
  linearPowerW,
  MONTH_S,
  seeded,
  tenant,
  vm,
  type HostSpec,
  type Rates,
  type VmSpec,
} from './closed-form-designs'

function parse(input: DesignInput): Design {
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

const kWh = (joules: number): number => joules / 3.6e6
const relClose = (got: number, want: number, rel = 1e-9): void => {
  if (want === 0) expect(Math.abs(got)).toBeLessThanOrEqual(1e-12)
  else expect(Math.abs(got - want) / Math.abs(want)).toBeLessThanOrEqual(rel)
}

interface Expected {
  energyKWh: number
  tenants: Record<string, { vcpuHours: number; billedVcpuHours: number; bill: number }>
}

/** One generated design and its expected figures, from arithmetic only. */
function generated(seed: number): { input: DesignInput; want: Expected } {
  const r = seeded(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const stepS = pick([60, 300, 600])
  const steps = 1 + Math.floor(r() * 24)
  const partial = r() < 0.5 ? 1 + Math.floor(r() * (stepS - 1)) : 0
  const horizonS = steps * stepS + partial
  const spec: HostSpec = {
    cores: pick([2, 4, 8, 16]),
    mipsPerCore: pick([1000, 2000, 2500]),
    idleW: 50 + Math.floor(r() * 100),
    busyW: 0,
  }
  spec.busyW = spec.idleW + 50 + Math.floor(r() * 250)
  // Several identical hosts only with idle hosts kept on: then energy does not depend on where
  // the scheduler puts the instances (linear curves, and no contention: all fit on one host).
  const hostCount = r() < 0.5 ? 1 : 2 + Math.floor(r() * 3)
  const switchOffIdleHosts = hostCount === 1 ? r() < 0.5 : false
  const maintenance = hostCount > 1 && r() < 0.3 ? 1 : 0
  const capacity = spec.cores * spec.mipsPerCore
  const vms: VmSpec[] = []
  let coresLeft = spec.cores
  let mipsLeft = capacity
  const wanted = Math.floor(r() * 4)
  for (let i = 0; i < wanted && coresLeft > 0; i++) {
    const vcpus = 1 + Math.floor(r() * Math.min(coresLeft, 4))
    const mipsPerVcpu = pick([500, 1000]) <= spec.mipsPerCore ? pick([500, 1000]) : 500
    const percent = pick([0, 0, 10, 25, 50, 73, 100])
    if (vcpus * mipsPerVcpu * (percent / 100) > mipsLeft) continue
    coresLeft -= vcpus
    mipsLeft -= vcpus * mipsPerVcpu * (percent / 100)
    vms.push({
      vcpus,
      mipsPerVcpu,
      memoryMiB: pick([512, 1024, 3072]),
      diskGiB: pick([0, 10, 40]),
      percent,
    })
  }
  const rates: Rates[] = [0, 1].map(() => ({
    basis: r() < 0.5 ? 'allocated' : 'used',
    vcpuHour: pick([0.01, 0.05, 1, 2.5]),
    memoryGiBHour: pick([0, 0.005, 0.25]),
    storageGiBMonth: pick([0, 0.1, 3]),
  }))
  const tenantOf = vms.map((_, i) => `t${i % 2}`)
  const hosts = Array.from({ length: hostCount }, (_, i) =>
    host(i, { ...spec, state: i === hostCount - 1 && maintenance ? 'maintenance' : 'up' }),
  )
  const input = design(
    `generated ${seed}`,
    {
      hosts,
      tenants: [tenant('t0', rates[0] as Rates), tenant('t1', rates[1] as Rates)],
      workloads: vms.map((w, i) => vm(i, tenantOf[i] as string, w)),
    },
    { horizonS, stepS, switchOffIdleHosts },
  )
  // Oracle: every up host draws P(u) the whole horizon, except an empty host with switch-off.
  const load = vms.reduce((s, w) => s + (w.vcpus * w.mipsPerVcpu * w.percent) / 100, 0)
  const upHosts = hostCount - maintenance
  const idleOnW = switchOffIdleHosts && vms.length === 0 ? 0 : upHosts * spec.idleW
  const energyJ = (idleOnW + (spec.busyW - spec.idleW) * (load / capacity)) * horizonS
  const tenants: Expected['tenants'] = {}
  ;['t0', 't1'].forEach((t, ti) => {
    const rate = rates[ti] as Rates
    const mine = vms.filter((_, i) => tenantOf[i] === t)
    const hours = horizonS / 3600
    const vcpuHours = mine.reduce((s, w) => s + w.vcpus * hours, 0)
    const usedVcpuHours = mine.reduce((s, w) => s + ((w.vcpus * w.percent) / 100) * hours, 0)
    const memGiBHours = mine.reduce((s, w) => s + (w.memoryMiB / 1024) * hours, 0)
    const diskGiBMonths = mine.reduce((s, w) => s + (w.diskGiB * horizonS) / MONTH_S, 0)
    const billedVcpuHours = rate.basis === 'used' ? usedVcpuHours : vcpuHours
    tenants[t] = {
      vcpuHours,
      billedVcpuHours,
      bill:
        billedVcpuHours * rate.vcpuHour +
        memGiBHours * rate.memoryGiBHour +
        diskGiBMonths * rate.storageGiBMonth,
    }
  })
  return { input, want: { energyKWh: kWh(energyJ), tenants } }
}

describe('general accounting over [0, H], closed form', () => {
  it('one VM of 1 vCPU at 50 % for 1 h: 0.125 kWh, 1 vCPU-h, 1.00 USD (reported case)', () => {
    const input = design(
      'one hour',
      {
        hosts: [host(0, { cores: 2, mipsPerCore: 1000, idleW: 100, busyW: 200 })],
        tenants: [
          tenant('t1', { basis: 'allocated', vcpuHour: 1, memoryGiBHour: 0, storageGiBMonth: 0 }),
        ],
        workloads: [
          vm(0, 't1', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 512, diskGiB: 0, percent: 50 }),
        ],
      },
      { horizonS: 3600, stepS: 300, switchOffIdleHosts: true },
    )
    const r = simulate(parse(input))
    relClose(r.summary.energyKWh, 0.125)
    const t = r.tenants[0]
    expect(t?.vcpuHours).toBe(1)
    expect(t?.bill.total).toBe(1)
  })

  it('a horizon that is not a multiple of the step ends with a partial step', () => {
    const base = (horizonS: number): DesignInput =>
      design(
        'partial',
        {
          hosts: [host(0, { cores: 4, mipsPerCore: 1000, idleW: 80, busyW: 280 })],
          tenants: [
            tenant('t1', { basis: 'used', vcpuHour: 2, memoryGiBHour: 0, storageGiBMonth: 0 }),
          ],
          workloads: [
            vm(0, 't1', { vcpus: 2, mipsPerVcpu: 1000, memoryMiB: 512, diskGiB: 0, percent: 30 }),
          ],
        },
        { horizonS, stepS: 300, switchOffIdleHosts: true },
      )
    const horizonS = 3600 + 137
    const r = simulate(parse(base(horizonS)))
    // u = 2 × 1000 × 0.3 / 4000 = 0.15; P = 80 + 200 × 0.15 = 110 W.
    relClose(r.summary.energyKWh, kWh(110 * horizonS))
    const t = r.tenants[0]
    relClose(t?.vcpuHours ?? 0, (2 * horizonS) / 3600, 1e-12)
    // Used basis: 0.6 vCPU busy × 3737 s × 2 USD/h.
    expect(Math.abs((t?.bill.total ?? 0) - (0.6 * horizonS * 2) / 3600)).toBeLessThan(0.005)
    expect(r.series.timesS.at(-1)).toBe(horizonS)
  })

  it('an occupied host at 0 % demand stays on (P(0)); an empty one is off when switch-off is on', () => {
    const input = design(
      'idle but occupied',
      {
        hosts: [
          host(0, { cores: 2, mipsPerCore: 1000, idleW: 100, busyW: 200 }),
          host(1, { cores: 2, mipsPerCore: 1000, idleW: 100, busyW: 200 }),
        ],
        tenants: [
          tenant('t1', { basis: 'allocated', vcpuHour: 1, memoryGiBHour: 0, storageGiBMonth: 0 }),
        ],
        workloads: [
          vm(0, 't1', { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 512, diskGiB: 0, percent: 0 }),
        ],
      },
      { horizonS: 3600, stepS: 300, switchOffIdleHosts: true },
    )
    const r = simulate(parse(input))
    relClose(r.summary.energyKWh, 0.1)
    expect(r.instances[0]?.status).toBe('running')
    expect(r.tenants[0]?.vcpuHours).toBe(1)
    expect(r.series.activeHosts.every((n) => n === 1)).toBe(true)
    expect(r.series.totalPowerW.every((w) => w === 100)).toBe(true)
  })

  it('down and maintenance hosts draw nothing; kept-on empty hosts draw P(0)', () => {
    const spec = { cores: 2, mipsPerCore: 1000, idleW: 90, busyW: 150 }
    const input = design(
      'states',
      {
        hosts: [
          host(0, spec),
          host(1, { ...spec, state: 'maintenance' }),
          host(2, { ...spec, state: 'down' }),
        ],
        tenants: [],
        workloads: [],
      },
      { horizonS: 1000, stepS: 300, switchOffIdleHosts: false },
    )
    relClose(simulate(parse(input)).summary.energyKWh, kWh(90 * 1000))
  })

  it('pins the integration rule: the load is held over each step (not CloudSim’s trapezoid)', () => {
    // Trace at 600 s: 20 %, 80 %, 40 %; step 300 s; horizon 1700 s (last step partial).
    // Held samples at 0, 300, 600, 900, 1200, 1500: 20, 20, 80, 80, 40, 40 (%).
    const input = design(
      'stepped',
      {
        hosts: [host(0, { cores: 2, mipsPerCore: 1000, idleW: 100, busyW: 300 })],
        tenants: [
          tenant('t1', { basis: 'used', vcpuHour: 3, memoryGiBHour: 0, storageGiBMonth: 0 }),
        ],
        workloads: [
          {
            ...vm(0, 't1', {
              vcpus: 2,
              mipsPerVcpu: 1000,
              memoryMiB: 512,
              diskGiB: 0,
              percent: 0,
            }),
            traceId: 'tr',
          },
        ],
        traces: [{ id: 'tr', name: 'tr', intervalS: 600, cpuPercent: [20, 80, 40] }],
      },
      { horizonS: 1700, stepS: 300, switchOffIdleHosts: true },
    )
    const r = simulate(parse(input))
    const p = (u: number): number => linearPowerW(100, 300, u)
    const energyJ = p(0.2) * 600 + p(0.8) * 600 + p(0.4) * 500
    relClose(r.summary.energyKWh, kWh(energyJ))
    const usedVcpuH = (2 * (0.2 * 600 + 0.8 * 600 + 0.4 * 500)) / 3600
    expect(Math.abs((r.tenants[0]?.bill.total ?? 0) - usedVcpuH * 3)).toBeLessThan(0.005)
  })

  it('restart after repair: a stranded instance restarts at the repair instant', () => {
    // One host fails at 1000 s and is repaired 500 s later; its instance has nowhere else to
    // go, waits, and restarts at 1500 s: 500 s down, availability 1 − 500 / 3600.
    const input = design(
      'repair',
      {
        hosts: [host(0, { cores: 2, mipsPerCore: 1000, idleW: 100, busyW: 200 }, 30)],
        tenants: [
          tenant('t1', { basis: 'allocated', vcpuHour: 1, memoryGiBHour: 0, storageGiBMonth: 0 }),
        ],
        workloads: [
          vm(0, 't1', { vcpus: 2, mipsPerVcpu: 1000, memoryMiB: 512, diskGiB: 0, percent: 50 }),
        ],
      },
      { horizonS: 3600, stepS: 300, switchOffIdleHosts: true },
    )
    const d = parse(input)
    d.simulation.failures = {
      mode: 'schedule',
      schedule: [{ hostId: 'h0', atS: 1000, repairS: 500 }],
    }
    const r = simulate(d)
    expect(r.failures[0]?.instances[0]?.restartedAtS).toBe(1500)
    expect(r.instances[0]?.downtimeS).toBe(500)
    relClose(r.instances[0]?.availabilityPercent ?? 0, 100 * (1 - 500 / 3600), 1e-12)
    relClose(r.tenants[0]?.availabilityPercent ?? 0, 100 * (1 - 500 / 3600), 1e-12)
    // The host draws P(0.5) = 150 W while up with the instance, nothing while failed.
    relClose(r.summary.energyKWh, kWh(150 * (3600 - 500)))
    relClose(r.tenants[0]?.vcpuHours ?? 0, (2 * (3600 - 500)) / 3600, 1e-12)
  })

  describe('generated designs (seeded)', () => {
    for (let seed = 1; seed <= 24; seed++) {
      it(`design ${seed}`, () => {
        const { input, want } = generated(seed)
        const r = simulate(parse(input))
        expect(r.summary.unplacedInstances).toBe(0)
        relClose(r.summary.energyKWh, want.energyKWh)
        for (const t of r.tenants) {
          const w = want.tenants[t.tenantId]
          if (!w) throw new Error(`no expectation for ${t.tenantId}`)
          relClose(t.vcpuHours, w.vcpuHours, 1e-12)
          const line = t.bill.lines.find((l) => l.item === 'vcpu-hours')
          expect(Math.abs((line?.quantity ?? 0) - w.billedVcpuHours)).toBeLessThanOrEqual(1e-6)
          expect(Math.abs(t.bill.total - w.bill)).toBeLessThan(0.005)
        }
      })
    }
  })
})
