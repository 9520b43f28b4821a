/**
 * The placement sentence on real placements (review s7c #2, #3): the sample's 37 instances sit
 * on 9 of its 13 hosts, and a node pool that is full is named as such, not called "not a
 * capacity shortage".
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createScheduler, readStrataFile } from '../../src/main/engine'
import {
  placementOutcomeText,
  refusalKinds,
  usedHostCount,
} from '../../src/shared/domain/placement-words'
import type { PlacementResult } from '../../src/shared/domain/placement'
import type { Design } from '../../src/shared/design/schema'
import { testDesign, testHost, testWorkload } from '../support/engine/nested-design'

const sentence = (r: PlacementResult): string =>
  placementOutcomeText({
    placedCount: r.placed.length,
    instanceCount: r.instanceCount,
    ...(r.hostCount === undefined ? {} : { hostCount: r.hostCount }),
    usedHostCount: usedHostCount(r.placed),
    order: r.order,
    refusedFor: refusalKinds(r.unplaced),
  })

describe('the placement sentence on real placements', () => {
  it('the sample: 37 of 43 on 9 of 13 hosts (metal-1, legacy-tcg-1, xen-1, xen-2 hold none)', () => {
    const file = readStrataFile(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
    if (!file.ok) throw new Error(file.message)
    const design: Design = file.design
    const r = createScheduler(design).placeAll()
    const empty = ['metal-1', 'legacy-tcg-1', 'xen-1', 'xen-2']
    const held = new Set(r.placed.map((p) => p.hostId))
    for (const id of empty) expect(held.has(id)).toBe(false)
    expect(design.hosts).toHaveLength(13)
    const text = sentence(r)
    expect(text).toMatch(
      new RegExp(`^placed 37 of 43 instances on ${13 - empty.length} of 13 hosts; 6 refused \\(`),
    )
    expect(text).not.toContain('capacity shortage')
  })

  it('a full node pool: 2 VMs of 4 vCPUs hold 3 pods each, so 6 of 10 pods are placed', () => {
    // room: 4,000 − ⌈80 + 40⌉ = 3,880 millicores a VM; a pod 1,000 × 1.01 = 1,010 → 3 a VM
    const d = testDesign(
      [testHost('h1')],
      [
        testWorkload('vms', 't1', { count: 2 }),
        testWorkload('pods', 't1', {
          kind: 'container',
          count: 10,
          vcpus: 1,
          memoryMiB: 1000,
          diskGiB: 1,
          nesting: { runsIn: 'vms' },
        }),
      ],
    )
    const r = createScheduler(d).placeAll()
    expect(sentence(r)).toBe(
      "placed 8 of 12 instances on 1 of 1 host; 4 refused (no room in their node pool's VMs: vCPU); in the design\u2019s order",
    )
  })
})
