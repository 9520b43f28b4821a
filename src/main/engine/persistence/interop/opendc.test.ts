import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design, Host } from '../../../../shared/design/schema'
import { checkIntegrity } from '../../model/validate'
import { exportOpenDcTopology } from './opendc-export'
import { importOpenDcTopology } from './opendc-import'

const root = join(__dirname, '../../../../../test/fixtures')
const json = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'))

function imported(input: unknown) {
  const r = importOpenDcTopology(input)
  if (!r.ok) throw new Error(r.message + JSON.stringify(r.problems))
  return r
}

const specs = (d: Design) => {
  const rack = new Map(d.racks.map((r) => [r.id, r.name]))
  return d.hosts.map((h) => [
    h.name,
    h.rackId && rack.get(h.rackId),
    h.sockets,
    h.coresPerSocket,
    h.mipsPerCore,
    h.memoryMiB,
    h.powerCurveW,
  ])
}
const byName = (d: Design, name: string): Host => {
  const h = d.hosts.find((x) => x.name === name)
  if (!h) throw new Error(`no host ${name}`)
  return h
}
const messages = (ws: ReadonlyArray<{ message: string }>) => ws.map((w) => w.message).join('\n')
const at = (k: number) => k / 10

describe('OpenDC topology import: real files from OpenDC (commit 691036d)', () => {
  it('battery.json: mse, asymptotic (no DVFS) and constant models with their parameters', () => {
    const r = imported(json('opendc/battery.json'))
    const d = r.design
    expect(d.racks.map((x) => x.name)).toEqual(['BatteryCluster'])
    for (const h of d.hosts)
      expect(h).toMatchObject({
        sockets: 1,
        coresPerSocket: 8,
        mipsPerCore: 2100,
        memoryMiB: 100000,
      })
    // mse: idle + (max - idle) * (2u - u^1.5), idle 32 W, max 180 W.
    const mse = byName(d, 'MseHost').powerCurveW
    for (let k = 0; k <= 10; k++)
      expect(mse[k]).toBeCloseTo(32 + 148 * (2 * at(k) - at(k) ** 1.5), 2)
    expect(mse[5]).toBeCloseTo(127.674, 2)
    // asymptotic without DVFS: idle + (max - idle)/2 * (1 + u - e^(-u/0.7)).
    const asym = byName(d, 'AsymptoticHost').powerCurveW
    expect(asym[0]).toBe(32)
    expect(asym[10]).toBeCloseTo(32 + 74 * (2 - Math.exp(-1 / 0.7)), 2)
    expect(asym[10]).toBeCloseTo(162.266, 2)
    expect(byName(d, 'ConstantHost').powerCurveW).toEqual(Array(11).fill(350))
    const w = messages(r.warnings)
    expect(w).toContain('"powerSource"')
    expect(w).toContain('"battery"')
    // the model is kept as its 11-point curve, so the warning says approximated, not dropped
    expect(w).toMatch(
      /"mse power model".*is approximated in Strata: kept as .*interpolated linearly/,
    )
    expect(w).not.toMatch(/power model"[^\n]*dropped/)
    // OpenDC has no disks: the import says what 0 GiB means for placement (s11u #10)
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        path: 'clusters',
        message: expect.stringMatching(/describe no disks: the \d+ imported host\(s\) have 0 GiB/),
      }),
    )
  })

  it('accelerated.json: host and CPU counts, square model, GPUs named, bytes read as bytes', () => {
    const r = imported(json('opendc/accelerated.json'))
    const d = r.design
    const constant = d.hosts.filter((h) => h.name.startsWith('ConstantOverheadHost'))
    expect(constant.map((h) => h.name)).toEqual([
      'ConstantOverheadHost-1',
      'ConstantOverheadHost-2',
    ])
    // 140457600000 bytes / 2^20 = 133950.8 MiB.
    expect(constant[0]).toMatchObject({
      sockets: 2,
      coresPerSocket: 4,
      mipsPerCore: 2000,
      memoryMiB: 133951,
    })
    const square = byName(d, 'UnsetOverheadHost').powerCurveW
    for (let k = 0; k <= 10; k++) expect(square[k]).toBeCloseTo(100 + 100 * at(k) ** 2, 3)
    const w = messages(r.warnings)
    expect(w).toContain('"gpu"')
    expect(w).toContain('"gpuPowerModel"')
    expect(w).toContain('"memory.memorySpeed"')
    expect(w).toMatch(/140457600000 .*read as bytes/)
  })

  it('topology_asymptotic2.json: 277 hosts, asymptotic with DVFS, 128000000 bytes', () => {
    const d = imported(json('opendc/topology_asymptotic2.json')).design
    expect(d.hosts).toHaveLength(277)
    // 128000000 bytes / 2^20 = 122.07 MiB.
    expect(d.hosts[276]).toMatchObject({ name: 'A01-277', coresPerSocket: 16, memoryMiB: 122 })
    const curve = d.hosts[0]?.powerCurveW ?? []
    // idle + (max - idle)/2 * (1 + u^3 - e^(-u^3/0.3)).
    for (let k = 0; k <= 10; k++)
      expect(curve[k]).toBeCloseTo(32 + 74 * (1 + at(k) ** 3 - Math.exp(-(at(k) ** 3) / 0.3)), 2)
    expect(curve[10]).toBeCloseTo(177.36, 2)
  })

  it('solvinity.json: memory written as "… bytes"', () => {
    const d = imported(json('opendc/solvinity.json')).design
    expect(d.racks).toHaveLength(23)
    expect(d.hosts).toHaveLength(76)
    const tally = new Map<string, number>()
    for (const h of d.hosts) {
      const key = `${h.coresPerSocket}x${h.mipsPerCore} ${h.memoryMiB}`
      tally.set(key, (tally.get(key) ?? 0) + 1)
    }
    // 1 TiB = 1048576 MiB, 384 GiB = 393216, 2 TiB = 2097152, 768 GiB = 786432,
    // 512 GiB = 524288, 128 GiB = 131072, 64 GiB = 65536.
    expect(Object.fromEntries(tally)).toEqual({
      '64x2900 1048576': 32,
      '14x3200 393216': 12,
      '64x3600 2097152': 8,
      '64x2900 786432': 7,
      '16x3200 393216': 5,
      '64x2900 524288': 4,
      '32x3600 131072': 2,
      '24x3200 786432': 2,
      '48x3000 65536': 2,
      '64x3200 1048576': 1,
      '8x3800 524288': 1,
    })
  })

  it('surfsara_sqrt_AT.json (SDK form): "2.1 GHz", "100000 MiB", sqrt in "Watts"', () => {
    const d = imported(json('opendc/surfsara_sqrt_AT.json')).design
    expect(d.hosts).toHaveLength(277)
    expect(d.hosts[0]).toMatchObject({ coresPerSocket: 16, mipsPerCore: 2100, memoryMiB: 100000 })
    const curve = d.hosts[0]?.powerCurveW ?? []
    for (let k = 0; k <= 10; k++) expect(curve[k]).toBeCloseTo(32 + 148 * Math.sqrt(at(k)), 3)
  })

  it('inline-topology-trace-workload.json: a scenario with its topology, "GiB", "kWatts"', () => {
    const r = imported(json('opendc/inline-topology-trace-workload.json'))
    const d = r.design
    expect(d.hosts).toHaveLength(10)
    expect(byName(d, 'cpu-host-8')).toMatchObject({
      sockets: 2,
      coresPerSocket: 32,
      mipsPerCore: 3200,
      memoryMiB: 128 * 1024,
      powerCurveW: [120, 148, 176, 204, 232, 260, 288, 316, 344, 372, 400],
    })
    const gpuHost = byName(d, 'gpu-host-2')
    expect(gpuHost).toMatchObject({
      sockets: 2,
      coresPerSocket: 64,
      mipsPerCore: 2600,
      memoryMiB: 256 * 1024,
    })
    for (let k = 0; k <= 10; k++)
      expect(gpuHost.powerCurveW[k]).toBeCloseTo(150 + 350 * at(k) ** 2, 3)
    expect(messages(r.warnings)).toContain('"memory.speed"')
  })
})

