/**
 * Seeded random stand-ins for a placement and a finished simulation run over a design, shaped
 * exactly like the scheduler's and the simulation's results (provider-side, full of host ids
 * and every tenant's figures). Tests feed them to tenant projections to check that nothing
 * provider-only or foreign survives; they are not meant to be realistic.
 */
import type {
  InstanceRecord,
  SimulationResult,
  TenantUsage,
} from '../../../src/shared/domain/simulation-result'
import type { TenantRunState } from '../../../src/shared/domain/tenant-view'
import type { Design } from '../../../src/shared/design/schema'
import { seededRandom } from '../../../src/main/engine/random'

export interface RandomPlacement {
  placed: Array<{ instanceId: string; workloadId: string; tenantId: string; hostId: string }>
  unplaced: Array<{ instanceId: string; workloadId: string; tenantId: string; summary: string }>
}

/** Every instance on a random host, or (1 in 8) unplaced. */
export function randomPlacement(design: Design, seed = 0): RandomPlacement {
  const random = seededRandom(seed)
  const hosts = design.hosts.map((h) => h.id)
  const out: RandomPlacement = { placed: [], unplaced: [] }
  for (const w of design.workloads) {
    for (let i = 0; i < w.count; i++) {
      const base = { instanceId: `${w.id}#${i}`, workloadId: w.id, tenantId: w.tenantId }
      const hostId = hosts[Math.floor(random() * hosts.length)]
      if (hostId === undefined || random() < 0.125)
        out.unplaced.push({ ...base, summary: `0/${hosts.length} hosts fit` })
      else out.placed.push({ ...base, hostId })
    }
  }
  return out
}

/** A finished run as `simulation:get` reports it (the same fields as the contract's run detail). */
export interface RandomRunDetail extends TenantRunState {
  runId: string
  policy: string
  seed: number
  result: SimulationResult
}

/** A finished run with random figures for every tenant, instance and host. */
export function randomRun(design: Design, placement: RandomPlacement, seed = 0): RandomRunDetail {
  const random = seededRandom(seed ^ 0x5bd1e995)
  const hosts = design.hosts.map((h) => h.id)
  const horizonS = design.simulation.horizonS
  const timesS = Array.from({ length: 4 }, (_v, i) => i * design.simulation.stepS)
  const series = (): number[] => timesS.map(() => random() * 1000)
  const instances: InstanceRecord[] = [
    ...placement.placed.map((p) => {
      const requested = Math.round(random() * 1e6)
      const finalHostId = hosts[Math.floor(random() * hosts.length)]
      return {
        instanceId: p.instanceId,
        workloadId: p.workloadId,
        tenantId: p.tenantId,
        initialHostId: p.hostId,
        ...(finalHostId === undefined ? {} : { finalHostId }),
        status: 'running' as const,
        migrations: Math.floor(random() * 3),
        downtimeS: Math.floor(random() * 100),
        availabilityPercent: 100 - random(),
        requestedCpuMi: requested,
        allocatedCpuMi: Math.round(requested * (1 - random() * 0.2)),
        interferenceLostMi: Math.round(random() * 100),
      }
    }),
    ...placement.unplaced.map((u) => ({
      instanceId: u.instanceId,
      workloadId: u.workloadId,
      tenantId: u.tenantId,
      status: 'unplaced' as const,
      migrations: 0,
      downtimeS: 0,
      availabilityPercent: 0,
      requestedCpuMi: 0,
      allocatedCpuMi: 0,
      interferenceLostMi: 0,
    })),
  ]
  const tenants: TenantUsage[] = design.tenants.map((t) => {
    const amount = Math.round(random() * 10_000) / 100
    return {
      tenantId: t.id,
      instances: instances.filter((i) => i.tenantId === t.id).length,
      unplacedInstances: instances.filter((i) => i.tenantId === t.id && i.status === 'unplaced')
        .length,
      vcpuHours: random() * 100,
      usedVcpuHours: random() * 50,
      memoryGiBHours: random() * 100,
      usedMemoryGiBHours: random() * 50,
      storageGiBMonths: random(),
      migrations: Math.floor(random() * 5),
      downtimeS: Math.floor(random() * 1000),
      availabilityPercent: 99 + random(),
      slaAvailabilityPercent: t.slaAvailabilityPercent,
      slaViolation: random() < 0.5,
      requestedCpuMi: random() * 1e6,
      stealCpuMi: random() * 1e4,
      interferenceLostCpuMi: 0,
      lostCpuFraction: random() * 0.01,
      bill: {
        currency: t.pricing.currency,
        basis: t.pricing.basis,
        lines: [
          {
            item: 'vcpu-hours',
            basis: t.pricing.basis,
            quantity: 1,
            allocatedQuantity: 1,
            usedQuantity: 1,
            rate: amount,
            amount,
          },
        ],
        total: amount,
      },
    }
  })
  return {
    runId: `run-${seed}`,
    status: 'done',
    policy: design.simulation.policy,
    seed,
    progress: 1,
    virtualTimeS: horizonS,
    horizonS,
    result: {
      runId: `run-${seed}`,
      summary: {
        policy: design.simulation.policy,
        seed,
        horizonS,
        stepS: design.simulation.stepS,
        hosts: hosts.length,
        vms: instances.length,
        energyKWh: random() * 100,
        migrations: 0,
        slatah: 0,
        pdm: 0,
        slav: 0,
        memoryPressureGiBHours: 0,
        overallSlaViolation: 0,
        averageSlaViolation: 0,
        hostShutdowns: 0,
        hostFailures: 0,
        unplacedInstances: placement.unplaced.length,
        meanAvailabilityPercent: 99,
        elapsedMs: 1,
      },
      tenants,
      instances,
      failures: [],
      migrations: [],
      migrationsTruncated: false,
      series: {
        timesS,
        totalPowerW: series(),
        activeHosts: series(),
        hosts: hosts.map((hostId) => ({
          hostId,
          utilization: series(),
          powerW: series(),
          instances: series(),
        })),
        tenants: design.tenants.map((t) => ({
          tenantId: t.id,
          vcpus: series(),
          allocatedMips: series(),
          requestedMips: series(),
          cumulativeCost: series(),
        })),
      },
    },
  }
}
