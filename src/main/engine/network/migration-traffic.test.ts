/**
 * A live migration's traffic is its memory, and the links it fills are busy only while it
 * copies (review s9u A1): expected values by arithmetic (bits = MiB × 2^20 × 8, GB = bytes /
 * 10^9, copy seconds = bits / rate).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { designSchema, type DesignInput } from '../../../shared/design/schema'
import { simulate } from '../simulation'
import { NetworkRun, type MigrationStart, type PlacementView } from './network-run'
import { treeDesign } from './tree-design.test-util'

type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

const tenants: DesignInput['tenants'] = [
  {
    id: 't1',
    name: 'one',
    colour: '#1f77b4',
    pricing: { basis: 'allocated', vcpuHour: 0, memoryGiBHour: 0, storageGiBMonth: 0 },
  },
]

function workload(id: string, traffic?: WorkloadInput['traffic']): WorkloadInput {
  return {
    ...{ id, tenantId: 't1', name: id, kind: 'vm', count: 1, vcpus: 1, mipsPerVcpu: 1000 },
    ...{ memoryMiB: 4096, diskGiB: 10, guestOs: 'linux', traffic },
  }
}

/** Bytes of `mib` MiB in GB (10^9 bytes). */
const gbOf = (mib: number): number => (mib * 2 ** 20) / 1e9
/** Seconds to copy `mib` MiB at `gbps`. */
const copyS = (mib: number, gbps: number): number => (mib * 2 ** 20 * 8) / (gbps * 1e9)

/**
 * `hosts` hosts on one ToR (10 Gbps host links); instance i of workload i sits on host i;
 * instance 0 sends `sendGbps` to instance 1 when given.
 */
function fabric(hosts: number, sendGbps?: number) {
  const workloads = Array.from({ length: hosts }, (_, i) =>
    workload(
      `w${i}`,
      i === 0 && sendGbps !== undefined
        ? { eastWest: [{ peerWorkloadId: 'w1', sendGbps }] }
        : undefined,
    ),
  )
  const design = treeDesign({
    racks: 1,
    hostsPerRack: hosts,
    aggregations: 0,
    extra: { tenants, workloads },
  })
  const view: PlacementView = {
    vmCount: hosts,
    vmWorkload: Int32Array.from({ length: hosts }, (_, i) => i),
    vmHome: Int32Array.from({ length: hosts }, (_, i) => i),
    vmDown: new Uint8Array(hosts),
    hostDown: new Uint8Array(hosts),
    vmInMig: new Uint8Array(hosts),
  }
  return { design, view }
}