describe('OpenDC topology import: reported cases and rules', () => {
  it('units-watts-ghz-gib: 1 host, 8 cores x 3000 MIPS, 16384 MiB, linear 80 -> 300 W', () => {
    const d = imported(json('cases/opendc/units-watts-ghz-gib.json')).design
    expect(d.hosts).toHaveLength(1)
    expect(d.hosts[0]).toMatchObject({
      sockets: 1,
      coresPerSocket: 8,
      mipsPerCore: 3000,
      memoryMiB: 16384,
      powerCurveW: [80, 102, 124, 146, 168, 190, 212, 234, 256, 278, 300],
    })
  })

  it('a bare memory number is MiB, as OpenDC reads it; from 64 TiB up it is bytes, warned', () => {
    const host = (memorySize: unknown) => ({
      clusters: [{ hosts: [{ cpu: { coreCount: 1, coreSpeed: 1000 }, memory: { memorySize } }] }],
    })
    const mib = imported(host(65536))
    expect(mib.design.hosts[0]?.memoryMiB).toBe(65536)
    // (besides the one about disks, which every OpenDC import has)
    expect(mib.warnings.filter((w) => w.path !== 'clusters')).toEqual([])
    const bytes = imported(host(274877906944))
    expect(bytes.design.hosts[0]?.memoryMiB).toBe(262144)
    expect(bytes.warnings[0]?.path).toBe('clusters[0].hosts[0].memory.memorySize')
  })

  it("an experiment's topologies list: the first is imported, the others named in a warning", () => {
    const topology = (coreCount: number) => ({
      clusters: [
        { hosts: [{ cpu: { coreCount, coreSpeed: '2 GHz' }, memory: { size: '8 GiB' } }] },
      ],
    })
    const r = imported({ name: 'exp', topologies: [topology(4), topology(8)] })
    expect(r.design.hosts.map((h) => [h.coresPerSocket, h.mipsPerCore, h.memoryMiB])).toEqual([
      [4, 2000, 8192],
    ])
    expect(r.warnings[0]).toMatchObject({
      path: 'topologies',
      message: expect.stringContaining('2 topologies'),
    })
  })

  it('older fixture: clusters as racks, host counts, units and the bytes rule', () => {
    const d = imported(json('files/opendc-topology.json')).design
    expect(d.racks.map((r) => r.name)).toEqual(['C01', 'EDGE-1', 'EDGE-2'])
    // the EDGE cluster has count 2: each copy's host is named after its rack (s11u #9)
    expect(d.hosts.map((h) => h.name)).toEqual([
      'H01-1',
      'H01-2',
      'H01-3',
      'BIG',
      'EDGE-1-E',
      'EDGE-2-E',
    ])
    expect(d.hosts[3]).toMatchObject({
      sockets: 2,
      coresPerSocket: 64,
      mipsPerCore: 2400,
      memoryMiB: 1024 * 1024,
    })
    expect(d.hosts[0]?.memoryMiB).toBe(256 * 1024)
    expect(d.hosts[4]?.memoryMiB).toBe(32 * 1024)
    expect(checkIntegrity(d).problems).toEqual([])
  })

  it('refuses what OpenDC refuses, naming the JSON path', () => {
    const r = importOpenDcTopology({
      clusters: [
        { hosts: [{ cpu: { coreCount: 'many', coreSpeed: 'fast' }, memory: {} }] },
        { hosts: [{ cpu: { coreCount: 0, coreSpeed: '3.0 GHz' }, memory: { size: '1 GiB' } }] },
        {
          hosts: [
            {
              cpu: { coreCount: 1, coreSpeed: '1 GHz' },
              memory: { size: '1 GIB' },
              cpuPowerModel: { modelType: 'wavy', idlePower: 1, maxPower: 2 },
            },
            {
              cpu: { coreCount: 1, coreSpeed: 1 },
              memory: { size: 1 },
              cpuPowerModel: { type: 'linear', idlePower: '300 W', maxPower: '100 W' },
            },
            { importFrom: 'hosts/big-host.json', count: 4 },
          ],
        },
      ],
    })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems.map((p) => p.path)).toEqual([
        'clusters[0].hosts[0].cpu.coreCount',
        'clusters[0].hosts[0].cpu.coreSpeed',
        'clusters[0].hosts[0].memory.size',
        'clusters[1].hosts[0].cpu.coreCount',
        'clusters[2].hosts[0].memory.size',
        'clusters[2].hosts[0].cpuPowerModel.modelType',
        'clusters[2].hosts[1].cpuPowerModel.maxPower',
        'clusters[2].hosts[2].importFrom',
      ])
    expect(importOpenDcTopology([1]).ok).toBe(false)
  })
})

