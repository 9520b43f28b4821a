/**
 * Unwritten repeated entries (`entry-lag.ts`, issue 15) written in one go against the calls
 * they stand for: `repeatVmEntries` over instants t1 < … < tk must leave every accumulator of
 * the instance exactly (`Object.is`) as k calls of `vmEntry` with its pending figures would,
 * from any earlier history (none, one entry, several, stopped), short of CPU or not, migrating
 * or not.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMetrics, repeatVmEntries, vmEntry, vmStop, type Metrics } from './metrics'

const figures = fc.record({
  allocMips: fc.double({ min: 0, max: 5_000, noNaN: true }),
  reqMips: fc.double({ min: 0, max: 5_000, noNaN: true }),
  migrating: fc.boolean(),
  lossMips: fc.double({ min: 0, max: 500, noNaN: true }),
  memMiB: fc.double({ min: 0, max: 8_192, noNaN: true }),
})

/** Increasing instants, s (positive gaps of the sizes a run has: 0.1 s to a day). */
const increasing = (n: { min: number; max: number }): fc.Arbitrary<number[]> =>
  fc
    .array(fc.double({ min: 0.1, max: 86_400, noNaN: true }), {
      minLength: n.min,
      maxLength: n.max,
    })
    .map((gaps) => {
      let t = 0
      return gaps.map((g) => (t += g))
    })

const scenario = fc.record({
  history: fc.array(figures, { minLength: 0, maxLength: 4 }),
  stopAfter: fc.boolean(),
  pending: figures,
  times: increasing({ min: 2, max: 40 }),
  split: fc.nat(),
})

function snapshot(m: Metrics): number[][] {
  return Object.values(m)
    .filter((x): x is Float64Array | Uint8Array => ArrayBuffer.isView(x))
    .map((x) => Array.from(x))
}

describe('repeated instance entries written in one go', () => {
  it('equal the vmEntry calls they stand for, to the last bit', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const plain = createMetrics(1, 1)
        const once = createMetrics(1, 1)
        // The history and the pending entry take the first instants; the repeats the rest.
        const n = sc.history.length + 1
        const times = sc.times
        if (times.length <= n) return
        for (const m of [plain, once]) {
          sc.history.forEach((f, i) =>
            vmEntry(
              m,
              0,
              times[i] as number,
              f.allocMips,
              f.reqMips,
              f.migrating,
              f.lossMips,
              f.memMiB,
            ),
          )
          if (sc.stopAfter && sc.history.length > 0) vmStop(m, 0, times[n - 2] as number)
          const p = sc.pending
          vmEntry(
            m,
            0,
            times[n - 1] as number,
            p.allocMips,
            p.reqMips,
            p.migrating,
            p.lossMips,
            p.memMiB,
          )
        }
        const rest = times.slice(n)
        for (const tS of rest)
          vmEntry(
            plain,
            0,
            tS,
            plain.vpAlloc[0] as number,
            plain.vpReq[0] as number,
            plain.vpMig[0] === 1,
            plain.vpLoss[0] as number,
            plain.vpMemMiB[0] as number,
          )
        // In two pieces, as a host that lags twice would write them.
        const cut = sc.split % (rest.length + 1)
        repeatVmEntries(once, 0, rest, 0, cut)
        repeatVmEntries(once, 0, rest, cut, rest.length)
        const a = snapshot(plain)
        const b = snapshot(once)
        for (let k = 0; k < a.length; k++)
          for (let i = 0; i < (a[k] as number[]).length; i++)
            expect(Object.is(a[k]?.[i], b[k]?.[i])).toBe(true)
        expect(once.slaTimeS).toBe(plain.slaTimeS)
      }),
      { numRuns: 400 },
    )
  })
})
