/**
 * The racks' totals summed a run of hosts at a time (issue 19: sliced over tasks) equal the
 * totals summed in one pass, wherever the runs are cut.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rackAggregates, RackSums } from './rack-aggregates'

describe('RackSums', () => {
  it('sums in runs of any length what one pass sums', () => {
    const host = fc.record({
      rackId: fc.constantFrom('r1', 'r2', 'r3'),
      down: fc.boolean(),
      failed: fc.boolean(),
      utilization: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      count: fc.integer({ min: 0, max: 5 }),
    })
    fc.assert(
      fc.property(
        fc.array(host, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (hosts, run) => {
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
          const sums = new RackSums(overlay)
          for (let from = 0; from < members.length; from += run)
            sums.add(members, from, Math.min(members.length, from + run))
          expect(sums.result()).toEqual(rackAggregates(members, overlay))
        },
      ),
    )
  })
})
