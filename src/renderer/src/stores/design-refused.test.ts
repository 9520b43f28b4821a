// @vitest-environment happy-dom
/**
 * A refused `design:get` is said, never shown as an empty saved design (review s9a #1: the
 * web host refused a 36 MB design's answer at its cap, and the app showed "Untitled", "Saved",
 * "0 errors, 0 warnings" as if that were the open design). The refusal is the web host's own
 * answer to an over-cap call; the rest runs on the real services.
 */
import { describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { useRealServicesPerTest } from '../../../../test/support/renderer/component-services'
import { fail } from '../../../shared/contract'
import { useDesignStore } from './design'
import { useProblemsStore } from './problems'

useRealServicesPerTest()

const CAP_REFUSAL =
  'the answer to "design:get" would be more than 64 MiB, and answers may be at most 64 MiB'

describe('a refused design:get', () => {
  it('shows no design, says why, and shows the design again once main sends it', async () => {
    const design = useDesignStore()
    const problems = useProblemsStore()
    expect(design.design).toBeDefined()
    const real = api.call.bind(api)
    const spy = vi
      .spyOn(api, 'call')
      .mockImplementation((name, request) =>
        name === 'design:get'
          ? Promise.resolve(fail('unavailable', CAP_REFUSAL) as never)
          : real(name, request),
      )
    expect(await design.refresh()).toBe(false)
    expect(design.design).toBeUndefined()
    expect(design.refused?.message).toBe(CAP_REFUSAL)
    expect(design.title).toBe('The open design cannot be shown')
    expect(design.saveStatus).toBe('unknown')
    expect(problems.total).toBe(0)
    spy.mockRestore()
    // the next change (here a refetch) shows the design again
    expect(await design.refresh()).toBe(true)
    expect(design.refused).toBeUndefined()
    expect(design.saveStatus).toBe('saved')
    expect(design.design?.hosts.length).toBeGreaterThan(0)
  })
})
