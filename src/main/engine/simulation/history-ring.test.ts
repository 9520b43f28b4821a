/**
 * The instances' utilization history is a mirrored ring (`state.ts`, `pushHistory`): every
 * slot must read what CloudSim's PowerVm list holds, a list the newest value is put in front of
 * (the oldest dropping out past `HISTORY_LENGTH`). The oracle here is that list, kept as a
 * plain array; nothing of the ring is read but `histBase`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { histBase, HIST_STRIDE, HISTORY_LENGTH, pushHistory, type SimState } from './state'

/** The part of the run state a history push reads and writes. */
function historyState(instances: number): SimState {
  return {
    vmHist: new Float64Array(instances * HIST_STRIDE),
    vmHistHead: new Uint8Array(instances),
    vmHistLen: new Uint8Array(instances),
    vmHistPushes: new Float64Array(instances),
  } as unknown as SimState
}

describe('the history ring', () => {
  it('reads, slot by slot, the list the pushes build, for interleaved instances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ noNaN: true })), {
          maxLength: 200,
        }),
        (pushes) => {
          const s = historyState(3)
          const lists: number[][] = [[], [], []]
          for (const [v, u] of pushes) {
            pushHistory(s, v, u)
            const list = lists[v] as number[]
            list.unshift(u)
            if (list.length > HISTORY_LENGTH) list.pop()
          }
          for (let v = 0; v < 3; v++) {
            const list = lists[v] as number[]
            expect(s.vmHistLen[v]).toBe(list.length)
            expect(s.vmHistPushes[v]).toBe(pushes.filter(([w]) => w === v).length)
            const base = histBase(s, v)
            for (let k = 0; k < HISTORY_LENGTH; k++)
              expect(Object.is(s.vmHist[base + k], k < list.length ? list[k] : 0)).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
