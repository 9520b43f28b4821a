/**
 * A run's length is bounded everywhere it enters (review s7a #2): `simulation:start`'s
 * `horizonS` has the design's 10-year limit (315,360,000 s = 10 × 365 × 86,400 s), and a run
 * may take at most 1,051,200 steps (315,360,000 s / 300 s), checked on the design
 * (`set-simulation`, a file) and on `simulation:start`'s horizon over the design's step. The
 * refusals name the field and the limit. Real web host in a child process, real sockets; the
 * CLI reads a real file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'
import { wsCall, ROOT } from './helpers'
import { useProviderHost } from './provider-host'

let callId = 1
const ctx = useProviderHost('strata-run-length-')
const dir = ctx.dir
const call = (name: string, request: unknown = {}) => wsCall(ctx.provider, callId++, name, request)

const TEN_YEARS_S = 10 * 365 * 86_400 // 315,360,000

describe('the length of a run', () => {
  it("simulation:start refuses a horizon past the design's 10 years, naming the field", async () => {
    for (const horizonS of [2 ** 53 - 1, TEN_YEARS_S + 1]) {
      const r = await call('simulation:start', { horizonS })
      expect(r.ok, String(horizonS)).toBe(false)
      expect(r.error?.code).toBe('bad-request')
      expect(r.error?.message).toContain('horizonS')
      expect(r.error?.message).toContain(String(TEN_YEARS_S))
    }
    expect(await call('simulation:list')).toEqual({ ok: true, value: [] })
  })

  it('set-simulation refuses more than 1,051,200 steps, naming stepS, the count and the least step', async () => {
    // 315,360,000 s in steps of 1 s: 315,360,000 steps; the least step is 315,360,000 / 1,051,200 = 300 s
    const r = await call('design:apply', {
      command: { type: 'set-simulation', patch: { stepS: 1, horizonS: TEN_YEARS_S } },
    })
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe('bad-request')
    expect(r.error?.message).toContain('command.patch.stepS')
    expect(r.error?.message).toContain('315,360,000 steps')
    expect(r.error?.message).toContain('1,051,200')
    expect(r.error?.message).toContain('at least 300 s')
    // the bound itself is accepted: 315,360,000 s / 300 s = 1,051,200 steps
    const least = await call('design:apply', {
      command: { type: 'set-simulation', patch: { stepS: 300, horizonS: TEN_YEARS_S } },
    })
    expect(least.ok ? 'ok' : least.error?.message).toBe('ok')
  })

  it("simulation:start refuses a horizon that is too many of the design's steps, before any run", async () => {
    // a 1-day design in 1 s steps is fine (86,400 steps); 10 years of them is not
    const set = await call('design:apply', {
      command: { type: 'set-simulation', patch: { stepS: 1, horizonS: 86_400 } },
    })
    expect(set.ok ? 'ok' : set.error?.message).toBe('ok')
    const r = await call('simulation:start', { horizonS: TEN_YEARS_S })
    expect(r.error?.code).toBe('bad-request')
    expect(r.error?.message).toContain(
      'simulation:start: a horizon of 315,360,000 s in steps of 1 s',
    )
    expect(r.error?.message).toContain('at least 300 s')
    expect(await call('simulation:list')).toEqual({ ok: true, value: [] })
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('a design file with too many steps is refused by strata validate, naming the field', async () => {
    const design = JSON.parse(
      readFileSync(join(ROOT, 'resources', 'samples', 'two-hall.strata.json'), 'utf8'),
    ) as { simulation: Record<string, unknown> }
    design.simulation.stepS = 1
    design.simulation.horizonS = TEN_YEARS_S
    const file = join(dir, 'step1-10y.strata.json')
    writeFileSync(file, JSON.stringify(design))
    const r = await strataIn(dir, 'validate', file)
    expect(r.code).toBe(1)
    expect(`${r.out}\n${r.err}`).toMatch(/simulation\.stepS.*315,360,000 steps/)
  })
})
