/**
 * Review s9u C7: items dropped onto a rack stacked on one spot. A drop now takes the rack's
 * next free slot: N drops give N positions that overlap no member, inside the rack's columns
 * as the tiered layout would give it (at most 8 cells of CELL wide, from its left member).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Design } from '../../../shared/design/schema'
import { standardHost } from '../../../shared/design/defaults'
import { nextRackSlot } from './rack-slot'
import { CELL } from './tiered-layout'

const sample = (): Design =>
  JSON.parse(
    readFileSync(
      new URL('../../../../resources/samples/two-hall.strata.json', import.meta.url),
      'utf8',
    ),
  ) as Design

type Kind = 'host' | 'storage' | 'switch'

/** Drops `kinds` one by one on `rackId` at `at`, as the editor does; returns the new positions. */
function dropAll(d: Design, rackId: string, kinds: Kind[], at: { x: number; y: number }) {
  return kinds.map((kind, i) => {
    const position = nextRackSlot(d, rackId, kind === 'switch', at)
    const id = `new-${i}`
    if (kind === 'host') d.hosts.push({ id, name: id, rackId, position, ...standardHost() })
    else if (kind === 'switch')
      d.switches.push({ id, name: id, tier: 'access', ports: 48, portGbps: 25, rackId, position })
    else
      d.storage.push({
        ...{ id, name: id, kind: 'san', capacityGiB: 1, iops: 1, throughputMBps: 1 },
        ...{ replication: 1, classes: ['x'], rackId, position },
      })
    return position
  })
}

const members = (d: Design, rackId: string) =>
  [...d.hosts, ...d.switches, ...d.storage].filter((e) => e.rackId === rackId)

describe('nextRackSlot', () => {
  it('puts a host dropped on R01 beside its top row of hosts, by the grid arithmetic', () => {
    // R01: kvm-1..4 at x 60/140, y 380/470, tor-1 at (100, 300); 5 hosts → 3 columns
    // (ceil √(5 × 1.2) = 3), so the first free cell is x = 60 + 2 × 80 = 220 on the hosts' top row
    const d = sample()
    expect(dropAll(d, 'rack-1', ['host'], { x: 100, y: 420 })).toEqual([{ x: 220, y: 380 }])
  })

  it('an empty rack takes the first drop where it falls, the next ones in a grid', () => {
    const d = sample()
    d.racks.push({ id: 'rack-9', name: 'R09', uplinkOversubscription: 3 })
    const got = dropAll(d, 'rack-9', ['host', 'host', 'host', 'switch'], { x: 1000, y: 1000 })
    // 2 hosts → 2 columns (ceil √2.4), 3 → 2 (ceil √3.6); the ToR keeps 2 (3 hosts) and
    // takes the free cell of the second row
    expect(got).toEqual([
      { x: 1000, y: 1000 },
      { x: 1080, y: 1000 },
      { x: 1000, y: 1080 },
      { x: 1080, y: 1080 },
    ])
  })

  it('N drops give N positions overlapping no member, inside the rack columns', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rack-1', 'rack-2', 'rack-3', 'empty'),
        fc.array(fc.constantFrom<Kind>('host', 'storage', 'switch'), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.record({
          x: fc.integer({ min: -500, max: 1500 }),
          y: fc.integer({ min: -500, max: 1500 }),
        }),
        (rack, kinds, at) => {
          const d = sample()
          if (rack === 'empty') d.racks.push({ id: 'empty', name: 'E', uplinkOversubscription: 3 })
          const before = members(d, rack).map((m) => m.position!)
          // the grid starts at the rack's left member, or where the first drop on an empty rack fell
          const left = before.length > 0 ? Math.min(...before.map((p) => p.x)) : at.x
          dropAll(d, rack, kinds, at)
          const all = members(d, rack).map((m) => m.position!)
          expect(all).toHaveLength(before.length + kinds.length)
          for (let i = 0; i < all.length; i++)
            for (let j = i + 1; j < all.length; j++) {
              const [a, b] = [all[i]!, all[j]!]
              // two nodes overlap when they are closer than 3/4 of a cell on both axes
              const apart = Math.abs(a.x - b.x) >= CELL * 0.75 || Math.abs(a.y - b.y) >= CELL * 0.75
              expect(apart, `${JSON.stringify(a)} on ${JSON.stringify(b)}`).toBe(true)
            }
          for (const p of all.slice(before.length)) {
            expect(p.x).toBeGreaterThanOrEqual(left)
            expect(p.x).toBeLessThanOrEqual(left + 7 * CELL)
          }
        },
      ),
      { seed: 10, numRuns: 150 },
    )
  })
})
