/**
 * The answer-size count (`jsonBytesUpTo`) against `JSON.stringify` itself, the independent
 * oracle: never more than the real byte count (so an answer that fits is never refused), the
 * same when every string is plain ASCII (nothing to escape), and a count stopped at a limit
 * passes that limit exactly when the whole count does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CALL_NAMES, type CallName } from '../../shared/contract'
import { answerTooBigMessage, jsonBytesUpTo } from './answer-cap'
import { CALL_EFFECTS } from './call-effects'
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

/** Calls that change nothing: a refusal of their answer has nothing to report as done. */
const READ_ONLY: readonly CallName[] = [
  'app:info',
  'design:get',
  'design:validate',
  'experiments:list',
  'experiments:results',
  'experiments:run',
  'experiments:series',
  'files:recent',
  'files:recovery',
  'files:export',
  'reports:cancel',
  'scheduler:explain',
  'scheduler:last',
  'scheduler:last-digest',
  'simulation:get',
  'simulation:list',
  'simulation:host-series',
  'stack:host',
  'stack:tenant',
  'tenancy:view',
  'tenancy:list',
  'tenancy:tokens',
]

describe('the refusal of an answer too big to send (s8a #2)', () => {
  it('says what took effect for every call that changes state, and for no other', () => {
    for (const name of CALL_NAMES) {
      const done = CALL_EFFECTS[name]?.done
      // a call added to the contract must be put on one side or the other
      expect(READ_ONLY.includes(name) ? done === undefined : done !== undefined, name).toBe(true)
      const message = answerTooBigMessage(name, 1024, 2048, 'exact')
      if (done) expect(message.startsWith(`${done}; the answer to "${name}"`)).toBe(true)
      else expect(message.startsWith(`the answer to "${name}"`)).toBe(true)
    }
  })

  it('says the design was opened, then the sizes, then where to read it', () => {
    expect(answerTooBigMessage('files:open', 64 * 1024 * 1024, 0, 'at least')).toBe(
      'the design was opened in place of the open one; the answer to "files:open" would be ' +
        'more than 64 MiB, and answers may be at most 64 MiB: read it with "design:get" and ' +
        'its problems with "design:validate"',
    )
  })
})
