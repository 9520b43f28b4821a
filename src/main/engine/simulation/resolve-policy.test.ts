import { describe, expect, it } from 'vitest'
import { resolvePolicy } from './policy'

describe('resolvePolicy (the one reader of a policy)', () => {
  it('parses a name and passes a parsed spec as it is', () => {
    const parsed = resolvePolicy(' THR-mmt-0.8 ')
    expect(parsed).toEqual({
      ok: true,
      policy: {
        kind: 'migration',
        name: 'thr-mmt-0.8',
        detector: 'thr',
        selector: 'mmt',
        parameter: 0.8,
      },
    })
    const spec = { kind: 'dvfs', name: 'dvfs' } as const
    const again = resolvePolicy(spec)
    expect(again.ok && again.policy).toBe(spec)
  })

  it('says what is wrong and what is accepted', () => {
    const bad = resolvePolicy('thr-xyz-1')
    expect(bad.ok).toBe(false)
    expect(bad.ok ? '' : bad.message).toContain('unknown VM selector "xyz"')
  })
})
