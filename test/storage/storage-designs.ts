/**
 * Closed-form designs for the storage model (issue 17): one host, one storage system reached
 * through a link, tenants whose instances declare storage demand. Expected figures are worked
 * out in the tests from these inputs alone.
 */
import type { DesignInput } from '../../src/shared/design/schema'
import { design, host, tenant, vm } from '../general/closed-form-designs'

type StorageInput = NonNullable<DesignInput['storage']>[number]
type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

export const RATES = {
  basis: 'allocated',
  vcpuHour: 0,
  memoryGiBHour: 0,
  storageGiBMonth: 0,
} as const

/** A SAN of `iops` IOPS and `mbps` MB/s serving class `ssd`. */
export function san(id: string, iops: number, extra: Partial<StorageInput> = {}): StorageInput {
  return {
    id,
    name: id,
    kind: 'san',
    capacityGiB: 100_000,
    iops,
    throughputMBps: 1_000,
    replication: 1,
    classes: ['ssd'],
    ...extra,
  }
}

/** One VM of tenant `tenantId` with a volume of class `ssd` and storage demand. */
export function ioVm(
  i: number,
  tenantId: string,
  storageDemand: WorkloadInput['storageDemand'],
  extra: Partial<WorkloadInput> = {},
): WorkloadInput {
  return {
    ...vm(i, tenantId, { vcpus: 1, mipsPerVcpu: 1000, memoryMiB: 1024, diskGiB: 10, percent: 50 }),
    storageClass: 'ssd',
    storageDemand,
    ...extra,
  }
}

/** One host linked to every storage system, the given tenants and workloads. */
export function storageDesign(
  parts: {
    storage: StorageInput[]
    tenants?: DesignInput['tenants']
    workloads: WorkloadInput[]
    failures?: { mode: 'none' | 'mtbf' | 'schedule' }
  },
  horizonS = 3600,
  stepS = 300,
): DesignInput {
  const d = design(
    'storage closed form',
    {
      hosts: [host(0, { cores: 16, mipsPerCore: 1000, idleW: 100, busyW: 200 })],
      tenants: parts.tenants ?? [tenant('a', RATES), tenant('b', RATES)],
      workloads: parts.workloads,
      storage: parts.storage,
      links: parts.storage.map((s, k) => ({
        id: `l${k}`,
        sourceId: 'h0',
        targetId: s.id,
        bandwidthGbps: 10,
        latencyMs: 0.1,
      })),
    },
    { horizonS, stepS, switchOffIdleHosts: false },
  )
  if (parts.failures)
    d.simulation = { ...d.simulation, failures: { ...parts.failures, schedule: [] } }
  return d
}
