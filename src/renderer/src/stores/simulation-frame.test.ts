/**
 * A finished run's canvas frame (issue 19): built in slices it is the frame built in one go;
 * patched for the series fetched on demand it is the frame built again from scratch; and a
 * hand-worked frame of a run that kept only rack means.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { SimulationResult } from '../../../shared/contract'
import { InstancesOverTime } from '../../../shared/domain/instances-at'
import {
  patchFrame,
  resultFrame,
  resultFrameSliced,
  type FrameInput,
  type SimulationFrame,
} from './simulation-frame'
import { patched, withFrame } from './canvas-overlay'
import type { OnDemandSeries } from './simulation-host-series'
import type { HostOverlay } from '../drawing/host-overlay'
import { instancesAt } from './simulation-instances'

/** A run of `hosts` in racks of 3: per-host series kept or only rack means. */
function run(
  u: number[][],
  n: number[][],
  keptHosts: boolean,
  failures: SimulationResult['failures'] = [],
): SimulationResult {
  const samples = u[0]?.length ?? 0
  const hostIds = u.map((_, h) => `h${h}`)
  const racks = new Map<string, number[]>()
  u.forEach((xs, h) => {
    const id = `r${Math.floor(h / 3)}`
    const sums = racks.get(id) ?? Array.from({ length: samples }, () => 0)
    xs.forEach((x, i) => (sums[i] = (sums[i] as number) + x / 3))
    racks.set(id, sums)
  })
  return {
    series: {
      timesS: Array.from({ length: samples }, (_, i) => (i + 1) * 300),
      hosts: keptHosts
        ? hostIds.map((hostId, h) => ({ hostId, utilization: u[h], instances: n[h] }))
        : [],
      racks: keptHosts
        ? undefined
        : [...racks].map(([rackId, utilization]) => ({ rackId, utilization })),
    },
    failures,
    migrations: [],
  } as unknown as SimulationResult
}

const designHosts = (count: number): FrameInput['designHosts'] =>
  Array.from({ length: count }, (_, h) => ({ id: `h${h}`, rackId: `r${Math.floor(h / 3)}` }))

/**
 * The replay of instances that never move: `n[h][0]` instances on each host, of tenants t0 and
 * t1 in turn (`extra` more on host h0: the replay then disagrees with h0's own series).
 */
const staticReplay = (n: number[][], extra = 0): InstancesOverTime | undefined =>
  InstancesOverTime.of({
    start: n.flatMap((xs, h) =>
      Array.from({ length: (xs[0] ?? 0) + (h === 0 ? extra : 0) }, (_, k) => ({
        instanceId: `i${h}.${k}`,
        tenantId: `t${k % 2}`,
        hostId: `h${h}`,
      })),
    ),
    migrations: [],
    failures: [],
    migrationsTruncated: false,
  })

const colours: ReadonlyMap<string, string> = new Map([
  ['t0', '#123456'],
  ['t1', '#abcdef'],
])
const withoutPatch = (f: SimulationFrame | undefined): unknown =>
  f && { ...f, hosts: [...f.hosts].sort(([a], [b]) => a.localeCompare(b)), patch: undefined }

/** Hosts' series (utilization and instances constant over time, so the replay agrees). */
const arbRun = fc
  .record({
    hosts: fc.integer({ min: 1, max: 12 }),
    samples: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3)), {
      minLength: 12,
      maxLength: 12,
    }),
    kept: fc.boolean(),
    replayed: fc.boolean(),
    fetchedA: fc.array(fc.nat(11)),
    fetchedB: fc.array(fc.nat(11)),
    index: fc.nat(3),
  })
  .map((x) => {
    const u = Array.from({ length: x.hosts }, (_, h) =>
      Array.from({ length: x.samples }, () => x.seed[h]?.[0] ?? 0),
    )
    const n = Array.from({ length: x.hosts }, (_, h) =>
      Array.from({ length: x.samples }, () => x.seed[h]?.[1] ?? 0),
    )
    const series = (ids: number[]): ReadonlyMap<string, OnDemandSeries> =>
      new Map(
        ids
          .filter((h) => h < x.hosts)
          .map((h) => [`h${h}`, { utilization: u[h] as number[], instances: n[h] as number[] }]),
      )
    return { ...x, u, n, onDemandA: series(x.fetchedA), onDemandB: series(x.fetchedB) }
  })

