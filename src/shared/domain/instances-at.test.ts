/**
 * The replay of a run's placement by hand (review s9u A2). Two tenants, three hosts:
 * a1, a2 (tenant a) start on h1, b1 (tenant b) on h2. a1 migrates h1 -> h3 from 300 s to 310 s;
 * h2 fails at 600 s and b1 restarts on h1 at 660 s. Expected, by the counting rule (a migrating
 * instance on both hosts during its copy; an instance of a failed host on no host until it
 * restarts):
 * - 0 s: h1 {a: 2}, h2 {b: 1};
 * - 305 s: h1 {a: 2}, h2 {b: 1}, h3 {a: 1} (a1 on both);
 * - 310 s: h1 {a: 1}, h2 {b: 1}, h3 {a: 1};
 * - 630 s: h1 {a: 1}, h3 {a: 1};
 * - 660 s: h1 {a: 1, b: 1}, h3 {a: 1}.
 */
import { describe, expect, it } from 'vitest'
import { InstancesOverTime, replayInputOfResult } from './instances-at'
import type { InstanceRecord, SimulationResult } from './simulation-result'

function instance(instanceId: string, tenantId: string, initialHostId: string): InstanceRecord {
  return {
    instanceId,
    workloadId: instanceId.split('#')[0] as string,
    tenantId,
    initialHostId,
    status: 'running',
    migrations: 0,
    downtimeS: 0,
    availabilityPercent: 100,
    requestedCpuMi: 0,
    allocatedCpuMi: 0,
    interferenceLostMi: 0,
  }
}

function run(over: Partial<SimulationResult> = {}): SimulationResult {
  return {
    instances: [instance('a#0', 'a', 'h1'), instance('a#1', 'a', 'h1'), instance('b#0', 'b', 'h2')],
    migrations: [
      {
        instanceId: 'a#0',
        fromHostId: 'h1',
        toHostId: 'h3',
        startS: 300,
        endS: 310,
        reason: 'underload',
      },
    ],
    migrationsTruncated: false,
    failures: [
      {
        hostId: 'h2',
        atS: 600,
        repairedAtS: 900,
        instances: [{ instanceId: 'b#0', restartedOnHostId: 'h1', restartedAtS: 660 }],
      },
    ],
    ...over,
  } as SimulationResult
}

const plain = (m: ReadonlyMap<string, ReadonlyArray<{ tenantId: string; count: number }>>) =>
  Object.fromEntries(
    [...m].map(([h, l]) => [h, Object.fromEntries(l.map((x) => [x.tenantId, x.count]))]),
  )

describe('instances on hosts over a run', () => {
  const expected: Array<[number, Record<string, Record<string, number>>]> = [
    [0, { h1: { a: 2 }, h2: { b: 1 } }],
    [305, { h1: { a: 2 }, h2: { b: 1 }, h3: { a: 1 } }],
    [310, { h1: { a: 1 }, h2: { b: 1 }, h3: { a: 1 } }],
    [630, { h1: { a: 1 }, h3: { a: 1 } }],
    [660, { h1: { a: 1, b: 1 }, h3: { a: 1 } }],
  ]

  it('moving forward, by hand', () => {
    const replay = InstancesOverTime.of(replayInputOfResult(run())) as InstancesOverTime
    for (const [t, want] of expected) expect(plain(replay.at(t)), `${t} s`).toEqual(want)
  })

  it('the same answers in any order of times (moving back replays from the start)', () => {
    const replay = InstancesOverTime.of(replayInputOfResult(run())) as InstancesOverTime
    for (const [t, want] of [...expected].reverse())
      expect(plain(replay.at(t)), `${t} s`).toEqual(want)
    expect(plain(replay.at(305))).toEqual(expected[1]?.[1])
  })

  it('in slices: the same answers, a step per slice of cells, even if moved between steps', () => {
    const replay = InstancesOverTime.of(replayInputOfResult(run())) as InstancesOverTime
    // 3 hosts × 2 tenants = 6 cells; a slice of 2 cells is one host: a step before hosts 1 and 2
    for (const [t, want] of expected) {
      const steps = replay.atSteps(t, 2)
      let yields = 0
      let step = steps.next()
      while (!step.done) {
        yields++
        // another time read between two steps (a newer frame): this one still reads at t
        replay.at(t === 0 ? 660 : 0)
        step = steps.next()
      }
      expect({ yields, at: plain(step.value) }, `${t} s`).toEqual({ yields: 2, at: want })
    }
  })

  it('instances inside instances ride with the one on the host, at its instants', () => {
    // pod p#0 runs in a#0, q#0 in p#0 (two levels), r#0 in b#0; each counts where the
    // instance on the host under it counts: with a#0 on both h1 and h3 during its copy, with
    // b#0 on no host from h2's failure to its restart on h1. `direct` counts the hosts' own.
    const nested = [
      { ...instance('p#0', 'a', 'h1'), outerInstanceId: 'a#0' },
      { ...instance('q#0', 'a', 'h1'), outerInstanceId: 'p#0' },
      { ...instance('r#0', 'b', 'h2'), outerInstanceId: 'b#0' },
    ]
    const replay = InstancesOverTime.of(
      replayInputOfResult(run({ instances: [...run().instances, ...nested] })),
    ) as InstancesOverTime
    const withPods: Array<[number, Record<string, Record<string, number>>]> = [
      [0, { h1: { a: 4 }, h2: { b: 2 } }],
      [305, { h1: { a: 4 }, h2: { b: 2 }, h3: { a: 3 } }],
      [310, { h1: { a: 1 }, h2: { b: 2 }, h3: { a: 3 } }],
      [630, { h1: { a: 1 }, h3: { a: 3 } }],
      [660, { h1: { a: 1, b: 2 }, h3: { a: 3 } }],
    ]
    for (const [t, want] of withPods) expect(plain(replay.at(t)), `${t} s`).toEqual(want)
    const direct: Array<[number, Record<string, number>]> = [
      [0, { h1: 2, h2: 1 }],
      [305, { h1: 2, h2: 1, h3: 1 }],
      [310, { h1: 1, h2: 1, h3: 1 }],
      [630, { h1: 1, h3: 1 }],
      [660, { h1: 2, h3: 1 }],
    ]
    for (const [t, want] of direct)
      expect(Object.fromEntries(replay.direct(t)), `${t} s`).toEqual(want)
  })

  it('no replay when it cannot be exact: migrations truncated, or an instance ended early', () => {
    expect(
      InstancesOverTime.of(replayInputOfResult(run({ migrationsTruncated: true }))),
    ).toBeUndefined()
    const ended = { ...instance('c#0', 'a', 'h2'), status: 'finished' as const }
    expect(
      InstancesOverTime.of(replayInputOfResult(run({ instances: [...run().instances, ended] }))),
    ).toBeUndefined()
  })
})