describe('OpenDC topology export', () => {
  const design = (path: string) => checkIntegrity(json(path)).design as Design

  it('export-memory: a 262144 MiB host is written with its unit, read by OpenDC as 262144 MiB', () => {
    const out = exportOpenDcTopology(design('cases/opendc/export-memory.strata.json'))
    const host = (
      JSON.parse(out.contents) as {
        clusters: Array<{ hosts: Array<Record<string, Record<string, unknown>>> }>
      }
    ).clusters[0]?.hosts[0]
    // "MiB" is OpenDC's mebi prefix + bytes: 262144 MiB exactly; "MHz" its megahertz.
    expect(host?.memory).toEqual({ memorySize: '262144 MiB' })
    expect(host?.cpu).toEqual({ count: 2, coreCount: 16, coreSpeed: '2600 MHz' })
    expect(host?.cpuPowerModel).toEqual({
      modelType: 'linear',
      idlePower: '112 W',
      maxPower: '381 W',
    })
    const sdk = JSON.parse(
      exportOpenDcTopology(design('cases/opendc/export-memory.strata.json'), { schema: 'sdk' })
        .contents,
    ) as typeof out
    expect(JSON.stringify(sdk)).toContain('"size":"262144 MiB"')
    expect(JSON.stringify(sdk)).toContain('"type":"linear"')
  })

  it('gives every host a name of its own, whatever the cluster and host counts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 3 }),
            hosts: fc.array(
              fc.record({
                name: fc.constantFrom('E', 'E-1', 'A'),
                count: fc.integer({ min: 1, max: 3 }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (clusters) => {
          const input = {
            clusters: clusters.map((c) => ({
              name: 'C',
              count: c.count,
              hosts: c.hosts.map((h) => ({
                ...h,
                cpu: { coreCount: 4, coreSpeed: 2000 },
                memory: { memorySize: '8 GiB' },
              })),
            })),
          }
          const d = imported(input).design
          // as many hosts as the counts say: sum over clusters of copies x sum of host counts
          const expected = clusters.reduce(
            (n, c) => n + c.count * c.hosts.reduce((m, h) => m + h.count, 0),
            0,
          )
          expect(d.hosts).toHaveLength(expected)
          expect(new Set(d.hosts.map((h) => h.name)).size).toBe(d.hosts.length)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('names what OpenDC cannot carry', () => {
    const out = exportOpenDcTopology(design('files/v1-two-hall.strata.json'))
    const w = messages(out.warnings)
    expect(w).toContain('workloads')
    expect(w).toContain('switches')
    expect(w).toMatch(/no disk, NIC, virtualization/)
    expect(w).toMatch(/matches no OpenDC model; exported as linear/)
  })

  it('round-trips OpenDC -> Strata -> OpenDC -> Strata unchanged, for every real file', () => {
    for (const file of [
      'battery',
      'accelerated',
      'surfsara_sqrt_AT',
      'inline-topology-trace-workload',
    ]) {
      const first = imported(json(`opendc/${file}.json`)).design
      const out = exportOpenDcTopology(first)
      const second = imported(JSON.parse(out.contents)).design
      if (file === 'battery') {
        // mse and asymptotic have no exact Strata curve: their idle and max survive.
        expect(specs(second).map((s) => s.slice(0, 6))).toEqual(
          specs(first).map((s) => s.slice(0, 6)),
        )
      } else expect(specs(second)).toEqual(specs(first))
    }
  })

  it('round-trips Strata -> OpenDC -> Strata: racks, CPU, memory, and curves OpenDC can model', () => {
    const sample = design('files/v1-two-hall.strata.json')
    const back = imported(JSON.parse(exportOpenDcTopology(sample).contents)).design
    const cpuMem = (d: Design) =>
      specs(d)
        .map((s) => s.slice(0, 6))
        .sort()
    expect(cpuMem(back)).toEqual(cpuMem(sample))
    const curves = (d: Design) => d.hosts.map((h) => [h.powerCurveW[0], h.powerCurveW[10]])
    expect(curves(back)).toEqual(curves(sample))
    const shaped = {
      ...sample,
      hosts: sample.hosts.map((h, i) => ({
        ...h,
        powerCurveW:
          i % 2
            ? [...h.powerCurveW].fill(90)
            : h.powerCurveW.map((_, k) => Math.round((100 + 200 * at(k) ** 3) * 1000) / 1000),
      })),
    }
    const again = imported(JSON.parse(exportOpenDcTopology(shaped).contents)).design
    expect(again.hosts.map((h) => h.powerCurveW)).toEqual(shaped.hosts.map((h) => h.powerCurveW))
  })
})

describe('OpenDC round trip (property)', () => {
  it('keeps sockets, cores, MIPS, memory and a modelled power curve of any host', () => {
    const sample = checkIntegrity(json('files/v1-two-hall.strata.json')).design as Design
    const base = sample.hosts[0] as Host
    fc.assert(
      fc.property(
        fc.record({
          sockets: fc.integer({ min: 1, max: 8 }),
          cores: fc.integer({ min: 1, max: 256 }),
          mips: fc.integer({ min: 1, max: 10_000 }),
          memoryMiB: fc.integer({ min: 1, max: 64 * 1024 * 1024 }),
          idleW: fc.integer({ min: 0, max: 2000 }),
          spanW: fc.integer({ min: 0, max: 2000 }),
          shape: fc.constantFrom('linear', 'sqrt', 'square', 'cubic' as const),
        }),
        (h) => {
          const f = {
            linear: (u: number) => u,
            sqrt: Math.sqrt,
            square: (u: number) => u * u,
            cubic: (u: number) => u ** 3,
          }[h.shape]
          const curve = Array.from(
            { length: 11 },
            (_, k) => Math.round((h.idleW + h.spanW * f(at(k))) * 1000) / 1000,
          )
          const host: Host = {
            ...base,
            sockets: h.sockets,
            coresPerSocket: h.cores,
            mipsPerCore: h.mips,
            memoryMiB: h.memoryMiB,
            powerCurveW: curve,
          }
          const design = {
            ...sample,
            hosts: [host],
            workloads: [],
            traces: [],
            tenants: [],
            links: [],
          }
          const back = imported(JSON.parse(exportOpenDcTopology(design).contents)).design.hosts[0]
          expect(back).toMatchObject({
            sockets: h.sockets,
            coresPerSocket: h.cores,
            mipsPerCore: h.mips,
            memoryMiB: h.memoryMiB,
          })
          back?.powerCurveW.forEach((w, k) => expect(w).toBeCloseTo(curve[k] ?? NaN, 2))
        },
      ),
      { numRuns: 200 },
    )
  })
})
