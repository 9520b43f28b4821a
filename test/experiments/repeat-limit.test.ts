/**
 * One repetitions limit for a spec file and for the app's `experiments:start` (review s4,
 * finding 11: 10,000 in files against 1,000 in the contract), refused in words, not zod's
 * "Too big: expected number to be <=1000".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { requestSchemas } from '../../src/shared/contract/schemas'
import { experimentSpecSchema, MAX_REPEAT } from '../../src/shared/experiment/spec'
import { testServices } from '../support/services/test-services'
import { FIXTURES } from './helpers'

const WORDS = 'repetitions must be a whole number from 1 to 1000'
const spec = (repeat: unknown) =>
  experimentSpecSchema.safeParse({ schemaVersion: 1, name: 'x', design: 'd.json', repeat })
const call = (repeat: unknown) =>
  requestSchemas['experiments:start'].safeParse({ vary: { 'simulation.seed': [1] }, repeat })

let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

describe('the repetitions limit', () => {
  it('is 1000 in both places', () => {
    expect(MAX_REPEAT).toBe(1000)
    for (const ok of [1, 1000]) {
      expect(spec(ok).success).toBe(true)
      expect(call(ok).success).toBe(true)
    }
  })

  for (const bad of [0, 1001, 5000, 2.5, 'ten'])
    it(`refuses ${JSON.stringify(bad)} in words, in a spec and in the call alike`, () => {
      expect(spec(bad).error?.issues.map((i) => i.message)).toEqual([WORDS])
      expect(call(bad).error?.issues.map((i) => i.message)).toEqual([WORDS])
    })

  it('the app answers a too large repetitions with the same words', async () => {
    const document = JSON.parse(readFileSync(join(FIXTURES, 'two-hall.strata.json'), 'utf8'))
    services = testServices({ document })
    const r = await services.dispatch({ role: 'provider' }, 'experiments:start', {
      vary: { 'simulation.seed': [1] },
      repeat: 100_000,
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(WORDS)
  })
})