describe('the frame of a finished run', () => {
  it('is the same built in slices as in one go', async () => {
    await fc.assert(
      fc.asyncProperty(arbRun, fc.integer({ min: 1, max: 5 }), async (x, slice) => {
        const input: FrameInput = {
          result: run(x.u, x.n, x.kept),
          index: x.index % x.samples,
          onDemand: x.onDemandA,
          replay: x.replayed ? staticReplay(x.n) : undefined,
          designHosts: designHosts(x.hosts),
          colours,
        }
        const sliced = await resultFrameSliced(input, () => true, slice)
        expect(withoutPatch(sliced)).toEqual(withoutPatch(resultFrame(input)))
      }),
    )
  })

  it("shows the replayed instances as instancesAt does: on every host, or on none when a host's series disagrees", () => {
    fc.assert(
      fc.property(arbRun, fc.boolean(), (x, disagree) => {
        const replay = staticReplay(x.n, disagree ? 1 : 0)
        const input: FrameInput = {
          result: run(x.u, x.n, x.kept),
          index: x.index % x.samples,
          onDemand: x.onDemandA,
          replay,
          designHosts: designHosts(x.hosts),
          colours,
        }
        const frame = resultFrame(input)
        // the counts the frame checks: every host's own series at the sample
        const counted = new Map<string, number>()
        for (let h = 0; h < x.hosts; h++)
          if (x.kept || input.onDemand.has(`h${h}`)) counted.set(`h${h}`, x.n[h]?.[0] ?? 0)
        const timeS = input.result.series.timesS[input.index] as number
        const expected = replay && instancesAt(replay, timeS, counted, colours)
        for (const [hostId, f] of frame.hosts)
          expect(f.instances).toEqual(expected ? (expected.get(hostId) ?? []) : undefined)
      }),
    )
  })

  it('patched for the series fetched on demand is the frame built again, and so is its overlay', () => {
    fc.assert(
      fc.property(arbRun, (x) => {
        const was: FrameInput = {
          result: run(x.u, x.n, false),
          index: x.index % x.samples,
          onDemand: x.onDemandA,
          replay: x.replayed ? staticReplay(x.n) : undefined,
          designHosts: designHosts(x.hosts),
          colours,
        }
        const now: FrameInput = { ...was, onDemand: x.onDemandB }
        const before = resultFrame(was)
        const after = patchFrame(before, was, now)
        if (!after) throw new Error('not patched')
        expect(withoutPatch(after)).toEqual(withoutPatch(resultFrame(now)))
        expect(after.patch?.base).toBe(before)
        // the overlay patched from the one shown is the overlay merged again
        const placed = new Map<string, HostOverlay>(
          x.n.map((xs, h) => [
            `h${h}`,
            { instances: [{ tenantId: 't0', colour: '#000', count: xs[0] ?? 0 }] },
          ]),
        )
        const sorted = (m: ReadonlyMap<string, HostOverlay>): unknown =>
          [...m].sort(([a], [b]) => a.localeCompare(b))
        expect(sorted(patched(withFrame(placed, before.hosts), placed, after))).toEqual(
          sorted(withFrame(placed, after.hosts)),
        )
      }),
    )
  })

  it('is not patched for another sample, and a patched frame does not keep its own base', () => {
    const u = [
      [0.2, 0.4],
      [0.6, 0.8],
      [0, 0],
    ]
    const n = [
      [1, 1],
      [2, 2],
      [0, 0],
    ]
    const was: FrameInput = {
      result: run(u, n, false),
      index: 0,
      onDemand: new Map(),
      replay: undefined,
      designHosts: designHosts(3),
      colours,
    }
    const first = resultFrame(was)
    expect(patchFrame(first, was, { ...was, index: 1 })).toBeUndefined()
    const fetched = new Map([
      ['h1', { utilization: u[1] as number[], instances: n[1] as number[] }],
    ])
    const second = patchFrame(first, was, { ...was, onDemand: fetched })
    const third = second && patchFrame(second, { ...was, onDemand: fetched }, was)
    expect(third?.patch?.base).toBe(second)
    expect(second?.patch).toBeUndefined()
  })

  it('shows each host its own series where fetched, else its rack mean, and the failed ones', () => {
    // rack r0 = h0, h1, h2 at sample 1: (0.4 + 0.8 + 0) / 3 = 0.4; h1 fetched: its own 0.8
    const u = [
      [0.2, 0.4],
      [0.6, 0.8],
      [0, 0],
    ]
    const n = [
      [1, 1],
      [2, 2],
      [0, 0],
    ]
    const frame = resultFrame({
      result: run(u, n, false, [
        { hostId: 'h2', atS: 300, repairedAtS: 900 } as SimulationResult['failures'][number],
      ]),
      index: 1,
      onDemand: new Map([['h1', { utilization: u[1] as number[], instances: n[1] as number[] }]]),
      replay: undefined,
      designHosts: designHosts(3),
      colours,
    })
    expect(frame.timeS).toBe(600)
    expect(frame.hosts.get('h0')).toEqual({
      utilization: 0.4,
      failed: false,
      off: false,
      rackMean: true,
    })
    expect(frame.hosts.get('h1')).toEqual({ utilization: 0.8, failed: false, off: false })
    expect(frame.hosts.get('h2')?.failed).toBe(true)
    expect(frame.hosts.get('h2')?.utilization).toBeCloseTo(0.4, 12)
  })
})
