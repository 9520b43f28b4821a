/**
 * `MemoryRoom.cannotHoldAll` (Hall's condition on memory, issue 15) against an independent
 * oracle: a backtracking search over every assignment of the instances to the candidate hosts
 * (each host's memory in use plus the costs placed on it at most its memory, as `isSuitable`
 * checks one placement at a time). Whenever the bound says the instances cannot all be held,
 * no assignment exists. Hosts come in two virtualization groups with different memory
 * overheads; some are excluded or down.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EffectiveOverheads } from '../virtualization/overheads'
import { MemoryRoom } from './memory-room'
import { memoryCostMiB, type SimState } from './state'

const GROUPS: EffectiveOverheads[] = [
  { memFixedMiB: 0, memPerVcpuMiB: 0, memPercent: 0, memExemptMiB: 0 } as EffectiveOverheads,
  {
    memFixedMiB: 256,
    memPerVcpuMiB: 64,
    memPercent: 2,
    memExemptMiB: 1024,
  } as EffectiveOverheads,
]

const scenario = fc.record({
  hosts: fc.array(
    fc.record({
      memoryMiB: fc.constantFrom(8192, 16_384, 32_768),
      usedMiB: fc.integer({ min: 0, max: 32_768 }),
      group: fc.integer({ min: 0, max: 1 }),
      excluded: fc.boolean(),
      down: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  instances: fc.array(
    fc.record({
      memoryMiB: fc.constantFrom(512, 1024, 2048, 4096, 8192, 12_288),
      pes: fc.constantFrom(1, 2, 4),
      instantiating: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  compat: fc.boolean(),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

/** The fields of a run state that `MemoryRoom` and `memoryCostMiB` read. */
function state(sc: Scenario): SimState {
  const hosts = sc.hosts.map((h) => ({ ...h, usedMiB: Math.min(h.usedMiB, h.memoryMiB) }))
  return {
    compat: sc.compat,
    hostCount: hosts.length,
    hostOverheads: hosts.map((h) => GROUPS[h.group]),
    hostMemMiB: Float64Array.from(hosts, (h) => h.memoryMiB),
    hostMemUsed: Float64Array.from(hosts, (h) => h.usedMiB),
    hostDown: Uint8Array.from(hosts, (h) => (h.down ? 1 : 0)),
    vmMemMiB: Float64Array.from(sc.instances, (v) => v.memoryMiB),
    vmPes: Int32Array.from(sc.instances, (v) => v.pes),
    vmInstantiating: Uint8Array.from(sc.instances, (v) => (v.instantiating ? 1 : 0)),
  } as unknown as SimState
}

/** Whether instances `vms` can all be placed on the candidate hosts by memory (exhaustive). */
function assignable(s: SimState, vms: number[], excluded: Uint8Array): boolean {
  const used = Array.from(s.hostMemUsed)
  const place = (i: number): boolean => {
    if (i === vms.length) return true
    const v = vms[i] as number
    const binds = !s.compat || s.vmInstantiating[v] === 1
    for (let h = 0; h < s.hostCount; h++) {
      if (excluded[h] === 1 || s.hostDown[h] === 1) continue
      const cost = binds ? memoryCostMiB(s, v, h) : 0
      if ((used[h] as number) + cost > (s.hostMemMiB[h] as number)) continue
      used[h] = (used[h] as number) + cost
      const ok = place(i + 1)
      used[h] = (used[h] as number) - cost
      if (ok) return true
    }
    return false
  }
  return place(0)
}

describe('MemoryRoom.cannotHoldAll (Hall on memory)', () => {
  it('says instances cannot be held only when no assignment of them fits', () => {
    const seen = { infeasible: 0, caught: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const s = state(sc)
        const excluded = Uint8Array.from(sc.hosts, (h) => (h.excluded ? 1 : 0))
        const room = new MemoryRoom(s)
        room.reset(excluded)
        const vms = sc.instances.map((_, i) => i)
        const doomed = room.cannotHoldAll(Int32Array.from(vms), vms.length)
        const fits = assignable(s, vms, excluded)
        if (!fits) seen.infeasible++
        if (doomed) {
          seen.caught++
          expect(fits).toBe(false)
        }
      }),
      { numRuns: 2000, seed: 15 },
    )
    // Not vacuous: the bound catches most infeasible sets here.
    expect(seen.caught).toBeGreaterThan(seen.infeasible / 2)
    console.info(`cannotHoldAll caught ${seen.caught} of ${seen.infeasible} infeasible sets`)
  })

  it('keeps up with rooms that change and hosts that leave', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { maxLength: 6 }), (sc, changes) => {
        const s = state(sc)
        const excluded = new Uint8Array(s.hostCount)
        const room = new MemoryRoom(s)
        room.reset(excluded)
        for (const c of changes) {
          const h = c % s.hostCount
          if (c % 3 === 0) excluded[h] = 1
          else
            s.hostMemUsed[h] = Math.min(
              s.hostMemMiB[h] as number,
              (s.hostMemUsed[h] as number) + 1024 * (c % 5),
            )
          room.changed(h)
        }
        const vms = sc.instances.map((_, i) => i)
        if (room.cannotHoldAll(Int32Array.from(vms), vms.length))
          expect(assignable(s, vms, excluded)).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('keeps slot counts equal to a recount, and says "cannot" by them only when the walk does', () => {
    let short = 0
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { maxLength: 8 }), (sc, changes) => {
        const s = state(sc)
        const excluded = new Uint8Array(s.hostCount)
        const room = new MemoryRoom(s)
        room.reset(excluded)
        const vms = sc.instances.map((_, i) => i)
        const check = (): void => {
          // The recount: every candidate host's floor((free + 1 MiB) / size), summed.
          const recount = Array.from(room.slotSize, (size) => {
            let n = 0
            for (let h = 0; h < s.hostCount; h++) {
              if (excluded[h] === 1 || s.hostDown[h] === 1) continue
              const free = (s.hostMemMiB[h] as number) - (s.hostMemUsed[h] as number)
              n += Math.max(0, Math.floor((free + 1) / size))
            }
            return n
          })
          expect(Array.from(room.slots)).toEqual(recount)
          // The walk alone on the instances' least costs over the hosts' groups, decreasing.
          const groups = [...new Set(sc.hosts.map((h) => h.group))]
          const costs = vms
            .filter((v) => !s.compat || s.vmInstantiating[v] === 1)
            .map((v) => Math.min(...groups.map((g) => leastOn(s, v, g))))
            .sort((a, b) => b - a)
          if (room.slotsShort(Int32Array.from(vms), vms.length)) {
            short++
            expect(room.cannotHold(Float64Array.from(costs), costs.length)).toBe(true)
          }
        }
        check()
        for (const c of changes) {
          const h = c % s.hostCount
          if (c % 3 === 0) excluded[h] = 1
          else
            s.hostMemUsed[h] = Math.min(
              s.hostMemMiB[h] as number,
              (s.hostMemUsed[h] as number) + 1024 * (c % 5),
            )
          room.changed(h)
          check()
        }
      }),
      { numRuns: 2000, seed: 15 },
    )
    // Not vacuous: the counts decide often here.
    expect(short).toBeGreaterThan(1000)
  })
})

/** Instance v's memory cost on a host of group `g` (as `memoryCostMiB` on any of its hosts). */
function leastOn(s: SimState, v: number, g: number): number {
  const h = { ...s, hostOverheads: [GROUPS[g]] } as unknown as SimState
  return memoryCostMiB(h, v, 0)
}