describe('live-migration traffic on the network', () => {
  it('2 hosts: 4,096 MiB alone on a 10 Gbps link is 4.294967296 GB, and the link is busy 3.436 s, not the step', () => {
    const { design, view } = fabric(2)
    view.vmInMig[0] = 1
    const run = new NetworkRun(design, 0)
    const [rate] = run.advance(0, view, [
      { vm: 0, fromHost: 0, toHost: 1, memoryMiB: 4096 },
    ]).startGbps
    expect(rate).toBe(10)
    run.advance(300, view)
    const net = run.finish(600)
    expect(net.migrationGB).toBeCloseTo(gbOf(4096), 6)
    expect(net.timesS).toEqual([0, 300])
    const link = net.links.find((l) => l.id === 'l-h0-0')
    expect(link?.peakUtilization).toBe(1)
    expect(link?.saturatedS).toBeCloseTo(copyS(4096, 10), 3)
    expect(link?.meanUtilization).toBeCloseTo(copyS(4096, 10) / 600, 6)
  })

  it('beside a 6 Gbps flow it copies at 5 Gbps; when it ends the flow gets its 6 Gbps back', () => {
    const { design, view } = fabric(2, 6)
    view.vmInMig[0] = 1
    const run = new NetworkRun(design, 0)
    const start = [{ vm: 0, fromHost: 0, toHost: 1, memoryMiB: 4096 }]
    expect(run.advance(0, view, start).startGbps).toEqual([5])
    run.advance(300, view)
    const net = run.finish(600)
    const d = copyS(4096, 5)
    expect(net.migrationGB).toBeCloseTo(gbOf(4096), 6)
    // 5 Gbps while the copy runs, then its 6 Gbps demand for the rest of the 600 s
    expect(net.tenants[0]?.gbSent).toBeCloseTo((5 * d + 6 * (600 - d)) / 8, 6)
    expect(net.tenants[0]?.demandNotServedGB).toBeCloseTo((1 * d) / 8, 6)
    expect(net.links.find((l) => l.id === 'l-h0-0')?.saturatedS).toBeCloseTo(d, 3)
  })

  it('several migrations starting at one instant each get their own rate (none left to the fallback)', () => {
    const { design, view } = fabric(3)
    view.vmInMig[0] = 1
    view.vmInMig[2] = 1
    const run = new NetworkRun(design, 0)
    const starts = [
      { vm: 0, fromHost: 0, toHost: 1, memoryMiB: 4096 },
      { vm: 2, fromHost: 2, toHost: 1, memoryMiB: 2048 },
    ]
    // both enter host 1 over its 10 Gbps link: 5 Gbps each
    expect(run.advance(0, view, starts).startGbps).toEqual([5, 5])
    const net = run.finish(300)
    expect(net.migrationGB).toBeCloseTo(gbOf(4096 + 2048), 6)
    // host 1's link is full while both copy (2,048 MiB at 5 Gbps); then the bigger one keeps
    // its 5 Gbps (rates hold to the next instant) and the link is half busy until it ends
    const both = copyS(2048, 5)
    const link = net.links.find((l) => l.id === 'l-h0-1')
    expect(link?.saturatedS).toBeCloseTo(both, 3)
    expect(link?.meanUtilization).toBeCloseTo((both + 0.5 * (copyS(4096, 5) - both)) / 300, 6)
    expect(net.links.find((l) => l.id === 'l-h0-0')?.saturatedS).toBe(0)
  })

  it('property: migration GB never exceed Σ memory nor link capacity × copy seconds; equal Σ memory once all copied', () => {
    const migration = fc.record({
      from: fc.integer({ min: 0, max: 3 }),
      hop: fc.integer({ min: 1, max: 3 }),
      memoryMiB: fc.integer({ min: 64, max: 65_536 }),
      at: fc.integer({ min: 0, max: 3 }),
    })
    fc.assert(
      fc.property(
        fc.array(migration, { maxLength: 6 }),
        fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: undefined }),
        fc.option(fc.integer({ min: 16, max: 2048 }), { nil: undefined }),
        (ms, sendGbps, capMiBps) => {
          const { design, view } = fabric(4, sendGbps)
          if (capMiBps !== undefined)
            design.fabric = {
              ...design.fabric,
              migrationRateCapMiBps: capMiBps,
            } as typeof design.fabric
          const run = new NetworkRun(design, 0)
          const H = 1200
          const ends = new Map<number, { startS: number; endS: number; memoryMiB: number }>()
          for (let k = 0; k * 300 < H; k++) {
            const tS = k * 300
            const starting: MigrationStart[] = []
            for (const m of ms.filter((x) => x.at === k)) {
              // one migration per instance; the instance on host `from` moves `hop` hosts on
              if (ends.has(m.from) || starting.some((s) => s.vm === m.from)) continue
              starting.push({
                vm: m.from,
                fromHost: m.from,
                toHost: (m.from + m.hop) % 4,
                memoryMiB: m.memoryMiB,
              })
              view.vmInMig[m.from] = 1
            }
            const { startGbps, retimed } = run.advance(tS, view, starting)
            starting.forEach((s, i) => {
              const rate = startGbps[i] as number
              expect(rate).toBeGreaterThan(0)
              ends.set(s.vm, {
                startS: tS,
                endS: tS + copyS(s.memoryMiB, rate),
                memoryMiB: s.memoryMiB,
              })
            })
            for (const t of retimed) (ends.get(t.vm) as { endS: number }).endS = t.endS
          }
          const net = run.finish(H)
          let memoryGB = 0
          let capacityGB = 0
          let allCopied = true
          for (const e of ends.values()) {
            memoryGB += gbOf(e.memoryMiB)
            capacityGB += (10 * (Math.min(e.endS, H) - e.startS)) / 8
            if (e.endS > H) allCopied = false
          }
          expect(net.migrationGB).toBeLessThanOrEqual(memoryGB + 1e-5)
          expect(net.migrationGB).toBeLessThanOrEqual(capacityGB + 1e-5)
          if (allCopied) expect(net.migrationGB).toBeCloseTo(memoryGB, 5)
          for (const l of net.links) expect(l.saturatedS ?? 0).toBeLessThanOrEqual(H)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('the sample: migration GB = Σ memory of the migrated instances (MiB × 2^20 / 10^9)', () => {
    const file = resolve(__dirname, '../../../../resources/samples/two-hall.strata.json')
    const design = designSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    const r = simulate(design, { hostSeries: false })
    const memoryOf = new Map(design.workloads.map((w) => [w.id, w.memoryMiB]))
    const workloadOf = new Map(r.instances.map((i) => [i.instanceId, i.workloadId]))
    const mib = r.migrations.reduce(
      (s, m) => s + (memoryOf.get(workloadOf.get(m.instanceId) ?? '') ?? NaN),
      0,
    )
    expect(r.migrations.length).toBeGreaterThan(0)
    expect(r.migrations.every((m) => m.endS < r.summary.horizonS)).toBe(true)
    expect(r.network?.migrationGB).toBeCloseTo(gbOf(mib), 5)
  })
})
