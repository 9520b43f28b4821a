/**
 * Failure messages are cut like problems (review s9a #4: a 30,000,000-character policy came
 * back whole in a refusal): `fail` cuts what it builds, `withBoundedMessage` what was built
 * some other way. Expected lengths by arithmetic: 1,000 characters and "…".
 */
import { describe, expect, it } from 'vitest'
import { fail, MAX_ERROR_MESSAGE_CHARS, ok, withBoundedMessage, type Result } from './result'

describe('failure messages', () => {
  it('are cut to 1,000 characters and "…" by fail', () => {
    expect(MAX_ERROR_MESSAGE_CHARS).toBe(1000)
    const r = fail('bad-request', 'x'.repeat(3_000_000))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toBe(`${'x'.repeat(1000)}…`)
    expect(fail('io', 'short')).toEqual({ ok: false, error: { code: 'io', message: 'short' } })
  })

  it('are cut however the failure was built, and nothing else changes', () => {
    const built: Result<number> = {
      ok: false,
      error: { code: 'internal', message: 'y'.repeat(5000), problems: [] },
    }
    expect(withBoundedMessage(built)).toEqual({
      ok: false,
      error: { code: 'internal', message: `${'y'.repeat(1000)}…`, problems: [] },
    })
    const good = ok(3)
    expect(withBoundedMessage(good)).toBe(good)
    const short = fail('conflict', 'nothing to undo')
    expect(withBoundedMessage(short)).toBe(short)
  })
})
