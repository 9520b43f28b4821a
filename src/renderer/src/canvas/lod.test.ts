/**
 * Level of detail and navigation, pure parts: wheel steps, per-rack totals, rack label
 * prefixes, and the layout of thousands of racks in rows.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { wheelZoomFactor } from './wheel'
import { rackAggregates, utilizationColour } from './rack-aggregates'
import { commonPrefix, glyphLines, instancesText, rackLabel } from './rack-glyph-text'
import { rackGridColumns, rackSlots, tieredLayout } from '../drawing/tiered-layout'

describe("instancesText (a rack glyph's instance line, review s7 #10g)", () => {
  // 6 px per character: '400 inst.' is 9 characters, 54 px
  const measure = (t: string): number => 6 * t.length
  it('names the unit where it fits, else shows the bare count (never nothing)', () => {
    expect(instancesText(400, 54, measure)).toBe('400 inst.')
    expect(instancesText(400, 53, measure)).toBe('400')
    expect(instancesText(0, 30, measure)).toBe('0')
  })
  it('a one-line glyph shows the instances once placed, unless hosts are down', () => {
    const rack = { hosts: 40, up: 40, failed: 0, instances: 0 }
    const text = (a: typeof rack, lines: 1 | 2, px = 30): string[] =>
      glyphLines(a, lines, px, measure).map((l) => l.text)
    expect(text(rack, 1)).toEqual(['40 up'])
    expect(text({ ...rack, instances: 400 }, 1)).toEqual(['400'])
    expect(text({ ...rack, instances: 400 }, 1, 60)).toEqual(['400 inst.'])
    expect(text({ ...rack, instances: 400, up: 38 }, 1)).toEqual(['38/40 up'])
    expect(text({ ...rack, instances: 400, up: 38 }, 2)).toEqual(['38/40 up', '400'])
    expect(glyphLines({ ...rack, up: 39, failed: 1 }, 1, 30, measure)).toEqual([
      { text: '39/40 up', alert: true },
    ])
  })
})

describe('rackLabel (review s9u B2: labels cut to "0…")', () => {
  // 0.65 px per character per px of font: "0012" is 26 px at 10 px, 23.4 at 9, 20.8 at 8
  const measure = (t: string, px: number): number => 0.65 * px * t.length
  it('drops the shared prefix, then shrinks the font to 8 px, and only then cuts', () => {
    expect(rackLabel('rack-0012', 'rack-', 60, 10, measure)).toEqual({ text: 'rack-0012', px: 10 })
    expect(rackLabel('rack-0012', 'rack-', 28, 10, measure)).toEqual({ text: '0012', px: 10 })
    expect(rackLabel('rack-0012', 'rack-', 24, 10, measure)).toEqual({ text: '0012', px: 9 })
    expect(rackLabel('rack-0012', 'rack-', 21, 10, measure)).toEqual({ text: '0012', px: 8 })
    // "00…" is 15.6 px at 8 px
    expect(rackLabel('rack-0012', 'rack-', 18, 10, measure)).toEqual({ text: '00…', px: 8 })
    expect(rackLabel('r', '', 1, 12, measure)).toEqual({ text: 'r', px: 8 })
  })
})

describe('wheelZoomFactor', () => {
  it('zooms 1.2× per mouse notch (100 px), so six notches cover 1.2^6 ≈ 3× and ten ≈ 6.2×', () => {
    let zoom = 1
    for (let i = 0; i < 6; i++) zoom *= wheelZoomFactor(-100)
    expect(zoom).toBeCloseTo(2.985984, 6)
    for (let i = 0; i < 4; i++) zoom *= wheelZoomFactor(-100)
    expect(zoom).toBeCloseTo(6.1917364224, 6)
    // a notch out undoes a notch in; 3 lines (Firefox) count as 99 px
    expect(wheelZoomFactor(-100) * wheelZoomFactor(100)).toBeCloseTo(1, 9)
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(1.2 ** 0.99, 9)
  })
  it('zooms by at most one notch per event, whatever the delta of a notch', () => {
    expect(wheelZoomFactor(-240)).toBeCloseTo(1.2, 9)
    expect(wheelZoomFactor(240)).toBeCloseTo(1 / 1.2, 9)
    expect(wheelZoomFactor(-1, 2)).toBeCloseTo(1.2, 9)
  })
  it('follows a trackpad and a pinch in proportion', () => {
    // 25 events of 4 px make one notch's worth: 1.2^(4/100) each
    expect(wheelZoomFactor(-4)).toBeCloseTo(1.2 ** 0.04, 12)
    let zoom = 1
    for (let i = 0; i < 25; i++) zoom *= wheelZoomFactor(-4)
    expect(zoom).toBeCloseTo(1.2, 9)
    // a pinch may go past a notch per event (up to 2×): 240 px is 1.2^2.4
    expect(wheelZoomFactor(-240, 0, true)).toBeCloseTo(1.2 ** 2.4, 9)
  })
  it('never more than a notch per event (2× for a pinch) either way', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean(), (d, pinch) => {
        const f = wheelZoomFactor(d, 0, pinch)
        const most = pinch ? 2 : 1.2
        return f >= 1 / most - 1e-12 && f <= most + 1e-12
      }),
    )
  })
})

describe('rackAggregates', () => {
  it('sums hosts, instances per tenant and mean utilization per rack', () => {
    const members = [
      { id: 'a', rackId: 'r1', down: false },
      { id: 'b', rackId: 'r1', down: false },
      { id: 'c', rackId: 'r1', down: true },
      { id: 'd', rackId: 'r2', down: false },
    ]
    const red = '#ff0000'
    const blue = '#0000ff'
    const overlay = new Map([
      ['a', { utilization: 0.2, instances: [{ tenantId: 't1', colour: red, count: 3 }] }],
      [
        'b',
        {
          utilization: 0.6,
          failed: true,
          instances: [
            { tenantId: 't1', colour: red, count: 1 },
            { tenantId: 't2', colour: blue, count: 5 },
          ],
        },
      ],
      ['d', { off: true }],
    ])
    const r = rackAggregates(members, overlay)
    const r1 = r.get('r1')
    expect(r1).toMatchObject({ hosts: 3, up: 1, failed: 1, off: 0, instances: 9 })
    expect(r1?.utilization).toBeCloseTo(0.4, 12)
    expect(r1?.tenants).toEqual([
      { tenantId: 't2', colour: blue, count: 5 },
      { tenantId: 't1', colour: red, count: 4 },
    ])
    expect(r.get('r2')).toMatchObject({ hosts: 1, up: 0, off: 1, instances: 0 })
    expect(r.get('r2')?.utilization).toBeUndefined()
  })
  it('gives each rack the sums of its own hosts whatever order the hosts come in', () => {
    const host = fc.record({
      rackId: fc.constantFrom('r1', 'r2', 'r3'),
      down: fc.boolean(),
      failed: fc.boolean(),
      utilization: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      count: fc.integer({ min: 0, max: 5 }),
    })
    fc.assert(
      fc.property(fc.array(host, { maxLength: 40 }), (hosts) => {
        const members = hosts.map((h, i) => ({ id: `h${i}`, rackId: h.rackId, down: h.down }))
        const overlay = new Map(
          hosts.map((h, i) => [
            `h${i}`,
            {
              failed: h.failed,
              ...(h.utilization !== undefined ? { utilization: h.utilization / 100 } : {}),
              instances: [{ tenantId: 't', colour: '#000', count: h.count }],
            },
          ]),
        )
        const got = rackAggregates(members, overlay)
        // oracle: each rack summed on its own, from the hosts filtered to it
        for (const rackId of new Set(hosts.map((h) => h.rackId))) {
          const mine = hosts.filter((h) => h.rackId === rackId)
          const withU = mine.filter((h) => h.utilization !== undefined)
          const a = got.get(rackId)
          expect(a?.hosts).toBe(mine.length)
          expect(a?.failed).toBe(mine.filter((h) => h.failed).length)
          expect(a?.up).toBe(mine.filter((h) => !h.failed && !h.down).length)
          expect(a?.instances).toBe(mine.reduce((n, h) => n + h.count, 0))
          expect(a?.utilizationHosts).toBe(withU.length)
          if (withU.length > 0)
            expect(a?.utilization).toBeCloseTo(
              withU.reduce((n, h) => n + (h.utilization as number) / 100, 0) / withU.length,
              12,
            )
          else expect(a?.utilization).toBeUndefined()
        }
        expect(got.size).toBe(new Set(hosts.map((h) => h.rackId)).size)
      }),
    )
  })

  it('colours utilization like the hosts: green at 0, red at 1', () => {
    expect(utilizationColour(0)).toBe('#2ca02c')
    expect(utilizationColour(1)).toBe('#d62728')
  })
})

describe('commonPrefix', () => {
  it('is the shared part up to a separator', () => {
    expect(commonPrefix(['rack-0001', 'rack-0002', 'rack-0100'])).toBe('rack-')
    expect(commonPrefix(['R01', 'R02'])).toBe('')
    expect(commonPrefix(['only'])).toBe('')
  })
})

describe('tiered layout at scale', () => {
  const design = syntheticDatacenter({ hosts: 10_000, instances: 10, tenants: 1, seed: 0 })
  const pos = tieredLayout(design)
  it('arranges 250 racks in rows that make a wide block, not one band', () => {
    const columns = rackGridColumns(design)
    const rows = Math.ceil(design.racks.length / columns)
    expect(rows).toBeGreaterThan(5)
    const xs = [...pos.values()].map((p) => p.x)
    const ys = [...pos.values()].map((p) => p.y)
    const aspect = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))
    expect(aspect).toBeGreaterThan(0.8)
    expect(aspect).toBeLessThan(2.5)
    expect(new Set(rackSlots(design).map((s) => s.row)).size).toBe(rows)
  })
  it('keeps racks apart: no two racks share a host cell box', () => {
    const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>()
    for (const h of design.hosts) {
      const p = pos.get(h.id) as { x: number; y: number }
      const b = boxes.get(h.rackId as string)
      if (!b) boxes.set(h.rackId as string, { x1: p.x, y1: p.y, x2: p.x, y2: p.y })
      else
        Object.assign(b, {
          x1: Math.min(b.x1, p.x),
          y1: Math.min(b.y1, p.y),
          x2: Math.max(b.x2, p.x),
          y2: Math.max(b.y2, p.y),
        })
    }
    const list = [...boxes.values()]
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as { x1: number; y1: number; x2: number; y2: number }
        const b = list[j] as { x1: number; y1: number; x2: number; y2: number }
        const apart = a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1
        expect(apart).toBe(true)
      }
  })
})
