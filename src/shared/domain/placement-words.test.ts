import { describe, expect, it } from 'vitest'
import { placementOrderWords, placementOutcomeText } from './placement-words'

describe('placementOutcomeText (review s7u #3)', () => {
  it('counts the refused (16,000 − 15,983 = 17) and does not say everything fitted', () => {
    const text = placementOutcomeText({
      placedCount: 15_983,
      instanceCount: 16_000,
      hostCount: 2_000,
      order: 'stable',
    })
    expect(text).toMatch(/^placed 15,983 of 16,000 instances on 2,000 hosts; 17 refused \(/)
    expect(text).not.toContain('everything fitted')
  })

  it('says everything fitted only when nothing was refused', () => {
    const all = { placedCount: 43, instanceCount: 43, hostCount: 13, order: 'stable' } as const
    expect(placementOutcomeText(all)).toBe(
      'placed 43 of 43 instances on 13 hosts; none refused (everything fitted, in the design\u2019s order)',
    )
    expect(placementOrderWords({ ...all, order: 'drf' })).toContain('dominant resource fairness')
  })
})
