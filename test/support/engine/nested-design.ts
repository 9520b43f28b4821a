/** Small designs with node pools for the nesting tests (built through the real parser). */
import type { Design } from '../../../src/shared/design/schema'
import { parseDesign } from '../../../src/main/engine/model/parse'

/** A host in the shape the tests need (KVM unless told otherwise). */
export function testHost(
  id: string,
  extra: {
    cores?: number
    memoryMiB?: number
    nested?: boolean
    kind?: 'hvm' | 'os'
    product?: string
  } = {},
): Record<string, unknown> {
  return {
    id,
    name: id,
    sockets: 1,
    coresPerSocket: extra.cores ?? 16,
    mipsPerCore: 2000,
    memoryMiB: extra.memoryMiB ?? 65536,
    diskGiB: 2000,
    nicGbps: 10,
    cpuExtensions: 'vt-x',
    powerCurveW: [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200],
    virtualization: {
      kind: extra.kind ?? 'hvm',
      product: extra.product ?? (extra.kind === 'os' ? 'lxc' : 'kvm'),
      ...(extra.nested ? { nestedHardwareVirtualization: true } : {}),
    },
  }
}

/** A workload (a VM group unless told otherwise). */
export function testWorkload(
  id: string,
  tenantId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    tenantId,
    name: id,
    kind: 'vm',
    count: 1,
    vcpus: 4,
    mipsPerVcpu: 1000,
    memoryMiB: 8192,
    diskGiB: 10,
    guestOs: 'linux',
    ...extra,
  }
}

/** Parses a design of these hosts, workloads and tenants `t1`, `t2` (throws on a shape error). */
export function testDesign(
  hosts: unknown[],
  workloads: unknown[],
  simulation: Record<string, unknown> = {},
): Design {
  const r = parseDesign({
    schemaVersion: 2,
    meta: { name: 'nesting test' },
    tenants: [
      { id: 't1', name: 'T1', colour: '#112233', pricing: { vcpuHour: 0.05, memoryGiBHour: 0.01 } },
      { id: 't2', name: 'T2', colour: '#445566', pricing: { vcpuHour: 0.05, memoryGiBHour: 0.01 } },
    ],
    hosts,
    workloads,
    simulation,
  })
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.value
}
