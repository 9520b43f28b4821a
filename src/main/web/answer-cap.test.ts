/**
 * The answer-size count (`jsonBytesUpTo`) against `JSON.stringify` itself, the independent
 * oracle: never more than the real byte count (so an answer that fits is never refused), the
 * same when every string is plain ASCII (nothing to escape), and a count stopped at a limit
 * passes that limit exactly when the whole count does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonBytesUpTo } from './answer-cap'
import { quoted, QUOTED_CHARS } from './quote'

const exact = (v: unknown): number => Buffer.byteLength(JSON.stringify(v))
const plain = fc.string({ unit: fc.constantFrom(...'abcXYZ 019-_.:#'.split('')) })
const plainJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    plain,
    fc.array(tie('value')),
    fc.dictionary(plain, tie('value')),
  ),
})).value

describe('jsonBytesUpTo', () => {
  it('is the byte count of JSON.stringify when strings need no escapes', () => {
    fc.assert(fc.property(plainJson, (v) => jsonBytesUpTo(v) === exact(v)))
  })

  it('never counts more than JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonBytesUpTo(v) <= exact(v)))
  })

  it('passes a limit exactly when the whole count does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(400), (v, limit) => {
        const whole = jsonBytesUpTo(v)
        return jsonBytesUpTo(v, limit) > limit === whole > limit
      }),
    )
  })

  it('leaves out undefined members as JSON does, and writes undefined items as null', () => {
    const v = { a: undefined, b: [undefined, 1], c: 'x' }
    expect(jsonBytesUpTo(v)).toBe(exact(v))
  })
})

describe('quoted', () => {
  it(`keeps ${QUOTED_CHARS} characters of a long text and marks the cut`, () => {
    expect(quoted('n'.repeat(2 * 1024 * 1024))).toBe(`${'n'.repeat(QUOTED_CHARS)}…`)
    expect(quoted('design:load')).toBe('design:load')
  })
})
