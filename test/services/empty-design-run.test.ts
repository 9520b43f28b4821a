/**
 * A design with no hosts has nothing to simulate (review s11u #18): `simulation:start` and
 * `experiments:start` refuse it with a typed `invalid-design` at path `hosts`, and a report of
 * it is written with a note saying why nothing was placed or simulated (it was an `internal`
 * error once the engine refused such runs: the web host fuzz found it).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

const dispatch = (name: string, request: unknown = {}) =>
  (services as Services).dispatch(provider, name as never, request as never)

describe('a design with no hosts', () => {
  it('is refused by simulation:start and experiments:start, and reported with a note', async () => {
    services = testServices()
    expect((await dispatch('design:new', { name: 'empty' })).ok).toBe(true)
    for (const [call, request] of [
      ['simulation:start', {}],
      ['experiments:start', { vary: { 'simulation.seed': [1, 2] } }],
    ] as const) {
      const r = await dispatch(call, request)
      expect(r.ok, call).toBe(false)
      if (r.ok) continue
      expect(r.error.code, call).toBe('invalid-design')
      expect(r.error.message, call).toMatch(/no hosts, so there is nothing to simulate/)
      expect(r.error.problems, call).toEqual([expect.objectContaining({ path: 'hosts' })])
    }
    const report = await dispatch('reports:export', { format: 'html' })
    expect(report.ok).toBe(true)
    if (!report.ok) return
    const value = report.value as { notes: string[]; contents: string }
    expect(value.notes.join(' ')).toMatch(/not placed or simulated: the design has no hosts/)
  })
})
