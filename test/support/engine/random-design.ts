/**
 * Random small designs for the scheduler's property tests (fast-check). Test-only: imported
 * by `*.test.ts` files, never by the engine.
 */
import fc from 'fast-check'
import type { Design, Host, Storage, Tenant, Workload } from '../../../src/shared/design/schema'
import { emptyDesign } from '../../../src/main/engine/model/defaults'

const PRODUCT = {
  native: 'bare-metal',
  hvm: 'kvm',
  bt: 'qemu-tcg',
  pv: 'xen-pv',
  os: 'lxc',
} as const

const hostArb = fc.record({
  rack: fc.integer({ min: -1, max: 2 }),
  kind: fc.constantFrom('native', 'hvm', 'hvm', 'bt', 'pv', 'os', 'os'),
  ext: fc.constantFrom('vt-x', 'amd-v', 'none'),
  hostOs: fc.constantFrom('linux', 'linux', 'windows', 'freebsd'),
  cores: fc.integer({ min: 1, max: 8 }),
  memoryMiB: fc.constantFrom(4096, 16384, 65536),
  diskGiB: fc.constantFrom(50, 500),
  nicGbps: fc.constantFrom(1, 10),
  down: fc.integer({ min: 0, max: 9 }),
  ratio: fc.option(fc.constantFrom(1, 2, 4), { nil: undefined }),
  linked: fc.boolean(),
})

const tenantArb = fc.record({
  isolation: fc.constantFrom('shared', 'shared', 'dedicated-hosts', 'dedicated-racks'),
  instances: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  vcpus: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
})

const workloadArb = fc.record({
  tenant: fc.nat(),
  kind: fc.constantFrom('vm', 'vm', 'container'),
  count: fc.integer({ min: 0, max: 8 }),
  vcpus: fc.integer({ min: 1, max: 4 }),
  memoryMiB: fc.constantFrom(512, 2048, 8192, 16384),
  diskGiB: fc.constantFrom(0, 10, 100),
  storageClass: fc.constantFrom(undefined, undefined, 'a', 'b'),
  guestOs: fc.constantFrom('linux', 'linux', 'windows', 'freebsd'),
  paravirtAware: fc.boolean(),
  bandwidthMbps: fc.constantFrom(0, 0, 500, 3000),
  iops: fc.constantFrom(0, 100, 2000),
  affinity: fc.constantFrom('none', 'none', 'affinity', 'anti-affinity'),
  scope: fc.constantFrom('host', 'rack'),
})

/** A random, structurally valid design: 1..10 hosts, up to 3 racks, 1..3 tenants, 1..6 workloads. */
export const designArb: fc.Arbitrary<Design> = fc
  .record({
    hosts: fc.array(hostArb, { minLength: 1, maxLength: 10 }),
    tenants: fc.array(tenantArb, { minLength: 1, maxLength: 3 }),
    workloads: fc.array(workloadArb, { minLength: 1, maxLength: 6 }),
    storage: fc.array(
      fc.record({
        classes: fc.constantFrom(['a'], ['b'], ['a', 'b']),
        capacityGiB: fc.constantFrom(0, 300, 5000),
        iops: fc.constantFrom(0, 3000, 100000),
      }),
      { maxLength: 2 },
    ),
    withLinks: fc.boolean(),
    /** All workloads alike but for tenant, count and affinity (they then share search trees). */
    oneFlavor: fc.boolean(),
    oversubscription: fc.constantFrom(1, 3, 20),
  })
  .map((r) => {
    const d = emptyDesign('random')
    d.racks = [0, 1, 2].map((i) => ({
      id: `r${i}`,
      name: `r${i}`,
      uplinkOversubscription: r.oversubscription,
    }))
    d.hosts = r.hosts.map((h, i): Host => ({
      id: `h${i}`,
      name: `h${i}`,
      ...(h.rack >= 0 ? { rackId: `r${h.rack}` } : {}),
      sockets: 1,
      coresPerSocket: h.cores,
      mipsPerCore: 2000,
      memoryMiB: h.memoryMiB,
      diskGiB: h.diskGiB,
      nicGbps: h.nicGbps,
      cpuExtensions: h.ext,
      powerCurveW: [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150],
      state: h.down === 0 ? 'down' : h.down === 1 ? 'maintenance' : 'up',
      virtualization: { kind: h.kind, product: PRODUCT[h.kind], hostOs: h.hostOs },
      ...(h.ratio !== undefined ? { cpuAllocationRatio: h.ratio } : {}),
    }))
    d.storage = r.storage.map((s, i): Storage => ({
      id: `s${i}`,
      name: `s${i}`,
      kind: 'san',
      capacityGiB: s.capacityGiB,
      iops: s.iops,
      throughputMBps: 1000,
      replication: 1 + (i % 2),
      classes: [...s.classes],
    }))
    if (r.withLinks) {
      d.switches = [{ id: 'sw', name: 'sw', tier: 'core', ports: 64, portGbps: 100 }]
      d.links = [
        ...r.hosts.flatMap((h, i) => (h.linked ? [[`h${i}`, 'sw']] : [])),
        ...d.storage.map((s) => [s.id, 'sw']),
      ].map(([a, b], i) => ({
        id: `l${i}`,
        sourceId: a as string,
        targetId: b as string,
        bandwidthGbps: 10,
        latencyMs: 0,
      }))
    }
    d.tenants = r.tenants.map((t, i): Tenant => ({
      id: `t${i}`,
      name: `Tenant ${i}`,
      colour: '#123456',
      isolation: t.isolation,
      quotas: {
        ...(t.instances !== undefined ? { instances: t.instances } : {}),
        ...(t.vcpus !== undefined ? { vcpus: t.vcpus } : {}),
      },
      pricing: {
        basis: 'allocated',
        currency: 'USD',
        vcpuHour: 0,
        memoryGiBHour: 0,
        storageGiBMonth: 0,
      },
      slaAvailabilityPercent: 99.9,
      showHostNames: i === 0,
    }))
    d.workloads = r.workloads.map((w, i): Workload => ({
      id: `w${i}`,
      tenantId: `t${w.tenant % r.tenants.length}`,
      name: `w${i}`,
      kind: w.kind,
      count: w.count,
      vcpus: w.vcpus,
      mipsPerVcpu: 1000,
      memoryMiB: w.memoryMiB,
      diskGiB: w.diskGiB,
      ...(w.storageClass ? { storageClass: w.storageClass } : {}),
      guestOs: w.guestOs,
      paravirtAware: w.paravirtAware,
      bandwidthMbps: w.bandwidthMbps,
      iops: w.iops,
      affinity: { policy: w.affinity, scope: w.scope },
    }))
    return d
  })
