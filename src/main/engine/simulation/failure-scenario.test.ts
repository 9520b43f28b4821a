/**
 * A host fails: its instances restart elsewhere after their kind's start time, and their
 * tenant's availability drops by exactly that downtime; other tenants are untouched.
 */
import { describe, expect, it } from 'vitest'
import type { Design, DesignInput } from '../../../shared/design/schema'
import { parseDesign } from '../model/parse'
import { Simulation, simulate } from './simulation'

const START_S = 45
const FAIL_AT_S = 3600
const HORIZON_S = 86_400

function design(failHostId?: string): Design {
  const host = (i: number) => ({
    id: `h${i}`,
    name: `host ${i}`,
    sockets: 2,
    coresPerSocket: 8,
    mipsPerCore: 2500,
    memoryMiB: 65_536,
    diskGiB: 1000,
    nicGbps: 10,
    cpuExtensions: 'vt-x' as const,
    powerCurveW: [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200],
    virtualization: {
      kind: 'hvm' as const,
      product: 'kvm' as const,
      overrides: { startTimeS: START_S },
    },
  })
  const input: DesignInput = {
    schemaVersion: 2,
    meta: { name: 'failure scenario' },
    hosts: [host(0), host(1), host(2)],
    tenants: [
      {
        id: 'ta',
        name: 'Tenant A',
        colour: '#1f77b4',
        pricing: { vcpuHour: 0.05, memoryGiBHour: 0.01 },
      },
      { id: 'tb', name: 'Tenant B', colour: '#ff7f0e' },
    ],
    workloads: [
      {
        id: 'wa',
        tenantId: 'ta',
        name: 'web',
        kind: 'vm',
        count: 3,
        vcpus: 2,
        mipsPerVcpu: 1000,
        memoryMiB: 4096,
        diskGiB: 20,
        guestOs: 'linux',
        demand: { profile: 'constant', meanPercent: 40 },
      },
      {
        id: 'wb',
        tenantId: 'tb',
        name: 'db',
        kind: 'vm',
        count: 2,
        vcpus: 4,
        mipsPerVcpu: 1000,
        memoryMiB: 8192,
        diskGiB: 50,
        guestOs: 'linux',
        demand: { profile: 'diurnal', meanPercent: 50, amplitudePercent: 20 },
      },
    ],
    simulation: {
      policy: 'dvfs',
      horizonS: HORIZON_S,
      failures: failHostId
        ? { mode: 'schedule', schedule: [{ hostId: failHostId, atS: FAIL_AT_S, repairS: 7200 }] }
        : { mode: 'none', schedule: [] },
    },
  }
  const parsed = parseDesign(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

describe('host failure', () => {
  it('restarts the instances elsewhere and charges the downtime to their tenant', () => {
    const calm = simulate(design())
    const ticks: number[] = []
    const held = new Simulation(design(), { onProgress: (p) => ticks.push(p) })
    held.pause()
    expect(held.advance()).toBe(false)
    expect(held.virtualTimeS).toBe(0)
    held.resume()
    expect(held.advance()).toBe(true)
    expect(ticks.length).toBeGreaterThan(200)
    expect(ticks.every((p, i) => i === 0 || p >= (ticks[i - 1] as number))).toBe(true)
    expect(JSON.stringify(held.getResult())).toBe(JSON.stringify(calm))
    // Fail the host running tenant A's first instance.
    const victim = calm.instances.find((i) => i.instanceId === 'wa#0')?.initialHostId as string
    expect(victim).toBeDefined()
    const onVictim = calm.instances.filter((i) => i.initialHostId === victim)
    const r = simulate(design(victim))

    expect(r.failures).toHaveLength(1)
    const f = r.failures[0] as (typeof r.failures)[number]
    expect(f.hostId).toBe(victim)
    expect(f.atS).toBe(FAIL_AT_S)
    expect(f.repairedAtS).toBe(FAIL_AT_S + 7200)
    expect(f.instances.map((i) => i.instanceId).sort()).toEqual(
      onVictim.map((i) => i.instanceId).sort(),
    )
    for (const item of f.instances) {
      expect(item.restartedAtS).toBe(FAIL_AT_S + START_S)
      expect(item.restartedOnHostId).toBeDefined()
      expect(item.restartedOnHostId).not.toBe(victim)
    }
    for (const t of r.tenants) {
      const hit = onVictim.filter((i) => i.tenantId === t.tenantId).length
      expect(t.downtimeS).toBe(hit * START_S)
      expect(t.availabilityPercent).toBeCloseTo(
        100 * (1 - (hit * START_S) / (t.instances * HORIZON_S)),
        12,
      )
      expect(t.slaViolation).toBe(t.availabilityPercent < t.slaAvailabilityPercent)
      const before = calm.tenants.find((c) => c.tenantId === t.tenantId)
      expect(before?.availabilityPercent).toBe(100)
    }
    for (const inst of r.instances) {
      const hit = onVictim.some((i) => i.instanceId === inst.instanceId)
      expect(inst.downtimeS).toBe(hit ? START_S : 0)
      expect(inst.status).toBe('running')
    }
    // Empty hosts left on draw their idle power (3 × 100 W × 24 h); switched off, nothing.
    const empty = { ...design(), workloads: [] }
    expect(simulate(empty).summary.energyKWh).toBe(0)
    const on = { ...empty, simulation: { ...empty.simulation, switchOffIdleHosts: false } }
    expect(simulate(on).summary.energyKWh).toBeCloseTo((3 * 100 * HORIZON_S) / 3.6e6, 9)
    // Tenant A paid for less running time than without the failure.
    const billA = (x: typeof r) => x.tenants.find((t) => t.tenantId === 'ta')?.bill.total ?? 0
    expect(billA(r)).toBeLessThan(billA(calm))
  })
})
