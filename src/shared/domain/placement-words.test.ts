import { describe, expect, it } from 'vitest'
import type { UnplacedInstance } from './placement'
import {
  placedOnHostsText,
  placementOrderWords,
  placementOutcomeText,
  refusalKinds,
} from './placement-words'

const refused = (over: Partial<UnplacedInstance>): UnplacedInstance => ({
  instanceId: 'w#0',
  workloadId: 'w',
  tenantId: 't',
  reasons: [],
  summary: '',
  ...over,
})

describe('placementOutcomeText (review s7u #3, s7c #2, #3)', () => {
  it('counts the refused (16,000 − 15,983 = 17), names their kind, never "not a capacity shortage"', () => {
    const pod = refused({
      outerWorkloadId: 'w-000001',
      reasons: [
        {
          filter: 'compute',
          reason: "insufficient memory left in the VM after its guest's reserve",
          count: 16,
        },
      ],
    })
    const text = placementOutcomeText({
      placedCount: 15_983,
      instanceCount: 16_000,
      hostCount: 2_000,
      usedHostCount: 2_000,
      order: 'stable',
      refusedFor: refusalKinds(Array.from({ length: 17 }, () => pod)),
    })
    expect(text).toBe(
      "placed 15,983 of 16,000 instances on 2,000 of 2,000 hosts; 17 refused (no room in their node pool's VMs: memory); in the design\u2019s order",
    )
    expect(text).not.toContain('everything fitted')
    expect(text).not.toContain('capacity shortage')
  })

  it('names the hosts that hold instances of those considered: 13 − 4 empty = 9 of 13', () => {
    expect(
      placedOnHostsText({ placedCount: 37, instanceCount: 43, hostCount: 13, usedHostCount: 9 }),
    ).toBe('37 of 43 instances on 9 of 13 hosts')
    // a tenant's view has no provider total: only the hosts used
    expect(placedOnHostsText({ placedCount: 1, instanceCount: 1, usedHostCount: 1 })).toBe(
      '1 of 1 instances on 1 host',
    )
  })

  it('says everything fitted only when nothing was refused', () => {
    const all = {
      placedCount: 43,
      instanceCount: 43,
      hostCount: 13,
      usedHostCount: 11,
      order: 'stable',
    } as const
    expect(placementOutcomeText(all)).toBe(
      'placed 43 of 43 instances on 11 of 13 hosts; none refused (everything fitted, in the design\u2019s order)',
    )
    expect(placementOrderWords({ order: 'drf' })).toContain('dominant resource fairness')
    expect(placementOutcomeText({ ...all, order: 'drf' })).not.toContain('everything fitted')
  })

  it('names each kind once, most hosts first, with the resources that ran out', () => {
    const a = refused({
      reasons: [
        { filter: 'isolation', reason: 'dedicated to Globex', count: 4 },
        { filter: 'virtualization', reason: 'container-only host', count: 3 },
        { filter: 'virtualization', reason: 'need a paravirtualization-aware guest', count: 2 },
        { filter: 'compute', reason: 'insufficient vCPU', count: 1 },
      ],
    })
    const b = refused({ reasons: [{ filter: 'compute', reason: 'insufficient memory', count: 3 }] })
    // virtualization 3 + 2 = 5, compute 1 + 3 = 4, isolation 4 (tie: by name)
    expect(refusalKinds([a, b])).toEqual([
      "the hosts' virtualization",
      'hosts held for other tenants',
      'no room on the hosts: vCPU, memory',
    ])
    // a tenant's view carries no reasons: no kind is named
    expect(refusalKinds([refused({})])).toEqual([])
  })
})
