/**
 * The PABFD index's group summaries are bounds of their members, whatever sequence of filings
 * and removals made them (oracle: the members' figures, read directly): a word's, block's or
 * group's room maxima are at least every member's room, its least offset at most every
 * member's, its load range covers every member's load; an empty word, block or group reads
 * empty; and `refresh` makes a word (and `refreshBlock` a block) exact again.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GroupSummaries } from './pabfd-summaries'

const HOSTS = 1100 // more than one 1,024-host block
const GROUPS = 3

describe('GroupSummaries', () => {
  it('bound their members under random filings, removals and refreshes', () => {
    const op = fc.record({
      kind: fc.constantFrom('add', 'add', 'remove', 'refresh', 'refreshBlock'),
      host: fc.integer({ min: 0, max: HOSTS - 1 }),
      group: fc.integer({ min: 0, max: GROUPS - 1 }),
      cpu: fc.constantFrom(-1, 0, 10, 500, 2500.5),
      mem: fc.constantFrom(0, 1024, 8192.25),
      off: fc.constantFrom(0, 0.5, 3),
      load: fc.constantFrom(0, 100, 2000),
    })
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 200 }), (ops) => {
        const cpuRoom = new Float64Array(HOSTS)
        const memRoom = new Float64Array(HOSTS)
        const offset = new Float64Array(HOSTS)
        const load = new Float64Array(HOSTS)
        const groupOf = new Int32Array(HOSTS).fill(-1)
        const mips = (g: number): number => 1000 * (g + 1)
        const sum = new GroupSummaries(GROUPS, HOSTS, {
          cpuRoom,
          memRoom,
          offset,
          load,
          groupMips: mips,
        })
        sum.clear()
        const faults: string[] = []
        const ok = (holds: boolean, what: string, at: number): void => {
          if (!holds) faults.push(`${what} ${at}`)
        }
        for (const o of ops) {
          const h = o.host
          if (o.kind === 'add') {
            if (groupOf[h] !== -1) sum.remove(groupOf[h] as number, h)
            cpuRoom[h] = o.cpu
            memRoom[h] = o.mem
            offset[h] = o.off
            load[h] = o.load
            groupOf[h] = o.group
            sum.add(o.group, h)
          } else if (o.kind === 'remove' && groupOf[h] !== -1) {
            sum.remove(groupOf[h] as number, h)
            groupOf[h] = -1
          } else if (o.kind === 'refresh') sum.refresh(o.group, h >>> 5)
          else if (o.kind === 'refreshBlock') sum.refreshBlock(o.group, h >>> 10)
          const exactWord = o.kind === 'refresh' ? { g: o.group, w: h >>> 5 } : undefined
          // Every word, block and group against its members.
          for (let g = 0; g < GROUPS; g++) {
            let groupCpu = -1
            let groupMem = -1
            for (let b = 0; b < sum.blocks; b++) {
              let members = 0
              const bi = g * sum.blocks + b
              for (let w = b << 5; w < Math.min(sum.words, (b + 1) << 5); w++) {
                const wi = g * sum.words + w
                let cpu = -1
                let mem = -1
                let n = 0
                for (let k = w << 5; k < Math.min(HOSTS, (w + 1) << 5); k++) {
                  const inWord = ((sum.bits[wi] as number) >>> (k & 31)) & 1
                  ok((inWord === 1) === (groupOf[k] === g), 'bit', k)
                  if (groupOf[k] !== g) continue
                  n++
                  cpu = Math.max(cpu, cpuRoom[k] as number)
                  mem = Math.max(mem, memRoom[k] as number)
                  const x = (load[k] as number) / mips(g)
                  for (const [off, lo, hi] of [
                    [sum.wordOff[wi], sum.wordLo[wi], sum.wordHi[wi]],
                    [sum.blockOff[bi], sum.blockLo[bi], sum.blockHi[bi]],
                  ] as Array<[number, number, number]>) {
                    ok(off <= (offset[k] as number), 'offset', k)
                    ok(lo <= x, 'low load', k)
                    ok(hi >= x, 'high load', k)
                  }
                }
                members += n
                if (n === 0) ok(sum.wordCpu[wi] === -1 && sum.wordMem[wi] === -1, 'empty word', w)
                ok((sum.wordCpu[wi] as number) >= cpu, 'word cpu', w)
                ok((sum.wordMem[wi] as number) >= mem, 'word mem', w)
                if (exactWord?.g === g && exactWord.w === w)
                  ok(sum.wordCpu[wi] === cpu && sum.wordMem[wi] === mem, 'refreshed word', w)
                ok((sum.blockCpu[bi] as number) >= cpu, 'block cpu', b)
                ok((sum.blockMem[bi] as number) >= mem, 'block mem', b)
                groupCpu = Math.max(groupCpu, cpu)
                groupMem = Math.max(groupMem, mem)
              }
              if (members === 0)
                ok(sum.blockCpu[bi] === -1 && sum.blockMem[bi] === -1, 'empty block', b)
            }
            ok(sum.fits(g, groupCpu, groupMem), 'group room', g)
            if (groupCpu === -1 && groupMem === -1)
              ok(sum.groupCpu[g] === -1 && sum.groupMem[g] === -1, 'empty group', g)
          }
          expect(faults.slice(0, 5), `after ${o.kind} ${h} in ${o.group}`).toEqual([])
        }
      }),
      { numRuns: 40 },
    )
  })
})
