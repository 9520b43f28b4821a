/**
 * Review s7u #2: `strata generate` with its defaults made node pools too small for their pods
 * (40 / 200 / 2,000 hosts refused 26 / 39 / 17 pods). Now every generated instance is placed:
 * checked by the real scheduler (`createScheduler(...).placeAll()`) over host counts, seeds and
 * options, and once at the reported 2,000-host size. The pods-per-node figures are worked out
 * by hand from the Kubernetes node reserve (80 millicores + 1 % of the CPU, 330 + 100 MiB + 5 %
 * of the memory; `engine/nesting/inner-layer.ts`) and a pod's cost inside the node (1 % CPU,
 * 20 MiB, the container column of the virtualization table).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { podsPerNode } from '../../src/main/cli/commands/generate-node-pool'
import { createScheduler } from '../../src/main/engine'
import type { Design } from '../../src/shared/design/schema'
import { defaultSize } from '../support/cli/generate-defaults'

type Workload = Design['workloads'][number]

const total = (d: Design): number => d.workloads.reduce((n, w) => n + w.count, 0)

const workload = (over: Partial<Workload>): Workload => ({
  id: 'w',
  tenantId: 't',
  name: 'w',
  kind: 'vm',
  count: 1,
  vcpus: 1,
  mipsPerVcpu: 2000,
  memoryMiB: 1024,
  diskGiB: 0,
  guestOs: 'linux',
  paravirtAware: false,
  reservedBandwidthMbps: 0,
  iops: 0,
  affinity: { policy: 'none', scope: 'host' },
  ...over,
})

describe('pods per node, by hand', () => {
  it('the reported 2,000-host pool: a 16 GiB node holds 3 pods of 4 GiB, so 16 nodes hold 48 of 65', () => {
    const node = workload({
      vcpus: 8,
      memoryMiB: 16_384,
      innerLayer: { kind: 'os', product: 'docker' },
    })
    const pod = workload({ kind: 'container', vcpus: 2, memoryMiB: 4096 })
    // reserve 430 + ⌈0.05 × 16,384⌉ = 430 + 820 = 1,250 MiB → 15,134 MiB left;
    // a pod takes 4,096 + 20 = 4,116 MiB → ⌊15,134 / 4,116⌋ = 3 (4 × 4,116 = 16,464 > 15,134)
    expect(podsPerNode(node, pod)).toBe(3)
    expect(65 - 16 * 3).toBe(17)
  })

  it('a node of 10 vCPUs and 18 GiB holds 4 such pods (the generated node size)', () => {
    const node = workload({
      vcpus: 10,
      memoryMiB: 18_432,
      innerLayer: { kind: 'os', product: 'docker' },
    })
    const pod = workload({ kind: 'container', vcpus: 2, memoryMiB: 4096 })
    // vCPU: 10,000 − ⌈80 + 100⌉ = 9,820 milli; a pod 2,020 → ⌊9,820 / 2,020⌋ = 4
    // memory: 18,432 − ⌈430 + 921.6⌉ = 17,080 MiB; a pod 4,116 → ⌊17,080 / 4,116⌋ = 4
    expect(podsPerNode(node, pod)).toBe(4)
    // anti-affine pods: one a node
    expect(
      podsPerNode(node, { ...pod, affinity: { policy: 'anti-affinity', scope: 'host' } }),
    ).toBe(1)
  })
})

describe('every generated instance is placed (review s7u #2)', () => {
  it('over host counts, seeds, tenants and node pools: the real scheduler refuses none', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (hosts, seed, tenants, nodePools) => {
          const o = { ...defaultSize(hosts, seed), tenants, nodePools }
          const d = generateDesign(o)
          expect(total(d)).toBe(o.instances)
          const r = createScheduler(d).placeAll()
          expect(
            r.unplaced.map((u) => `${u.instanceId}: ${u.summary}`),
            `--hosts ${hosts} --seed ${seed} --tenants ${tenants} --node-pools ${nodePools}`,
          ).toEqual([])
          expect(r.placed).toHaveLength(o.instances)
        },
      ),
      { numRuns: 60, seed: 82 },
    )
  }, 120_000)

  it.each([40, 200])('the reported %i-host default places all of its instances', (hosts) => {
    const d = generateDesign(defaultSize(hosts))
    const r = createScheduler(d).placeAll()
    expect(r.unplaced).toEqual([])
    expect(r.placed).toHaveLength(hosts * 8)
  })

  it('the reported 2,000-host default places all 16,000 (17 pods were refused)', () => {
    const d = generateDesign(defaultSize(2000))
    const pools = d.workloads.filter((w) => w.nesting)
    expect(pools.length).toBeGreaterThan(0)
    for (const pod of pools) {
      const node = d.workloads.find((w) => w.id === pod.nesting?.runsIn) as Workload
      expect(pod.count).toBeLessThanOrEqual(podsPerNode(node, pod) * node.count)
    }
    const r = createScheduler(d).placeAll()
    expect(r.unplaced).toEqual([])
    expect(r.placed).toHaveLength(16_000)
  }, 120_000)
})
