/**
 * Through the real dispatcher, the app refuses to run a design that fails the rules the CLI
 * runs first: `simulation:start` and `scheduler:place` answer `invalid-design`, naming each
 * problem's path (issue 10, the zero-core host case).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
const ZERO_CORE = 'test/fixtures/cases/simulation/zero-core-host.strata.json'

describe('the contract refuses an invalid design before running it', () => {
  it('simulation:start and scheduler:place give invalid-design naming hosts[0].coresPerSocket', async () => {
    const s = testServices({ document: JSON.parse(readFileSync(ZERO_CORE, 'utf8')) as unknown })
    for (const call of ['simulation:start', 'scheduler:place'] as const) {
      const r = await s.dispatch(provider, call, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-design' } })
      if (!r.ok) expect(r.error.problems?.map((p) => p.path)).toContain('hosts[0].coresPerSocket')
    }
  })
})
